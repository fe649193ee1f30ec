package dev.mistralboot.client.core;

import org.springframework.http.HttpHeaders;

/**
 * HTTP 401: the API key is missing or invalid. Set {@code mistral.api-key} or
 * {@code MISTRAL_API_KEY}.
 */
public class MistralUnauthorizedException extends MistralApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param rawBody the response body as received
	 * @param error the parsed error
	 */
	public MistralUnauthorizedException(String message, int statusCode, HttpHeaders headers, String rawBody,
			ApiError error) {
		super(message, statusCode, headers, rawBody, error);
	}

}
