package dev.mistralboot.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;

/**
 * Compares a few calls of {@link Clients} in one JVM, in turns: every round runs each
 * call for a while, one after the other, so that a change of the machine's speed touches
 * them all. Prints, per call, the median over the rounds of the process CPU time per call
 * (every thread) and of the caller thread's CPU time per call, and both as ratios to the
 * first call named. A quick check of one change (a minute or two), not a replacement for
 * {@code run.sh}: one JVM, no forks, and the calls share the JIT's work.
 * <p>
 * Arguments: the names of {@link Clients}' methods to compare, the first the baseline
 * (for example {@code rawStream ourStream}). System properties: {@code rounds} (measured
 * rounds, default 10), {@code warm} (rounds first run and not counted, default 6),
 * {@code ms} (milliseconds of one call per round, default 2000).
 */
public final class InterleavedRun {

	private static volatile Object sink;

	private InterleavedRun() {
	}

	/**
	 * Runs the comparison.
	 * @param args the method names
	 * @throws Exception when the stub server cannot start or a call fails
	 */
	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			throw new IllegalArgumentException("Name the Clients methods to compare, e.g. rawStream ourStream");
		}
		int rounds = Integer.getInteger("rounds", 10);
		int warm = Integer.getInteger("warm", 6);
		long nanos = Long.getLong("ms", 2000) * 1_000_000;
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		try (StubMistralServer.Running server = StubMistralServer.start(Path.of(System.getProperty("java.home")))) {
			Clients clients = new Clients(server.baseUrl());
			Map<String, Method> calls = new LinkedHashMap<>();
			for (String name : args) {
				Method method = Clients.class.getDeclaredMethod(name);
				method.setAccessible(true);
				calls.put(name, method);
			}
			Map<String, List<double[]>> perCall = new LinkedHashMap<>();
			for (int round = 0; round < warm + rounds; round++) {
				for (Map.Entry<String, Method> call : calls.entrySet()) {
					long end = System.nanoTime() + nanos;
					long process = os.getProcessCpuTime();
					long caller = threads.getCurrentThreadCpuTime();
					long count = 0;
					while (System.nanoTime() < end) {
						sink = call.getValue().invoke(clients);
						count++;
					}
					double processMicros = (os.getProcessCpuTime() - process) / 1000.0 / count;
					double callerMicros = (threads.getCurrentThreadCpuTime() - caller) / 1000.0 / count;
					if (round >= warm) {
						perCall.computeIfAbsent(call.getKey(), (key) -> new ArrayList<>())
							.add(new double[] { processMicros, callerMicros });
					}
				}
			}
			double baseProcess = median(perCall.get(args[0]), 0);
			double baseCaller = median(perCall.get(args[0]), 1);
			for (Map.Entry<String, List<double[]>> entry : perCall.entrySet()) {
				double process = median(entry.getValue(), 0);
				double caller = median(entry.getValue(), 1);
				System.out.printf("%-20s process CPU %.1f us (%.2fx)   caller thread %.1f us (%.2fx)%n", entry.getKey(),
						process, process / baseProcess, caller, caller / baseCaller);
			}
		}
		System.exit(0);
	}

	private static double median(List<double[]> values, int index) {
		double[] sorted = values.stream().mapToDouble((value) -> value[index]).sorted().toArray();
		return sorted[sorted.length / 2];
	}

}
