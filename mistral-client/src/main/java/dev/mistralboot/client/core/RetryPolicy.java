package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;

/**
 * When and how long to wait before trying a failed call again.
 * <p>
 * Retried: HTTP 429, 500, 502, 503 and 504, connect failures, and connections closed
 * before any byte of the answer arrived (a pooled connection the server had closed). Read
 * timeouts and failures after the answer started are not retried: the server may be
 * generating, or have billed, the answer. The wait is exponential
 * ({@code initialBackoff * 2^(retry-1)}, capped at {@code maxBackoff}) with jitter (a
 * random value between half and all of it), unless the answer carries
 * {@code Retry-After}: then that wait is honoured, up to {@code maxRetryAfter}; a longer
 * {@code Retry-After} makes the call fail at once rather than sleep for minutes.
 *
 * @param maxAttempts total attempts including the first (1 disables retries)
 * @param initialBackoff wait before the first retry
 * @param maxBackoff the longest computed wait
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

	/** Statuses that are retried. */
	public static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);

	/**
	 * Three attempts, 500 ms initial backoff, 8 s cap, up to 60 s of {@code Retry-After}.
	 */
	public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8),
			Duration.ofSeconds(60));

	/** No retries. */
	public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

	/**
	 * Validates the policy.
	 */
	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException(
					"maxAttempts must be at least 1 (1 disables retries), was " + maxAttempts);
		}
		if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
			throw new IllegalArgumentException("Retry durations must not be negative");
		}
	}

	/**
	 * Decides whether to retry after a failure and how long to wait first.
	 * @param failure the failure of the attempt
	 * @param attempt the number of the attempt that failed (1 for the first)
	 * @return the wait before the next attempt, or {@code null} to give up and throw
	 */
	public @Nullable Duration delayBeforeRetry(RuntimeException failure, int attempt) {
		return delayBeforeRetry(failure, attempt, ThreadLocalRandom.current()::nextDouble);
	}

	@Nullable Duration delayBeforeRetry(RuntimeException failure, int attempt, DoubleSupplier random) {
		if (attempt >= this.maxAttempts || !isRetryable(failure)) {
			return null;
		}
		if (failure instanceof MistralApiException api) {
			Duration retryAfter = RetryAfter.parse(api.getHeaders().getFirst("Retry-After"));
			if (retryAfter != null) {
				return (retryAfter.compareTo(this.maxRetryAfter) <= 0) ? retryAfter : null;
			}
		}
		return backoff(attempt, random);
	}

	/**
	 * Whether a failure is of a retryable kind (regardless of the attempts left).
	 * @param failure the failure
	 * @return {@code true} for 429, 500, 502, 503, 504, connect failures and connections
	 * closed before any answer
	 */
	public static boolean isRetryable(Throwable failure) {
		if (failure instanceof MistralApiException api) {
			return RETRYABLE_STATUSES.contains(api.getStatusCode());
		}
		return failure instanceof MistralIoException io && (io.isConnectFailure()
				|| (!(io instanceof MistralTimeoutException) && Failures.isClosedBeforeAnswer(io)));
	}

	Duration backoff(int attempt, DoubleSupplier random) {
		long initial = this.initialBackoff.toMillis();
		long cap = this.maxBackoff.toMillis();
		long exponential = (attempt >= 31) ? cap : Math.min(cap, initial * (1L << (attempt - 1)));
		double factor = 0.5 + random.getAsDouble() * 0.5;
		return Duration.ofMillis(Math.round(exponential * factor));
	}

}
