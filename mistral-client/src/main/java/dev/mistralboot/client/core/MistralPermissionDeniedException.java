package dev.mistralboot.client.core;

import org.springframework.http.HttpHeaders;

/**
 * HTTP 403: the API key is valid but may not use this model or resource.
 */
public class MistralPermissionDeniedException extends MistralApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param rawBody the response body as received
	 * @param error the parsed error
	 */
	public MistralPermissionDeniedException(String message, int statusCode, HttpHeaders headers, String rawBody,
			ApiError error) {
		super(message, statusCode, headers, rawBody, error);
	}

}
