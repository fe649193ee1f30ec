package dev.mistralboot.client.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * No rate-limit permit was free within the longest wait the client pacer allows
 * ({@code mistral.rate-limit.max-wait}): the call was not sent. The message says which
 * budget was spent and what to change. Not retried.
 */
public class MistralRateLimitWaitException extends MistralException {

	private static final long serialVersionUID = 1L;

	private final String budget;

	private final Duration maxWait;

	/**
	 * Creates the exception.
	 * @param message the message, saying what to change
	 * @param budget the budget that was spent: {@code requests} or {@code tokens}
	 * @param maxWait the longest wait allowed
	 * @param cause the cause, if any (an interrupt)
	 */
	public MistralRateLimitWaitException(String message, String budget, Duration maxWait, @Nullable Throwable cause) {
		super(message, cause);
		this.budget = budget;
		this.maxWait = maxWait;
	}

	/**
	 * The budget that had no permit free in time.
	 * @return {@code requests} or {@code tokens}
	 */
	public String getBudget() {
		return this.budget;
	}

	/**
	 * The longest wait the pacer allows.
	 * @return the wait
	 */
	public Duration getMaxWait() {
		return this.maxWait;
	}

}
