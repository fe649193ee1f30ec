package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Reads a long-running job again and again until it reaches a final status, for the job
 * families (fine-tuning, batch). Each read is an ordinary call, with the core's retries;
 * between reads the poller waits the poll interval.
 *
 * @param interval the wait between two reads
 * @param timeout the longest total wait
 * @param sleeper how to wait, and the clock of the timeout (tests replace it)
 */
public record JobPoller(Duration interval, Duration timeout, Sleeper sleeper) {

	/**
	 * Validates the settings.
	 */
	public JobPoller {
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("The poll interval must be positive, was " + interval);
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The poll timeout must be positive, was " + timeout);
		}
		Objects.requireNonNull(sleeper, "sleeper");
	}

	/**
	 * A poller that sleeps on the calling thread.
	 * @param interval the wait between two reads
	 * @param timeout the longest total wait
	 * @return the poller
	 */
	public static JobPoller of(Duration interval, Duration timeout) {
		return new JobPoller(interval, timeout, Sleeper.THREAD_SLEEP);
	}

	/**
	 * Reads the job until {@code done} holds.
	 * @param <T> the job type
	 * @param description the job, for the timeout message (such as
	 * {@code fine-tuning job 7e77...})
	 * @param read reads the job once
	 * @param status the job's status, compared between reads to detect a change
	 * @param done whether the job has reached a final status
	 * @param onStatusChange called with the job on the first read and on each read whose
	 * status differs from the previous one
	 * @return the job in its final status
	 * @throws MistralJobTimeoutException when the timeout passes first
	 */
	public <T> T await(String description, Supplier<T> read, Function<? super T, ?> status, Predicate<? super T> done,
			Consumer<? super T> onStatusChange) {
		long deadline = this.sleeper.nanoTime() + this.timeout.toNanos();
		@Nullable Object previous = null;
		boolean first = true;
		while (true) {
			T job = read.get();
			Object current = status.apply(job);
			if (first || !Objects.equals(previous, current)) {
				onStatusChange.accept(job);
			}
			first = false;
			previous = current;
			if (done.test(job)) {
				return job;
			}
			long left = deadline - this.sleeper.nanoTime();
			if (left <= 0) {
				throw new MistralJobTimeoutException("The " + description + " is still " + current + " after "
						+ this.timeout + "; it goes on: wait again, cancel it, or raise the poll timeout", this.timeout,
						job);
			}
			this.sleeper.sleep(Duration.ofNanos(Math.min(left, this.interval.toNanos())));
		}
	}

}
