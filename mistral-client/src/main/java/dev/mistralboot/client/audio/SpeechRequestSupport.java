package dev.mistralboot.client.audio;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link SpeechRequest}, which the generated record implements:
 * its check.
 */
public interface SpeechRequestSupport {

	/**
	 * The text to speak.
	 * @return the text
	 */
	@Nullable String input();

	/**
	 * The audio format asked for.
	 * @return the format, or {@code null} for the API's default (mp3)
	 */
	@Nullable SpeechOutputFormat responseFormat();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when the input is missing or blank, or the format
	 * is {@link SpeechOutputFormat#UNKNOWN}
	 */
	default void validate() {
		String input = input();
		if (input == null || input.isBlank()) {
			throw new IllegalArgumentException("A speech request needs the text to speak: set input(...)");
		}
		if (responseFormat() == SpeechOutputFormat.UNKNOWN) {
			throw new IllegalArgumentException(
					"SpeechOutputFormat.UNKNOWN cannot be sent: choose pcm, wav, mp3, flac or opus");
		}
	}

}
