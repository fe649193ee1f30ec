package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Fires an action when a stream has been silent for longer than its idle timeout. One
 * shared daemon thread serves every stream; a stream only writes a timestamp per event,
 * so watching costs nothing on the hot path.
 */
final class IdleWatchdog implements Runnable {

	private static final ScheduledThreadPoolExecutor SCHEDULER = createScheduler();

	private final long idleNanos;

	private volatile long lastActivity;

	private volatile boolean paused;

	private boolean fired;

	private boolean stopped;

	private Runnable action;

	private @Nullable ScheduledFuture<?> future;

	IdleWatchdog(Duration idleTimeout, Runnable action) {
		this.idleNanos = idleTimeout.toNanos();
		this.action = action;
		this.lastActivity = System.nanoTime();
		schedule(this.idleNanos);
	}

	/** Records activity: the silence starts again from now. */
	void touch() {
		this.lastActivity = System.nanoTime();
	}

	/**
	 * Stops counting silence until {@link #resume()}: time spent by the caller between
	 * two reads (processing what it read) is not the server's silence.
	 */
	synchronized void pause() {
		this.paused = true;
	}

	/** Counts silence again, starting from now. */
	void resume() {
		this.lastActivity = System.nanoTime();
		this.paused = false;
	}

	/**
	 * Replaces the action, unless the watchdog has already fired.
	 * @return {@code false} when it fired before the action could be replaced
	 */
	synchronized boolean replaceAction(Runnable action) {
		if (this.fired) {
			return false;
		}
		this.action = action;
		return true;
	}

	synchronized boolean hasFired() {
		return this.fired;
	}

	synchronized void stop() {
		this.stopped = true;
		if (this.future != null) {
			this.future.cancel(false);
		}
	}

	@Override
	public void run() {
		synchronized (this) {
			if (this.stopped) {
				return;
			}
			if (this.paused) {
				schedule(this.idleNanos);
				return;
			}
			long idle = System.nanoTime() - this.lastActivity;
			if (idle < this.idleNanos) {
				schedule(this.idleNanos - idle);
				return;
			}
			this.fired = true;
			// run under the lock: pause() and stop() return only once the action is
			// complete
			this.action.run();
		}
	}

	/**
	 * Runs an action once after a delay on the watchdog's thread (the deadline of a
	 * blocking call).
	 * @return the scheduled action, to cancel
	 */
	static ScheduledFuture<?> runLater(Runnable action, long delayNanos) {
		return SCHEDULER.schedule(action, delayNanos, TimeUnit.NANOSECONDS);
	}

	private synchronized void schedule(long delayNanos) {
		if (!this.stopped) {
			this.future = SCHEDULER.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
		}
	}

	private static ScheduledThreadPoolExecutor createScheduler() {
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "mistral-http-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.setRemoveOnCancelPolicy(true);
		return scheduler;
	}

}
