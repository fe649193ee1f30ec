package dev.mistralboot.client.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mistralboot.client.core.Sleeper;

/**
 * A {@link Sleeper} that records the waits it was asked for and returns at once, so retry
 * tests observe backoff without sleeping.
 */
public final class RecordingSleeper implements Sleeper {

	private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

	@Override
	public void sleep(Duration duration) {
		this.sleeps.add(duration);
	}

	/**
	 * The waits asked for, in order.
	 * @return the waits
	 */
	public List<Duration> sleeps() {
		return List.copyOf(this.sleeps);
	}

}
