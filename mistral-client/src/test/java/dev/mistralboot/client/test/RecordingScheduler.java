package dev.mistralboot.client.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A Reactor {@link Scheduler} with a clock of its own, the reactive twin of
 * {@link RecordingSleeper}: a delayed task moves the clock forward by its delay, is
 * recorded, and runs at once (on Reactor's bounded elastic scheduler), so polling tests
 * observe every wait and the timeout without waiting.
 */
public final class RecordingScheduler implements Scheduler {

	private final AtomicLong nanos = new AtomicLong();

	private final List<Duration> delays = new CopyOnWriteArrayList<>();

	@Override
	public Disposable schedule(Runnable task) {
		return Schedulers.boundedElastic().schedule(task);
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		long delayNanos = unit.toNanos(delay);
		this.delays.add(Duration.ofNanos(delayNanos));
		this.nanos.addAndGet(delayNanos);
		return schedule(task);
	}

	@Override
	public long now(TimeUnit unit) {
		return unit.convert(this.nanos.get(), TimeUnit.NANOSECONDS);
	}

	@Override
	public Worker createWorker() {
		Worker worker = Schedulers.boundedElastic().createWorker();
		return new Worker() {

			@Override
			public Disposable schedule(Runnable task) {
				return worker.schedule(task);
			}

			@Override
			public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
				long delayNanos = unit.toNanos(delay);
				RecordingScheduler.this.delays.add(Duration.ofNanos(delayNanos));
				RecordingScheduler.this.nanos.addAndGet(delayNanos);
				return worker.schedule(task);
			}

			@Override
			public void dispose() {
				worker.dispose();
			}

			@Override
			public boolean isDisposed() {
				return worker.isDisposed();
			}

		};
	}

	/**
	 * The delays asked for, in order.
	 * @return the delays
	 */
	public List<Duration> delays() {
		return List.copyOf(this.delays);
	}

}
