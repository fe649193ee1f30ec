package dev.mistralboot.client.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.mistralboot.client.core.Sleeper;

/**
 * A {@link Sleeper} that records the waits it was asked for and returns at once, so retry
 * tests observe backoff without sleeping. Its {@link #nanoTime() clock} moves only by the
 * waits asked of it, so a poll timeout ({@code JobPoller}) passes after a known number of
 * polls, however slow the machine.
 */
public final class RecordingSleeper implements Sleeper {

	private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

	private final AtomicLong clock = new AtomicLong();

	@Override
	public void sleep(Duration duration) {
		this.sleeps.add(duration);
		this.clock.addAndGet(duration.toNanos());
	}

	@Override
	public long nanoTime() {
		return this.clock.get();
	}

	/**
	 * The waits asked for, in order.
	 * @return the waits
	 */
	public List<Duration> sleeps() {
		return List.copyOf(this.sleeps);
	}

}
