package dev.mistralboot.client.audio;

import dev.mistralboot.client.core.ObservedResponse;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link Transcription} and {@link TranscriptionDone}: what an
 * observation records of them (the model, the usage and, when content recording is on,
 * the text).
 */
public interface TranscriptionSupport extends ObservedResponse {

	/**
	 * The transcribed text.
	 * @return the text
	 */
	String text();

	/**
	 * A transcription has no id.
	 * @return {@code null}
	 */
	@Override
	default @Nullable String id() {
		return null;
	}

	@Override
	default @Nullable String observedOutput() {
		return text();
	}

}
