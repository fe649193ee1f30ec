package dev.mistralboot.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * An {@link ApplicationStartup} that adds up, for each kind of Spring start-up step, the
 * bytes the thread allocated and the CPU time it used inside the step, less what its
 * nested steps used (so the figures of all steps add up to the whole start-up, and a
 * step's figure is its own work). The instantiation of a bean whose name contains
 * {@code mistral} is counted apart, as {@code spring.beans.instantiate:mistral}.
 * <p>
 * {@link StartupApp} uses it with the argument {@code steps}, and {@link StartupRun}
 * compares the steps of starts with and without the starter: where the time and bytes the
 * starter adds are spent.
 */
public final class StepAccounting implements ApplicationStartup {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private final Map<String, long[]> totals = new TreeMap<>();

	private final ThreadLocal<Deque<Step>> open = ThreadLocal.withInitial(ArrayDeque::new);

	private final Meter meter;

	/**
	 * Accounting with the current thread's allocated bytes and CPU time.
	 */
	public StepAccounting() {
		this(new Meter() {

			@Override
			public long allocatedBytes() {
				return THREADS.getCurrentThreadAllocatedBytes();
			}

			@Override
			public long cpuNanos() {
				return THREADS.getCurrentThreadCpuTime();
			}

		});
	}

	StepAccounting(Meter meter) {
		this.meter = meter;
	}

	@Override
	public StartupStep start(String name) {
		Step step = new Step(name);
		this.open.get().push(step);
		return step;
	}

	/**
	 * The figures so far, by step kind: count, own allocated bytes, own CPU nanoseconds.
	 * @return a copy, sorted by step name
	 */
	public Map<String, long[]> totals() {
		Map<String, long[]> copy = new TreeMap<>();
		synchronized (this.totals) {
			this.totals.forEach((name, values) -> copy.put(name, values.clone()));
		}
		return copy;
	}

	/**
	 * The figures as one line, {@code name=count/KB/us} separated by {@code ;}, which
	 * {@link StartupRun} reads back.
	 * @return the line
	 */
	public String line() {
		StringBuilder line = new StringBuilder();
		totals().forEach((name, values) -> {
			if (!line.isEmpty()) {
				line.append(';');
			}
			line.append(name)
				.append('=')
				.append(values[0])
				.append('/')
				.append(values[1] / 1024)
				.append('/')
				.append(values[2] / 1000);
		});
		return line.toString();
	}

	/**
	 * Where the figures come from (a test gives its own).
	 */
	interface Meter {

		long allocatedBytes();

		long cpuNanos();

	}

	private final class Step implements StartupStep {

		private final String name;

		private String kind;

		private final long startBytes;

		private final long startCpu;

		private long nestedBytes;

		private long nestedCpu;

		private boolean ended;

		Step(String name) {
			this.name = name;
			this.kind = name;
			this.startBytes = StepAccounting.this.meter.allocatedBytes();
			this.startCpu = StepAccounting.this.meter.cpuNanos();
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public long getId() {
			return 0;
		}

		@Override
		public Long getParentId() {
			return null;
		}

		@Override
		public StartupStep tag(String key, String value) {
			if ("beanName".equals(key) && value.toLowerCase(Locale.ROOT).contains("mistral")) {
				this.kind = this.name + ":mistral";
			}
			return this;
		}

		@Override
		public StartupStep tag(String key, Supplier<String> value) {
			return tag(key, value.get());
		}

		@Override
		public Tags getTags() {
			return Collections::emptyIterator;
		}

		@Override
		public void end() {
			if (this.ended) {
				return;
			}
			this.ended = true;
			long bytes = StepAccounting.this.meter.allocatedBytes() - this.startBytes;
			long cpu = StepAccounting.this.meter.cpuNanos() - this.startCpu;
			Deque<Step> steps = StepAccounting.this.open.get();
			steps.remove(this);
			synchronized (StepAccounting.this.totals) {
				long[] values = StepAccounting.this.totals.computeIfAbsent(this.kind, (key) -> new long[3]);
				values[0]++;
				values[1] += bytes - this.nestedBytes;
				values[2] += cpu - this.nestedCpu;
			}
			Step parent = steps.peek();
			if (parent != null) {
				parent.nestedBytes += bytes;
				parent.nestedCpu += cpu;
			}
		}

	}

}
