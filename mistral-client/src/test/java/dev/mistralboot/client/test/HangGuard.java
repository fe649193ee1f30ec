package dev.mistralboot.client.test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a piece of a test on a thread of its own and fails it, with a dump of every
 * thread's stack, when it has not ended within a generous bound: a hang then fails one
 * test with what is needed to find its cause, instead of stopping the build until CI's
 * time runs out.
 */
public final class HangGuard {

	private HangGuard() {
	}

	/**
	 * Runs the body, rethrowing what it throws.
	 * @param bound the longest time the body may take (far longer than it needs)
	 * @param what what the body does, for the failure message
	 * @param body the body
	 * @throws Exception what the body threw
	 */
	public static void run(Duration bound, String what, Body body) throws Exception {
		FutureTask<Void> task = new FutureTask<>(() -> {
			body.run();
			return null;
		});
		Thread thread = new Thread(task, "hang-guarded " + what);
		thread.setDaemon(true);
		thread.start();
		try {
			task.get(bound.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			String dump = threadDump();
			System.err.println(what + " did not end within " + bound + "; threads:\n" + dump);
			thread.interrupt();
			throw new AssertionError(what + " did not end within " + bound + " (thread dump on stderr)", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof Exception exception) {
				throw exception;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private static String threadDump() {
		StringBuilder dump = new StringBuilder();
		for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
			if (info.getLockName() != null) {
				dump.append(" on ").append(info.getLockName());
			}
			if (info.getLockOwnerName() != null) {
				dump.append(" owned by \"").append(info.getLockOwnerName()).append('"');
			}
			dump.append('\n');
			for (StackTraceElement element : info.getStackTrace()) {
				dump.append("\tat ").append(element).append('\n');
			}
		}
		long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
		if (deadlocked != null) {
			dump.append("Deadlocked threads: ").append(deadlocked.length).append('\n');
		}
		return dump.toString();
	}

	/** What {@link #run} runs. */
	@FunctionalInterface
	public interface Body {

		void run() throws Exception;

	}

}
