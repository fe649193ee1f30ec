package dev.mistralboot.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Runs every benchmark for one short iteration in this JVM against one stub server (in
 * its own JVM), so that a benchmark which no longer runs, or reads a wrong value (each
 * benchmark checks the answer text, the number of chunks and the vectors it read), fails
 * the build.
 */
class BenchmarksSmokeTests {

	private static StubMistralServer.Running server;

	@BeforeAll
	static void startServer() throws Exception {
		server = StubMistralServer.start(Path.of(System.getProperty("java.home")));
		System.setProperty("mistral.bench.base-url", server.baseUrl());
	}

	@AfterAll
	static void stopServer() {
		System.clearProperty("mistral.bench.base-url");
		server.close();
	}

	@Test
	void everyBenchmarkRunsAndReadsWhatTheServerSent() throws Exception {
		Options options = new OptionsBuilder().include(ClientBenchmarks.class.getName())
			.forks(0)
			.warmupIterations(0)
			.measurementIterations(1)
			.measurementTime(TimeValue.milliseconds(50))
			.addProfiler(ProcessCpuProfiler.class)
			.addProfiler(ThreadSwitchProfiler.class)
			.shouldFailOnError(true)
			.build();
		Collection<RunResult> results = new Runner(options).run();
		List<String> names = results.stream().map((result) -> result.getParams().getBenchmark()).toList();
		assertThat(names).hasSize(13)
			.allSatisfy((name) -> assertThat(name).startsWith(ClientBenchmarks.class.getName() + "."));
		assertThat(results).allSatisfy((result) -> {
			assertThat(result.getPrimaryResult().getScore()).isPositive();
			assertThat(result.getSecondaryResults().get(ProcessCpuProfiler.RESULT).getScore()).isPositive();
			if (Files.isDirectory(Path.of("/proc/self/task"))) {
				// every call waits for the server at least once
				assertThat(result.getSecondaryResults().get(ThreadSwitchProfiler.RESULT).getScore()).isPositive();
			}
		});
		String table = RunAll.table(results);
		assertThat(table.lines()).hasSize(2 + 13);
		assertThat(table).contains("| chatComplete | raw |", "| chatStream | oursReactive |",
				"| embeddings | langchain4j |");
		// rounds: the means, and one CPU ratio per round (1 for the hand-written client)
		String twoRounds = RunAll.table(List.of(results, results));
		assertThat(twoRounds.lines()).hasSize(2 + 13);
		assertThat(twoRounds.lines().filter((line) -> line.contains("| raw |"))).hasSize(3)
			.allSatisfy((line) -> assertThat(line).contains("| 1.00x | 1.00x 1.00x |"));
	}

	@Test
	void checksRejectWhatTheServerDidNotSend() {
		assertThatIllegalStateException().isThrownBy(() -> ClientBenchmarks.Expect.answer("short"));
		assertThatIllegalStateException()
			.isThrownBy(() -> ClientBenchmarks.Expect.chunks(StubMistralServer.STREAM_CHUNKS - 1));
		assertThatIllegalStateException()
			.isThrownBy(() -> ClientBenchmarks.Expect.vectors(List.of(new float[StubMistralServer.DIMENSIONS])));
	}

}
