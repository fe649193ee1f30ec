/**
 * Audio ({@code /v1/audio}): transcription of uploaded or remote audio (whole or as a
 * stream of events), speech synthesis (written as it arrives, or as a stream of events)
 * and custom voices. {@link dev.mistralboot.client.audio.MistralAudioClient} and its
 * reactive twin {@link dev.mistralboot.client.audio.ReactiveMistralAudioClient}.
 */
@NullMarked
package dev.mistralboot.client.audio;

import org.jspecify.annotations.NullMarked;
