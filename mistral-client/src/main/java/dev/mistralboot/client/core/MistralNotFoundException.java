package dev.mistralboot.client.core;

import org.springframework.http.HttpHeaders;

/**
 * HTTP 404: the model, file, job or path does not exist.
 */
public class MistralNotFoundException extends MistralApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param rawBody the response body as received
	 * @param error the parsed error
	 */
	public MistralNotFoundException(String message, int statusCode, HttpHeaders headers, String rawBody,
			ApiError error) {
		super(message, statusCode, headers, rawBody, error);
	}

}
