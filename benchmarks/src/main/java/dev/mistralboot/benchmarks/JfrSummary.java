package dev.mistralboot.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes the JFR recordings that {@code benchmarks/run.sh -Dbench.jfr=} writes (one
 * per benchmark): for each, the share of CPU samples (all threads) in each method,
 * counted once per sample wherever it is on the stack ("inclusive"), and the bytes of
 * allocation samples the same way, for the methods whose class name matches a prefix.
 * Shares within one recording do not depend on the machine's load the way times do:
 * compare, for two clients of one run, which work each spends its samples on.
 * <p>
 * Arguments: the directory of the recordings (default {@code benchmarks/target/jfr}), the
 * class name prefixes to show (default {@code dev.mistralboot.client,java.net.http,
 * tools.jackson,org.springframework}), the number of rows (default 25).
 */
public final class JfrSummary {

	private JfrSummary() {
	}

	/**
	 * Prints the summary of every recording.
	 * @param args the directory, prefixes and rows
	 * @throws IOException when a recording cannot be read
	 */
	public static void main(String[] args) throws IOException {
		Path dir = Path.of((args.length > 0) ? args[0] : "benchmarks/target/jfr");
		List<String> prefixes = List
			.of(((args.length > 1) ? args[1] : "dev.mistralboot.client,java.net.http,tools.jackson,org.springframework")
				.split(","));
		int rows = (args.length > 2) ? Integer.parseInt(args[2]) : 25;
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".jfr")).sorted().toList()) {
				summarize(file, prefixes, rows);
			}
		}
	}

	private static void summarize(Path file, List<String> prefixes, int rows) throws IOException {
		Map<String, Long> cpu = new HashMap<>();
		Map<String, Long> bytes = new HashMap<>();
		long samples = 0;
		long allocated = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			String type = event.getEventType().getName();
			if ("jdk.ExecutionSample".equals(type)) {
				samples++;
				count(event.getStackTrace(), prefixes, cpu, 1);
			}
			else if ("jdk.ObjectAllocationSample".equals(type)) {
				long weight = event.getLong("weight");
				allocated += weight;
				count(event.getStackTrace(), prefixes, bytes, weight);
			}
		}
		System.out.println("== " + file.getParent().getFileName() + ": " + samples + " CPU samples, "
				+ (allocated / 1024 / 1024) + " MB of allocation samples");
		print("CPU samples", cpu, samples, rows);
		print("allocation", bytes, allocated, rows);
	}

	private static void count(RecordedStackTrace stack, List<String> prefixes, Map<String, Long> counts, long weight) {
		if (stack == null) {
			return;
		}
		Set<String> seen = new HashSet<>();
		for (RecordedFrame frame : stack.getFrames()) {
			if (!frame.isJavaFrame()) {
				continue;
			}
			String type = frame.getMethod().getType().getName();
			if (prefixes.stream().anyMatch(type::startsWith)) {
				String method = type + "." + frame.getMethod().getName();
				if (seen.add(method)) {
					counts.merge(method, weight, Long::sum);
				}
			}
		}
	}

	private static void print(String what, Map<String, Long> counts, long total, int rows) {
		System.out.println("  " + what + " (inclusive share):");
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(rows)
			.forEach((entry) -> System.out.println(String.format(Locale.ROOT, "    %5.1f%%  %s",
					100.0 * entry.getValue() / Math.max(1, total), entry.getKey())));
	}

}
