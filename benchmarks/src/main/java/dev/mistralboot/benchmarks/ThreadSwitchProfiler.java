package dev.mistralboot.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the voluntary context switches of the whole benchmark JVM
 * per operation, as {@code switches.per.op}: each is a thread of the JVM going to sleep
 * (waiting for a socket, a lock, a hand-off from another thread, a timer), so the figure
 * counts thread hand-offs and wake-ups. Unlike CPU time it does not grow with the load of
 * the machine (a busy machine adds involuntary switches, which are not counted), so it
 * can be compared across runs. Read from {@code /proc/self/task/<id>/status} (Linux;
 * {@code NaN} elsewhere); threads that ended during the iteration are not counted.
 * <p>
 * Use with {@code -prof dev.mistralboot.benchmarks.ThreadSwitchProfiler}.
 */
public final class ThreadSwitchProfiler implements InternalProfiler {

	/** The name of the secondary result. */
	public static final String RESULT = "switches.per.op";

	private static final Path TASKS = Path.of("/proc/self/task");

	private static final String FIELD = "voluntary_ctxt_switches:";

	private long start;

	@Override
	public String getDescription() {
		return "Voluntary context switches of the whole JVM per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.start = switches();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long end = switches();
		long ops = Math.max(1, result.getMetadata().getAllOps());
		double perOp = (this.start < 0 || end < 0) ? Double.NaN : (double) (end - this.start) / ops;
		return List.of(new ScalarResult(RESULT, perOp, "#/op", AggregationPolicy.AVG));
	}

	/**
	 * The voluntary context switches of every live thread of this JVM so far.
	 * @return the sum, or {@code -1} when the system does not tell
	 */
	static long switches() {
		if (!Files.isDirectory(TASKS)) {
			return -1;
		}
		long sum = 0;
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
			for (Path task : tasks) {
				sum += switches(task.resolve("status"));
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return sum;
	}

	private static long switches(Path status) {
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith(FIELD)) {
					return Long.parseLong(line.substring(FIELD.length()).trim());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the thread ended meanwhile
		}
		return 0;
	}

}
