package dev.mistralboot.client.core;

import java.time.Duration;

/**
 * Waits between retries. Replaceable so that tests can observe backoff without sleeping.
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

}
