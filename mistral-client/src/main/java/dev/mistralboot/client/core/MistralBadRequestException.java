package dev.mistralboot.client.core;

import org.springframework.http.HttpHeaders;

/**
 * HTTP 400: the API rejected the request (an unknown model, a bad tool-call id, a wrong
 * message order, ...). {@link #getType()} tells which.
 */
public class MistralBadRequestException extends MistralApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param rawBody the response body as received
	 * @param error the parsed error
	 */
	public MistralBadRequestException(String message, int statusCode, HttpHeaders headers, String rawBody,
			ApiError error) {
		super(message, statusCode, headers, rawBody, error);
	}

}
