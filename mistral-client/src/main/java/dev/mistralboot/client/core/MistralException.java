package dev.mistralboot.client.core;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception thrown by the Mistral clients. Unchecked: catch the subclass
 * you can act on ({@link MistralRateLimitException},
 * {@link MistralUnauthorizedException}, ...) or this type for all of them. Messages never
 * contain the API key.
 */
public class MistralException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception with a message that says what went wrong and what to fix.
	 * @param message the message
	 * @param cause the cause, if any
	 */
	public MistralException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Creates an exception with a message that says what went wrong and what to fix.
	 * @param message the message
	 */
	public MistralException(String message) {
		super(message);
	}

}
