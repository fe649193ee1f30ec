package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Paces calls before they are sent, so that the client stays within the API's rate limits
 * instead of running into HTTP 429. {@link MistralHttp} and {@link ReactiveMistralHttp}
 * ask it for a {@link Permit} before every attempt and report every answer (success or
 * error) to that permit.
 * <p>
 * {@link #acquire} never blocks: it returns a future that completes when the call may be
 * sent (the blocking core waits on it, the reactive core chains it, so no event-loop
 * thread is held), or fails with {@link MistralRateLimitWaitException} when no permit is
 * free within the pacer's longest wait. {@link BucketRequestPacer} is the implementation
 * (Bucket4j buckets, in the JVM or shared through Redis); {@link #NONE} lets every call
 * through at once (the default).
 */
public interface RequestPacer {

	/** A pacer that never waits (pacing off). */
	RequestPacer NONE = new RequestPacer() {

		@Override
		public CompletableFuture<Permit> acquire(ApiRequest request, byte[] body) {
			return CompletableFuture.completedFuture(Permit.NONE);
		}

		@Override
		public String toString() {
			return "RequestPacer.NONE";
		}

	};

	/**
	 * Takes the permits one attempt of a call needs (one request and its estimated
	 * tokens).
	 * @param request the request
	 * @param body the JSON body as sent (empty for calls without a JSON body)
	 * @return a future completed with the permit when the attempt may be sent, or
	 * completed exceptionally with a {@link MistralRateLimitWaitException}
	 */
	CompletableFuture<Permit> acquire(ApiRequest request, byte[] body);

	/**
	 * Whether this pacer ever waits; the cores skip it entirely when it does not.
	 * @return {@code false} for {@link #NONE}
	 */
	default boolean isActive() {
		return this != NONE;
	}

	/**
	 * The permits taken for one attempt, and what the answer to it taught.
	 */
	interface Permit {

		/** A permit that took nothing. */
		Permit NONE = new Permit() {
		};

		/**
		 * How long the attempt waited for its permits.
		 * @return the wait, {@link Duration#ZERO} when none
		 */
		default Duration waited() {
			return Duration.ZERO;
		}

		/**
		 * Reports the answer to the attempt: its status and headers (rate-limit headers,
		 * {@code Retry-After} of a 429) and, when known, the tokens it used, to correct
		 * the estimate taken before sending.
		 * @param status the HTTP status
		 * @param headers the answer's headers
		 * @param usage the usage the answer reported, if any
		 */
		default void answered(int status, HttpHeaders headers, @Nullable UsageInfo usage) {
		}

	}

}
