package dev.mistralboot.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.JavaFlightRecorderProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark (three forks each, {@code -prof gc}, the
 * {@link ProcessCpuProfiler} and the {@link ThreadSwitchProfiler}) and writes the results
 * table: per call, wall time, CPU time of the whole client JVM, bytes allocated and
 * thread switches, with CPU, bytes and switches as ratios to the hand-written client of
 * the same work measured in the same run.
 * <p>
 * The forks run in rounds: each round is a JMH run of every benchmark with one fork, so
 * each client's forks are spread over the whole run and a change of the machine's speed
 * during the run touches every client alike (one JMH run with three forks would run a
 * benchmark's forks back to back). The table gives the means of the forks, and the CPU
 * ratio of each round (a fork against the hand-written client's fork of the same round).
 * <p>
 * Arguments: the file to write the table to (default
 * {@code benchmarks/target/results.md}). System properties: {@code bench.include} (a
 * regular expression of benchmarks, default all), {@code bench.forks} (JVMs per
 * benchmark, that is rounds, default 3: figures are their means), {@code bench.warmups}
 * (default 20 iterations: a fork's chat calls settle only after about 20 s, once the JIT
 * has compiled the client and the stub server, and the JIT still compiles the reactive
 * stream's code after 30 s), {@code bench.iterations} and {@code bench.seconds} (per
 * iteration), {@code bench.jfr} (a JFR recording of each benchmark in that directory,
 * {@code benchmarks/target/jfr} when empty).
 */
public final class RunAll {

	private RunAll() {
	}

	/**
	 * Runs the benchmarks and writes the table.
	 * @param args the output file, optionally
	 * @throws RunnerException when a benchmark fails
	 * @throws IOException when the table cannot be written
	 */
	public static void main(String[] args) throws RunnerException, IOException {
		Path out = Path.of((args.length > 0) ? args[0] : "benchmarks/target/results.md");
		int seconds = Integer.getInteger("bench.seconds", 2);
		int rounds = Integer.getInteger("bench.forks", 3);
		ChainedOptionsBuilder options = new OptionsBuilder()
			.include(System.getProperty("bench.include", ClientBenchmarks.class.getName()))
			.forks(1)
			.warmupIterations(Integer.getInteger("bench.warmups", 20))
			.warmupTime(TimeValue.seconds(seconds))
			.measurementIterations(Integer.getInteger("bench.iterations", 5))
			.measurementTime(TimeValue.seconds(seconds))
			.addProfiler(GCProfiler.class)
			.addProfiler(ProcessCpuProfiler.class)
			.addProfiler(ThreadSwitchProfiler.class)
			.jvmArgsAppend("-Xms1g", "-Xmx1g");
		String jfr = System.getProperty("bench.jfr");
		if (jfr != null) {
			// one JFR recording per benchmark (JMH's profiler): where the time and the
			// bytes go
			options.addProfiler(JavaFlightRecorderProfiler.class,
					"configName=profile;dir=" + (jfr.isEmpty() ? "benchmarks/target/jfr" : jfr));
		}
		List<Collection<RunResult>> results = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			System.out.printf(Locale.ROOT, "%n# Round %d of %d%n", round, rounds);
			results.add(new Runner(options.shouldFailOnError(true).build()).run());
		}
		String table = table(results);
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, table);
		System.out.println();
		System.out.println(table);
		System.out.println("Written to " + out.toAbsolutePath());
	}

	/**
	 * The results table in Markdown, of one JMH run.
	 * @param results the results of the JMH run
	 * @return the table
	 */
	public static String table(Collection<RunResult> results) {
		return table(List.of(results));
	}

	/**
	 * The results table in Markdown, of rounds of JMH runs: the figures are the means
	 * over the rounds.
	 * @param rounds the results of each round
	 * @return the table
	 */
	public static String table(List<? extends Collection<RunResult>> rounds) {
		Map<String, List<@Nullable Row>> perRound = new LinkedHashMap<>();
		for (int round = 0; round < rounds.size(); round++) {
			for (RunResult result : rounds.get(round)) {
				Row row = Row.of(result);
				List<@Nullable Row> list = perRound.computeIfAbsent(row.work() + "_" + row.client(),
						(key) -> new ArrayList<>(Collections.nCopies(rounds.size(), null)));
				list.set(round, row);
			}
		}
		Map<String, Row> rows = new LinkedHashMap<>();
		perRound.forEach((key, list) -> rows.put(key, Row.mean(list)));
		List<Row> sorted = new ArrayList<>(rows.values());
		sorted.sort((a, b) -> (a.work().equals(b.work())) ? Integer.compare(rank(a.client()), rank(b.client()))
				: a.work().compareTo(b.work()));
		StringBuilder table = new StringBuilder();
		table.append("| work | client | time per call | CPU per call | Java threads' CPU per call | bytes per call"
				+ " | thread switches per call | CPU vs raw | CPU vs raw, round by round | Java threads' CPU vs raw"
				+ " | bytes vs raw | switches vs raw |\n");
		table.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Row row : sorted) {
			Row raw = rows.get(row.work() + "_raw");
			table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
					row.work(), row.client(), micros(row.timeMicros()), micros(row.cpuMicros()),
					micros(row.javaCpuMicros()), bytes(row.bytes()), count(row.switches()),
					ratio(row.cpuMicros(), (raw != null) ? raw.cpuMicros() : Double.NaN),
					roundRatios(perRound.get(row.work() + "_" + row.client()), perRound.get(row.work() + "_raw")),
					ratio(row.javaCpuMicros(), (raw != null) ? raw.javaCpuMicros() : Double.NaN),
					ratio(row.bytes(), (raw != null) ? raw.bytes() : Double.NaN),
					ratio(row.switches(), (raw != null) ? raw.switches() : Double.NaN)));
		}
		return table.toString();
	}

	/** The CPU ratio of each round, a fork to the hand-written client's fork of it. */
	private static String roundRatios(List<@Nullable Row> client, @Nullable List<@Nullable Row> raw) {
		if (raw == null) {
			return "-";
		}
		List<String> ratios = new ArrayList<>();
		for (int round = 0; round < client.size(); round++) {
			Row ours = client.get(round);
			Row base = raw.get(round);
			ratios.add(ratio((ours != null) ? ours.cpuMicros() : Double.NaN,
					(base != null) ? base.cpuMicros() : Double.NaN));
		}
		return String.join(" ", ratios);
	}

	private static int rank(String client) {
		return switch (client) {
			case "raw" -> 0;
			case "ours" -> 1;
			case "oursReactive" -> 2;
			case "springAi" -> 3;
			default -> 4;
		};
	}

	private static String micros(double micros) {
		if (Double.isNaN(micros)) {
			return "-";
		}
		return (micros >= 1000) ? String.format(Locale.ROOT, "%.2f ms", micros / 1000)
				: String.format(Locale.ROOT, "%.0f us", micros);
	}

	private static String bytes(double bytes) {
		if (Double.isNaN(bytes)) {
			return "-";
		}
		if (bytes >= 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f MB", bytes / 1024 / 1024);
		}
		return String.format(Locale.ROOT, "%.1f KB", bytes / 1024);
	}

	private static String count(double count) {
		if (Double.isNaN(count)) {
			return "-";
		}
		return (count >= 100) ? String.format(Locale.ROOT, "%.0f", count) : String.format(Locale.ROOT, "%.1f", count);
	}

	private static String ratio(double value, double raw) {
		if (Double.isNaN(value) || Double.isNaN(raw) || raw <= 0) {
			return "-";
		}
		return String.format(Locale.ROOT, "%.2fx", value / raw);
	}

	/**
	 * One benchmark's figures.
	 *
	 * @param work the kind of call, such as {@code chatComplete}
	 * @param client the client, such as {@code ours}
	 * @param timeMicros wall time per call
	 * @param cpuMicros CPU time of the whole JVM per call, or NaN
	 * @param javaCpuMicros CPU time of the JVM's Java threads per call, or NaN
	 * @param bytes bytes allocated per call, or NaN
	 * @param switches voluntary context switches of the whole JVM per call, or NaN
	 */
	record Row(String work, String client, double timeMicros, double cpuMicros, double javaCpuMicros, double bytes,
			double switches) {

		static Row of(RunResult result) {
			String name = result.getParams().getBenchmark();
			String method = name.substring(name.lastIndexOf('.') + 1);
			int underscore = method.indexOf('_');
			String work = (underscore > 0) ? method.substring(0, underscore) : method;
			String client = (underscore > 0) ? method.substring(underscore + 1) : "-";
			Map<String, Result> secondary = result.getSecondaryResults();
			return new Row(work, client, result.getPrimaryResult().getScore(),
					score(secondary.get(ProcessCpuProfiler.RESULT)),
					score(secondary.get(ProcessCpuProfiler.JAVA_THREADS_RESULT)),
					score(secondary.get("gc.alloc.rate.norm")), score(secondary.get(ThreadSwitchProfiler.RESULT)));
		}

		/** The means of the rounds' figures (a round without this benchmark left out). */
		static Row mean(List<@Nullable Row> rounds) {
			List<Row> present = rounds.stream().filter(Objects::nonNull).map(Objects::requireNonNull).toList();
			Row first = present.get(0);
			return new Row(first.work(), first.client(), mean(present, Row::timeMicros), mean(present, Row::cpuMicros),
					mean(present, Row::javaCpuMicros), mean(present, Row::bytes), mean(present, Row::switches));
		}

		private static double mean(List<Row> rows, ToDoubleFunction<Row> figure) {
			return rows.stream().mapToDouble(figure).average().orElse(Double.NaN);
		}

		private static double score(Result result) {
			return (result != null) ? result.getScore() : Double.NaN;
		}

	}

}
