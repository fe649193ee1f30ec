package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watchdog's timer thread only keeps time: an action that blocks, or that waits for a
 * lock held by the thread stopping the watchdog, neither deadlocks nor stops the other
 * timers of the JVM. Bounds are generous (they prove that nothing hangs, not a speed).
 */
class IdleWatchdogTests {

	private static final Duration SHORT = Duration.ofMillis(20);

	private static final long BOUND_SECONDS = 30;

	@Test
	void stoppingWhileHoldingALockTheActionNeedsDoesNotDeadlock() throws Exception {
		ReentrantLock ownerLock = new ReentrantLock();
		CountDownLatch actionStarted = new CountDownLatch(1);
		CountDownLatch actionDone = new CountDownLatch(1);
		ownerLock.lock();
		try {
			IdleWatchdog dog = new IdleWatchdog(SHORT, () -> {
				actionStarted.countDown();
				// the owner holds this lock while it stops the watchdog (as a body
				// writer does when it reports the end of its upload)
				ownerLock.lock();
				try {
					actionDone.countDown();
				}
				finally {
					ownerLock.unlock();
				}
			});
			assertThat(actionStarted.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
			Thread stopper = new Thread(dog::stop);
			stopper.start();
			stopper.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
			assertThat(stopper.isAlive()).as("stop() waits for an action that waits for the caller's lock").isFalse();
			assertThat(dog.hasFired()).isTrue();
		}
		finally {
			ownerLock.unlock();
		}
		assertThat(actionDone.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aBlockedActionDoesNotStopTheOtherTimers() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch blocked = new CountDownLatch(1);
		new IdleWatchdog(SHORT, () -> {
			blocked.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		try {
			assertThat(blocked.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
			CountDownLatch second = new CountDownLatch(1);
			new IdleWatchdog(SHORT, second::countDown);
			CountDownLatch later = new CountDownLatch(1);
			IdleWatchdog.runLater(later::countDown, SHORT.toNanos());
			assertThat(second.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("another watchdog fired").isTrue();
			assertThat(later.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("a deadline fired").isTrue();
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void actionsRunOffTheTimerThread() throws Exception {
		AtomicReference<String> thread = new AtomicReference<>();
		CountDownLatch done = new CountDownLatch(1);
		new IdleWatchdog(SHORT, () -> {
			thread.set(Thread.currentThread().getName());
			done.countDown();
		});
		assertThat(done.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
		assertThat(thread.get()).isEqualTo("mistral-http-timeout");
	}

	@Test
	void noInterruptArrivesOnceAnInterruptingWatchdogIsStopped() throws Exception {
		IdleWatchdog dog = IdleWatchdog.interrupting(SHORT, Thread.currentThread());
		// wait until it fired: the interrupt lands in this sleep
		boolean interrupted = false;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
		while (!interrupted && System.nanoTime() < deadline) {
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		assertThat(interrupted).isTrue();
		dog.stop();
		assertThat(dog.hasFired()).isTrue();
		assertThat(Thread.interrupted()).as("no second interrupt").isFalse();

		IdleWatchdog quiet = IdleWatchdog.interrupting(Duration.ofSeconds(BOUND_SECONDS), Thread.currentThread());
		quiet.stop();
		assertThat(quiet.hasFired()).isFalse();
		Thread.sleep(50);
		assertThat(Thread.interrupted()).isFalse();
	}

	@Test
	void anInterruptingWatchdogWhoseActionWasReplacedRunsTheNewActionInstead() throws Exception {
		IdleWatchdog dog = IdleWatchdog.interrupting(SHORT, Thread.currentThread());
		CountDownLatch replaced = new CountDownLatch(1);
		boolean before = dog.replaceAction(replaced::countDown);
		if (before) {
			assertThat(replaced.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
			assertThat(Thread.interrupted()).as("the replaced action does not interrupt").isFalse();
		}
		else {
			// it fired before it could be replaced (a slow machine): the interrupt came
			assertThat(dog.hasFired()).isTrue();
			assertThat(Thread.interrupted()).isTrue();
		}
	}

	@Test
	void deadlinesOfCallsScheduleNoTimerTaskPerCall() {
		int before = IdleWatchdog.pendingTimerTasks();
		List<IdleWatchdog.Deadline> deadlines = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			deadlines.add(IdleWatchdog.runLater(() -> {
			}, TimeUnit.HOURS.toNanos(1)));
		}
		try {
			// one sweep planned for them all (other tests' timers may come and go)
			assertThat(IdleWatchdog.pendingTimerTasks() - before).as("timer tasks waiting for 1000 deadlines")
				.isLessThan(100);
		}
		finally {
			deadlines.forEach(IdleWatchdog.Deadline::cancel);
		}
	}

	@Test
	void aDeadlineEarlierThanThePendingOnesFiresWhenDue() throws Exception {
		IdleWatchdog.Deadline far = IdleWatchdog.runLater(() -> {
		}, TimeUnit.HOURS.toNanos(1));
		CountDownLatch fired = new CountDownLatch(1);
		IdleWatchdog.runLater(fired::countDown, SHORT.toNanos());
		assertThat(fired.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
		far.cancel();
	}

	@Test
	void aCancelledDeadlineDoesNotFire() throws Exception {
		CountDownLatch cancelledFired = new CountDownLatch(1);
		IdleWatchdog.runLater(cancelledFired::countDown, SHORT.toNanos()).cancel();
		CountDownLatch later = new CountDownLatch(1);
		IdleWatchdog.runLater(later::countDown, SHORT.multipliedBy(3).toNanos());
		assertThat(later.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
		// the later deadline fired: the sweep that passed the cancelled one dropped it
		assertThat(cancelledFired.getCount()).isEqualTo(1);
	}

}
