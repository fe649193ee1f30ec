package dev.mistralboot.client.core;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * HTTP 410: Mistral retired the endpoint. The message says so and names what replaces it
 * where this library knows (the agents completions endpoint is replaced by conversations
 * with an agent; the fine-tuning jobs endpoints are deprecated by Mistral without a named
 * replacement). Never retried: the same call will not succeed later.
 */
public class MistralGoneException extends MistralApiException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String replacement;

	/**
	 * Creates the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param rawBody the response body as received
	 * @param error the parsed error
	 * @param replacement what replaces the retired endpoint, or {@code null} when this
	 * library does not know
	 */
	public MistralGoneException(String message, int statusCode, HttpHeaders headers, String rawBody, ApiError error,
			@Nullable String replacement) {
		super(message, statusCode, headers, rawBody, error);
		this.replacement = replacement;
	}

	/**
	 * What replaces the retired endpoint, in words, when this library knows.
	 * @return the replacement (such as
	 * {@code "the conversations API (POST /v1/conversations)
	 * with an agent_id"}), or {@code null}
	 */
	public @Nullable String getReplacement() {
		return this.replacement;
	}

}
