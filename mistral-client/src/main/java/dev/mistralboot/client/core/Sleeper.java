package dev.mistralboot.client.core;

import java.time.Duration;

/**
 * Waits between retries and polls. Replaceable so that tests can observe backoff and
 * polling without sleeping.
 */
@FunctionalInterface
public interface Sleeper {

	/** Sleeps on the calling thread. */
	Sleeper THREAD_SLEEP = (duration) -> {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MistralException("Interrupted while waiting to retry a Mistral API call", ex);
		}
	};

	/**
	 * Waits for the given time.
	 * @param duration how long
	 */
	void sleep(Duration duration);

	/**
	 * The clock that measures waits made with this sleeper, such as a poll timeout
	 * ({@link JobPoller}): {@link System#nanoTime()} unless a test replaces it with one
	 * that moves only by the waits asked for.
	 * @return the current time in nanoseconds, only meaningful as a difference
	 */
	default long nanoTime() {
		return System.nanoTime();
	}

}
