package dev.mistralboot.client.audio;

import dev.mistralboot.client.core.EndOfStream;

/**
 * The hand-written part of {@link TranscriptionDone}: the final event of a transcription
 * stream ({@link EndOfStream}), observed as a {@link Transcription} is.
 */
public interface TranscriptionDoneSupport extends TranscriptionSupport, EndOfStream {

}
