package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The reactive twin of {@link JobPoller}: reads a long-running job again and again until
 * it reaches a final status, without blocking a thread. Each read is an ordinary reactive
 * call, with the core's retries; between reads the poller waits the poll interval on its
 * {@link Scheduler}, whose clock also measures the timeout (tests give one they control).
 *
 * @param interval the wait between two reads
 * @param timeout the longest total wait
 * @param scheduler where the waits run, and whose clock counts the timeout
 */
public record ReactiveJobPoller(Duration interval, Duration timeout, Scheduler scheduler) {

	/**
	 * Validates the settings.
	 */
	public ReactiveJobPoller {
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("The poll interval must be positive, was " + interval);
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The poll timeout must be positive, was " + timeout);
		}
		Objects.requireNonNull(scheduler, "scheduler");
	}

	/**
	 * A poller that waits on Reactor's parallel scheduler.
	 * @param interval the wait between two reads
	 * @param timeout the longest total wait
	 * @return the poller
	 */
	public static ReactiveJobPoller of(Duration interval, Duration timeout) {
		return new ReactiveJobPoller(interval, timeout, Schedulers.parallel());
	}

	/**
	 * A poller with the interval and timeout of a blocking one, waiting on Reactor's
	 * parallel scheduler.
	 * @param poller the blocking poller
	 * @return the poller
	 */
	public static ReactiveJobPoller of(JobPoller poller) {
		return of(poller.interval(), poller.timeout());
	}

	/**
	 * Reads the job until {@code done} holds. Nothing happens until subscription;
	 * cancelling stops the polling (the job itself goes on).
	 * @param <T> the job type
	 * @param description the job, for the timeout message (such as
	 * {@code batch job 7e77...})
	 * @param read reads the job once, each time it is subscribed to
	 * @param status the job's status, compared between reads to detect a change
	 * @param done whether the job has reached a final status
	 * @param onStatusChange called with the job on the first read and on each read whose
	 * status differs from the previous one
	 * @return the job in its final status; a {@link MistralJobTimeoutException} signal
	 * (holding the last job read) when the timeout passes first
	 */
	public <T> Mono<T> await(String description, Mono<T> read, Function<? super T, ?> status, Predicate<? super T> done,
			Consumer<? super T> onStatusChange) {
		Objects.requireNonNull(read, "read");
		return Mono.defer(() -> {
			long deadline = now() + this.timeout.toNanos();
			AtomicReference<Object> previous = new AtomicReference<>(Unread.INSTANCE);
			return read.switchIfEmpty(Mono.error(
					() -> new MistralInvalidResponseException("Reading the " + description + " gave no job", "", null)))
				.repeatWhen((reads) -> reads.concatMap((ignored) -> Mono.delay(
						Duration.ofNanos(Math.max(1, Math.min(deadline - now(), this.interval.toNanos()))),
						this.scheduler)))
				.<T>handle((job, sink) -> {
					Object current = status.apply(job);
					Object before = previous.getAndSet(current);
					if (before == Unread.INSTANCE || !Objects.equals(before, current)) {
						onStatusChange.accept(job);
					}
					if (done.test(job)) {
						sink.next(job);
					}
					else if (deadline - now() <= 0) {
						sink.error(new MistralJobTimeoutException(
								"The " + description + " is still " + current + " after " + this.timeout
										+ "; it goes on: wait again, cancel it, or raise the poll timeout",
								this.timeout, job));
					}
				})
				.next();
		});
	}

	private long now() {
		return this.scheduler.now(TimeUnit.NANOSECONDS);
	}

	/** The status before the first read (which may be {@code null}). */
	private enum Unread {

		INSTANCE

	}

}
