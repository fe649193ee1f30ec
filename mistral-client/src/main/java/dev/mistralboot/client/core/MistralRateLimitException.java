package dev.mistralboot.client.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * HTTP 429: a rate limit or quota was exceeded. Retried automatically (honouring
 * {@code Retry-After} up to {@code mistral.retry.max-retry-after}) before it is thrown.
 */
public class MistralRateLimitException extends MistralApiException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	/**
	 * Creates the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param rawBody the response body as received
	 * @param error the parsed error
	 */
	public MistralRateLimitException(String message, int statusCode, HttpHeaders headers, String rawBody,
			ApiError error) {
		super(message, statusCode, headers, rawBody, error);
		this.retryAfter = RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER));
	}

	/**
	 * How long the server asked to wait, from the {@code Retry-After} header (seconds or
	 * an HTTP date).
	 * @return the wait, or {@code null} when the header was absent or unreadable
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * The rate-limit headers of the answer.
	 * @return the rate limits
	 */
	public RateLimits getRateLimits() {
		return RateLimits.from(getHeaders());
	}

}
