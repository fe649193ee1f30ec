package dev.mistralboot.client.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * What an answer said besides its body: status, headers, rate limits, correlation id.
 *
 * @param statusCode the HTTP status
 * @param headers the response headers (read-only)
 * @param attempts how many attempts the call took (1 when it was not retried)
 * @param elapsed the time from the first attempt to the answer's headers
 */
public record ResponseMetadata(int statusCode, HttpHeaders headers, int attempts, Duration elapsed) {

	/** The header Mistral support asks for. */
	public static final String CORRELATION_ID_HEADER = "mistral-correlation-id";

	/** The header announcing a model's retirement. */
	public static final String MODEL_DEPRECATION_HEADER = "x-model-deprecation-timestamp";

	/**
	 * Creates metadata with read-only headers.
	 */
	public ResponseMetadata {
		headers = HttpHeaders.readOnlyHttpHeaders(headers);
	}

	/**
	 * The rate-limit headers of this answer.
	 * @return the rate limits
	 */
	public RateLimits rateLimits() {
		return RateLimits.from(this.headers);
	}

	/**
	 * The {@code mistral-correlation-id} header.
	 * @return the correlation id, or {@code null}
	 */
	public @Nullable String correlationId() {
		return this.headers.getFirst(CORRELATION_ID_HEADER);
	}

	/**
	 * The {@code x-model-deprecation-timestamp} header: when set, the model used will be
	 * retired.
	 * @return the timestamp as sent, or {@code null}
	 */
	public @Nullable String modelDeprecationTimestamp() {
		return this.headers.getFirst(MODEL_DEPRECATION_HEADER);
	}

}
