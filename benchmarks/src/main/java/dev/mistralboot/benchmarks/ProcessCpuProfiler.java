package dev.mistralboot.benchmarks;

import java.lang.management.ManagementFactory;
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
 * the JIT) per operation, as {@code cpu.per.op} in microseconds. Wall-clock time says
 * little on a loaded machine; CPU per call is what a client costs its host.
 * <p>
 * Use with {@code -prof dev.mistralboot.benchmarks.ProcessCpuProfiler}.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

	/** The name of the secondary result. */
	public static final String RESULT = "cpu.per.op";

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private long startCpu;

	@Override
	public String getDescription() {
		return "CPU time of the whole JVM per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.startCpu = this.os.getProcessCpuTime();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long cpu = this.os.getProcessCpuTime() - this.startCpu;
		long ops = Math.max(1, result.getMetadata().getAllOps());
		return List.of(new ScalarResult(RESULT, cpu / 1000.0 / ops, "us/op", AggregationPolicy.AVG));
	}

}
