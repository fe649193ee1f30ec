package dev.mistralboot.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * A JMH profiler that reports the CPU time of the whole benchmark JVM (every thread: the
 * caller, the HTTP client's own threads, event loops, timers, the garbage collector and
 * the JIT) per operation, as {@code cpu.per.op} in microseconds, and the CPU time of its
 * Java threads only (without JIT compiler and garbage collector threads) as
 * {@code cpu.java.per.op}. Wall-clock time says little on a loaded machine; CPU per call
 * is what a client costs its host.
 * <p>
 * Use with {@code -prof dev.mistralboot.benchmarks.ProcessCpuProfiler}.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

	/** The name of the secondary result. */
	public static final String RESULT = "cpu.per.op";

	/**
	 * The name of the secondary result counting the Java threads only: the caller, the
	 * HTTP client's threads, event loops and timers, without the JIT compiler and the
	 * garbage collector, whose work a loaded machine spreads unevenly over iterations.
	 */
	public static final String JAVA_THREADS_RESULT = "cpu.java.per.op";

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private long startCpu;

	private long startThreadsCpu;

	@Override
	public String getDescription() {
		return "CPU time of the whole JVM per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.startCpu = this.os.getProcessCpuTime();
		this.startThreadsCpu = javaThreadsCpu();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long cpu = this.os.getProcessCpuTime() - this.startCpu;
		long threadsCpu = javaThreadsCpu() - this.startThreadsCpu;
		long ops = Math.max(1, result.getMetadata().getAllOps());
		return List.of(new ScalarResult(RESULT, cpu / 1000.0 / ops, "us/op", AggregationPolicy.AVG),
				new ScalarResult(JAVA_THREADS_RESULT, threadsCpu / 1000.0 / ops, "us/op", AggregationPolicy.AVG));
	}

	/**
	 * The CPU time of every live Java thread (threads that ended in between are not
	 * counted: the HTTP clients' pools keep theirs for a minute).
	 */
	private long javaThreadsCpu() {
		long sum = 0;
		for (long id : this.threads.getAllThreadIds()) {
			long cpu = this.threads.getThreadCpuTime(id);
			if (cpu > 0) {
				sum += cpu;
			}
		}
		return sum;
	}

}
