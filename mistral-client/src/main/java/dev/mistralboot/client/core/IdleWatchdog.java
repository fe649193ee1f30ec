package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Fires an action when a stream has been silent for longer than its idle timeout. One
 * shared daemon thread serves every stream; a stream only writes a timestamp per event,
 * so watching costs nothing on the hot path.
 * <p>
 * That thread only keeps time. An action (closing a body, failing a reactive chain, which
 * runs the chain's subscribers) runs on a thread of its own, outside any lock of the
 * watchdog: an action that blocks or waits for a lock its owner holds while it stops the
 * watchdog cannot stop every other timer of the JVM, nor deadlock with that owner. Only
 * the interrupt of a waiting thread ({@link #interrupting}) runs on the timer thread,
 * under the watchdog's lock, so that once {@link #stop()} or {@link #pause()} returned no
 * interrupt can still arrive.
 */
final class IdleWatchdog implements Runnable {

	private static final ScheduledThreadPoolExecutor SCHEDULER = createScheduler();

	private static final ExecutorService ACTIONS = createActionExecutor();

	private final long idleNanos;

	private volatile long lastActivity;

	private volatile boolean paused;

	private boolean fired;

	private boolean stopped;

	private Runnable action;

	private @Nullable Thread interrupted;

	private @Nullable ScheduledFuture<?> future;

	/**
	 * Watches for a silence longer than the timeout.
	 * @param idleTimeout the longest silence
	 * @param action what to do then, on a thread of its own
	 */
	IdleWatchdog(Duration idleTimeout, Runnable action) {
		this(idleTimeout, action, null);
	}

	private IdleWatchdog(Duration idleTimeout, Runnable action, @Nullable Thread interrupted) {
		this.idleNanos = idleTimeout.toNanos();
		this.action = action;
		this.interrupted = interrupted;
		this.lastActivity = System.nanoTime();
		schedule(this.idleNanos);
	}

	/**
	 * Watches for a silence longer than the timeout, then interrupts a thread (one
	 * waiting for an answer). Once {@link #stop()} returned, no interrupt arrives any
	 * more: {@link #hasFired()} then says whether one did.
	 * @param idleTimeout the longest silence
	 * @param thread the thread to interrupt
	 * @return the watchdog
	 */
	static IdleWatchdog interrupting(Duration idleTimeout, Thread thread) {
		return new IdleWatchdog(idleTimeout, thread::interrupt, thread);
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
		this.interrupted = null;
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
		Runnable fire;
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
			Thread thread = this.interrupted;
			if (thread != null) {
				// under the lock: once pause() or stop() returned, no interrupt arrives
				thread.interrupt();
				return;
			}
			fire = this.action;
		}
		ACTIONS.execute(fire);
	}

	/**
	 * Runs an action once after a delay (the deadline of a blocking call), on a thread of
	 * its own.
	 * @return the scheduled action, to cancel
	 */
	static ScheduledFuture<?> runLater(Runnable action, long delayNanos) {
		return SCHEDULER.schedule(() -> ACTIONS.execute(action), delayNanos, TimeUnit.NANOSECONDS);
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

	private static ExecutorService createActionExecutor() {
		// timers fire rarely (a timeout): a thread per action, kept a little for the next
		return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(runnable) -> {
					Thread thread = new Thread(runnable, "mistral-http-timeout");
					thread.setDaemon(true);
					return thread;
				});
	}

}
