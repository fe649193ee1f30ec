package dev.mistralboot.benchmarks.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures what the starter adds to the start-up of a minimal non-web Boot application:
 * starts {@link StartupApp} in a fresh JVM, alternately with and without the Mistral
 * auto-configurations on the class path (everything else the same: Boot, its
 * {@code RestClient} and Jackson auto-configurations), and prints the median time to a
 * started context, the main thread's CPU time and allocated bytes to it, the beans, and
 * the JDK HTTP clients built; and the same with the starter for an application one of
 * whose beans injects the chat client.
 * <p>
 * Arguments: the class path with the starter, the class path without it, the number of
 * starts of each (default 7), and optionally {@code steps}: then, after those starts, as
 * many again of each with {@link StepAccounting}, and a table of what each kind of Spring
 * start-up step costs the main thread with and without the starter (separate starts,
 * because counting the steps costs time of its own).
 */
public final class StartupRun {

	private static final Pattern FIGURES = Pattern.compile(
			"startup ms=(\\d+) cpu=(\\d+) allocatedKb=(\\d+) definitions=(\\d+) singletons=(\\d+) jdkHttpClients=(\\d+) mistralBeans=\\[(.*)]");

	private StartupRun() {
	}

	/**
	 * Runs the starts and prints the medians.
	 * @param args the two class paths (files holding them, or the paths themselves) and
	 * the number of starts
	 * @throws Exception when a start fails
	 */
	public static void main(String[] args) throws Exception {
		String with = classPath(args[0]);
		String without = classPath(args[1]);
		int starts = (args.length > 2) ? Integer.parseInt(args[2]) : 7;
		boolean steps = args.length > 3 && "steps".equals(args[3]);
		List<Matcher> withRuns = new ArrayList<>();
		List<Matcher> withoutRuns = new ArrayList<>();
		List<Matcher> chatRuns = new ArrayList<>();
		start(with, "none");
		start(without, "none");
		for (int i = 0; i < starts; i++) {
			withoutRuns.add(start(without, "none"));
			withRuns.add(start(with, "none"));
			chatRuns.add(start(with, "chat"));
		}
		System.out.println("| | start-up (median of " + starts
				+ " JVMs) | main thread's CPU time to a started context | allocated by the main thread | bean definitions | singletons created | JDK HTTP clients built |");
		System.out.println("|---|---|---|---|---|---|---|");
		row("Boot + RestClient + Jackson", withoutRuns, null);
		row("the same + the Mistral starter", withRuns, null);
		row("added by the starter", withRuns, withoutRuns);
		row("the same + the starter, a bean injecting `MistralChatClient`", chatRuns, null);
		row("added by the starter to that application", chatRuns, withoutRuns);
		System.out.println();
		System.out.println("Added by the starter, median of the " + starts
				+ " differences between a start with it and the start without it just before: "
				+ pairedDifference(withRuns, withoutRuns, 1, "ms") + "; with the chat client injected: "
				+ pairedDifference(chatRuns, withoutRuns, 1, "ms"));
		System.out.println("CPU time of the main thread to a started context, median of the paired differences: "
				+ pairedDifference(withRuns, withoutRuns, 2, "ms") + "; with the chat client injected: "
				+ pairedDifference(chatRuns, withoutRuns, 2, "ms"));
		System.out.println("Allocated by the main thread to a started context (steady from start to start, unlike"
				+ " times), median of the paired differences: " + pairedDifference(withRuns, withoutRuns, 3, "KB")
				+ "; with the chat client injected: " + pairedDifference(chatRuns, withoutRuns, 3, "KB"));
		System.out.println("Mistral singletons created: " + withRuns.get(0).group(7));
		System.out.println("Mistral singletons created, chat client injected: " + chatRuns.get(0).group(7));
		System.out.println("Each start, without / with / with and chat (ms): " + times(withoutRuns) + " / "
				+ times(withRuns) + " / " + times(chatRuns));
		if (steps) {
			List<Map<String, long[]>> withSteps = new ArrayList<>();
			List<Map<String, long[]>> withoutSteps = new ArrayList<>();
			for (int i = 0; i < starts; i++) {
				withoutSteps.add(steps(without));
				withSteps.add(steps(with));
			}
			System.out.println();
			System.out.println(stepTable(withSteps, withoutSteps, starts));
		}
	}

	/**
	 * The table of the steps: for each kind of step that costs something with or without
	 * the starter, the median of the main thread's own allocated KB and CPU time, with
	 * and without, and the difference, the largest first.
	 */
	static String stepTable(List<Map<String, long[]>> with, List<Map<String, long[]>> without, int starts) {
		Set<String> kinds = new TreeSet<>();
		with.forEach((run) -> kinds.addAll(run.keySet()));
		without.forEach((run) -> kinds.addAll(run.keySet()));
		List<StepRow> rows = new ArrayList<>();
		for (String kind : kinds) {
			StepRow row = new StepRow(kind, stepMedian(without, kind, 1), stepMedian(with, kind, 1),
					stepMedian(without, kind, 2), stepMedian(with, kind, 2));
			if (row.kbWithout() + row.kbWith() > 0 || row.usWithout() + row.usWith() > 0) {
				rows.add(row);
			}
		}
		rows.sort(Comparator.comparingLong((StepRow row) -> row.kbWith() - row.kbWithout()).reversed());
		StringBuilder table = new StringBuilder("Each kind of Spring start-up step, the main thread's own cost (nested"
				+ " steps not counted), median of " + starts + " starts each:\n\n");
		table.append("| step | allocated without | with | added | CPU without | with | added |\n");
		table.append("|---|---|---|---|---|---|---|\n");
		for (StepRow row : rows) {
			table.append("| `")
				.append(row.kind())
				.append("` | ")
				.append(row.kbWithout())
				.append(" KB | ")
				.append(row.kbWith())
				.append(" KB | ")
				.append(row.kbWith() - row.kbWithout())
				.append(" KB | ")
				.append(String.format(Locale.ROOT, "%.1f ms | %.1f ms | %.1f ms |", row.usWithout() / 1000.0,
						row.usWith() / 1000.0, (row.usWith() - row.usWithout()) / 1000.0))
				.append('\n');
		}
		return table.toString();
	}

	private static long stepMedian(List<Map<String, long[]>> runs, String kind, int index) {
		List<Long> values = new ArrayList<>();
		for (Map<String, long[]> run : runs) {
			long[] figures = run.get(kind);
			values.add((figures != null) ? figures[index] : 0L);
		}
		return middle(values);
	}

	/**
	 * Reads back a {@link StepAccounting#line()}: kind, count, KB, microseconds.
	 */
	static Map<String, long[]> parseSteps(String line) {
		Map<String, long[]> steps = new TreeMap<>();
		if (line.isEmpty()) {
			return steps;
		}
		for (String entry : line.split(";")) {
			int equals = entry.lastIndexOf('=');
			String[] figures = entry.substring(equals + 1).split("/");
			steps.put(entry.substring(0, equals),
					new long[] { Long.parseLong(figures[0]), Long.parseLong(figures[1]), Long.parseLong(figures[2]) });
		}
		return steps;
	}

	private static Map<String, long[]> steps(String classPath) throws IOException, InterruptedException {
		String line = run(classPath, "steps").stream()
			.filter((output) -> output.startsWith("steps "))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The application printed no steps"));
		return parseSteps(line.substring("steps ".length()));
	}

	private static void row(String name, List<Matcher> runs, List<Matcher> baseline) {
		StringBuilder row = new StringBuilder("| ").append(name).append(" | ");
		for (int group = 1; group <= 6; group++) {
			long value = median(runs, group) - ((baseline != null) ? median(baseline, group) : 0);
			row.append(value).append((group <= 2) ? " ms | " : (group == 3) ? " KB | " : " | ");
		}
		System.out.println(row.toString().trim());
	}

	/**
	 * The median of the differences between each start and the baseline start made just
	 * before it: slow drifts of the machine's speed, which move both, cancel out.
	 */
	private static String pairedDifference(List<Matcher> runs, List<Matcher> baseline, int group, String unit) {
		List<Long> differences = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			differences.add(Long.parseLong(runs.get(i).group(group)) - Long.parseLong(baseline.get(i).group(group)));
		}
		long median = middle(new ArrayList<>(differences));
		long[] interval = bootstrapInterval(differences);
		return median + " " + unit + " (90% bootstrap interval " + interval[0] + " to " + interval[1] + " " + unit
				+ ")";
	}

	/**
	 * Where the median of the paired differences would fall in 90% of repeated runs, by
	 * resampling the differences with replacement (a fixed seed, so a run's figures can
	 * be recomputed): how far one run's median can be trusted on a noisy machine.
	 */
	static long[] bootstrapInterval(List<Long> differences) {
		Random random = new Random(42);
		int resamples = 2000;
		long[] medians = new long[resamples];
		List<Long> sample = new ArrayList<>(differences.size());
		for (int r = 0; r < resamples; r++) {
			sample.clear();
			for (int i = 0; i < differences.size(); i++) {
				sample.add(differences.get(random.nextInt(differences.size())));
			}
			medians[r] = middle(sample);
		}
		Arrays.sort(medians);
		return new long[] { medians[resamples / 20], medians[resamples - 1 - resamples / 20] };
	}

	private static List<String> times(List<Matcher> runs) {
		return runs.stream().map((m) -> m.group(1)).toList();
	}

	private static String classPath(String argument) throws IOException {
		Path file = Path.of(argument);
		return Files.isRegularFile(file) ? Files.readString(file).trim() : argument;
	}

	private static long median(List<Matcher> runs, int group) {
		return middle(new ArrayList<>(runs.stream().map((m) -> Long.parseLong(m.group(group))).toList()));
	}

	private static long middle(List<Long> values) {
		values.sort(null);
		return values.get(values.size() / 2);
	}

	private static Matcher start(String classPath, String uses) throws IOException, InterruptedException {
		List<String> output = run(classPath, uses);
		Matcher found = null;
		for (String line : output) {
			Matcher matcher = FIGURES.matcher(line);
			if (matcher.matches()) {
				found = matcher;
			}
		}
		if (found == null) {
			throw new IllegalStateException("The application did not start:\n" + String.join("\n", output));
		}
		return found;
	}

	private static List<String> run(String classPath, String argument) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-cp", classPath,
				StartupApp.class.getName(), argument)
			.redirectErrorStream(true)
			.start();
		List<String> output = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				output.add(line);
			}
		}
		if (process.waitFor() != 0) {
			throw new IllegalStateException("The application did not start:\n" + String.join("\n", output));
		}
		return output;
	}

	/**
	 * One kind of step in the table: the medians of its own KB and microseconds, without
	 * and with the starter.
	 */
	private record StepRow(String kind, long kbWithout, long kbWith, long usWithout, long usWith) {
	}

}
