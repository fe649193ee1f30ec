package dev.mistralboot.client.core;

import org.springframework.http.HttpHeaders;

/**
 * HTTP 402: the workspace has no active subscription or has run out of credit.
 */
public class MistralPaymentRequiredException extends MistralApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param rawBody the response body as received
	 * @param error the parsed error
	 */
	public MistralPaymentRequiredException(String message, int statusCode, HttpHeaders headers, String rawBody,
			ApiError error) {
		super(message, statusCode, headers, rawBody, error);
	}

}
