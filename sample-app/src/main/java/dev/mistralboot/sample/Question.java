package dev.mistralboot.sample;

import org.jspecify.annotations.Nullable;

/**
 * A question sent by the page as JSON ({@code {"message": "..."}}).
 *
 * @param message the question, as typed
 */
public record Question(@Nullable String message) {

	/**
	 * The question, checked: a missing or blank message is answered with 400 (see
	 * {@code ErrorAdvice}) instead of being sent to Mistral.
	 * @return the message
	 * @throws IllegalArgumentException when the message is missing or blank
	 */
	public String text() {
		if (this.message == null || this.message.isBlank()) {
			throw new IllegalArgumentException(
					"Write a question: the JSON body needs a non-empty \"message\", such as {\"message\": \"Why is the sky blue?\"}.");
		}
		return this.message;
	}

}
