/**
 * Auto-configuration of the audio client: transcription, speech and voices
 * ({@code mistral.audio.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.audio;

import org.jspecify.annotations.NullMarked;
