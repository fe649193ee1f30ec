package dev.mistralboot.client.core;

import org.springframework.http.HttpHeaders;

/**
 * HTTP 5xx: Mistral or a proxy in front of it failed (500, 502, 503, 504, ...). Retried
 * automatically before it is thrown.
 */
public class MistralServerException extends MistralApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param rawBody the response body as received
	 * @param error the parsed error
	 */
	public MistralServerException(String message, int statusCode, HttpHeaders headers, String rawBody, ApiError error) {
		super(message, statusCode, headers, rawBody, error);
	}

}
