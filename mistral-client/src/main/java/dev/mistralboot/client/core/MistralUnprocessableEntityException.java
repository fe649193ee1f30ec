package dev.mistralboot.client.core;

import org.springframework.http.HttpHeaders;

/**
 * HTTP 422: the request body does not match the API. {@link #getDetails()} lists each
 * offending field, and the message reads like
 * {@code messages[0].content: Field required}.
 */
public class MistralUnprocessableEntityException extends MistralApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param rawBody the response body as received
	 * @param error the parsed error
	 */
	public MistralUnprocessableEntityException(String message, int statusCode, HttpHeaders headers, String rawBody,
			ApiError error) {
		super(message, statusCode, headers, rawBody, error);
	}

}
