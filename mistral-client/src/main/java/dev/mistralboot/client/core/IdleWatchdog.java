package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
	 * its own, unless it is cancelled first. Costs no timer task per call: see
	 * {@link Deadline}.
	 * @return the deadline, to cancel
	 */
	static Deadline runLater(Runnable action, long delayNanos) {
		Deadline deadline = new Deadline(action, System.nanoTime() + delayNanos);
		Deadline.PENDING.add(deadline);
		Deadline.sweepBy(deadline.at);
		return deadline;
	}

	private synchronized void schedule(long delayNanos) {
		if (!this.stopped) {
			this.future = SCHEDULER.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * The timer tasks waiting for their time in this JVM (for tests).
	 * @return the count
	 */
	static int pendingTimerTasks() {
		return SCHEDULER.getQueue().size();
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

	/**
	 * A deadline of one blocking call. A call registers its deadline in a queue (no timer
	 * task, no wake-up of the timer thread) and cancels it by setting a flag; one sweep
	 * on the timer thread, planned no later than the earliest deadline it knows of and at
	 * least every {@link #SWEEP_NANOS} while deadlines are pending, fires the deadlines
	 * that passed and drops the cancelled ones. A timer task scheduled and cancelled per
	 * call cost a wake-up of the timer thread per call (each new task was the earliest).
	 */
	static final class Deadline {

		/** The longest time a cancelled deadline stays in the queue. */
		static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

		private static final long NONE = Long.MAX_VALUE;

		static final Queue<Deadline> PENDING = new ConcurrentLinkedQueue<>();

		/**
		 * When the next sweep is planned ({@code System.nanoTime()}), or {@link #NONE}.
		 */
		private static final AtomicLong nextSweep = new AtomicLong(NONE);

		private final Runnable action;

		final long at;

		private volatile boolean cancelled;

		Deadline(Runnable action, long at) {
			this.action = action;
			this.at = at;
		}

		/** The call ended: the action will not run (unless it is already running). */
		void cancel() {
			this.cancelled = true;
		}

		/**
		 * Makes sure a sweep runs no later than the given time (or within a sweep
		 * period).
		 */
		static void sweepBy(long deadline) {
			long now = System.nanoTime();
			long at = (deadline - now < SWEEP_NANOS) ? deadline : now + SWEEP_NANOS;
			while (true) {
				long planned = nextSweep.get();
				if (planned != NONE && planned - at <= 0) {
					// a sweep runs early enough: it plans the next one
					return;
				}
				if (nextSweep.compareAndSet(planned, at)) {
					SCHEDULER.schedule(Deadline::sweep, Math.max(0, at - now), TimeUnit.NANOSECONDS);
					return;
				}
			}
		}

		private static void sweep() {
			// from now on, a new deadline plans a sweep when none is planned early enough
			nextSweep.set(NONE);
			long now = System.nanoTime();
			long earliest = NONE;
			for (Iterator<Deadline> pending = PENDING.iterator(); pending.hasNext();) {
				Deadline deadline = pending.next();
				if (deadline.cancelled) {
					pending.remove();
				}
				else if (deadline.at - now <= 0) {
					pending.remove();
					ACTIONS.execute(deadline.action);
				}
				else if (earliest == NONE || deadline.at - earliest < 0) {
					earliest = deadline.at;
				}
			}
			if (earliest != NONE) {
				sweepBy(earliest);
			}
		}

	}

}
