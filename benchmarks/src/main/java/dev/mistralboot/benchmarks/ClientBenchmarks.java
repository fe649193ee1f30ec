package dev.mistralboot.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The benchmarks: one per client and kind of call, named {@code work_client}. Each checks
 * every value it read (answer text, number of chunks, number and size of vectors) and
 * fails when one is wrong, so that a client that reads less cannot look faster.
 * <p>
 * The stub server starts in its own JVM for each fork (or use the one at
 * {@code -Dmistral.bench.base-url}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientBenchmarks {

	private StubMistralServer.Running server;

	private Clients clients;

	/**
	 * Starts the stub server and builds the clients.
	 * @throws IOException when the server cannot be started
	 */
	@Setup
	public void setUp() throws IOException {
		String baseUrl = System.getProperty("mistral.bench.base-url");
		if (baseUrl == null) {
			this.server = StubMistralServer.start(Path.of(System.getProperty("java.home")));
			baseUrl = this.server.baseUrl();
		}
		this.clients = new Clients(baseUrl);
	}

	/**
	 * Stops the stub server.
	 */
	@TearDown
	public void tearDown() {
		if (this.server != null) {
			this.server.close();
		}
	}

	/**
	 * The hand-written client: chat complete.
	 * @return the answer
	 */
	@Benchmark
	public String chatComplete_raw() {
		return Expect.answer(this.clients.rawComplete());
	}

	/**
	 * Ours: chat complete.
	 * @return the answer
	 */
	@Benchmark
	public String chatComplete_ours() {
		return Expect.answer(this.clients.ourComplete());
	}

	/**
	 * Spring AI: chat complete.
	 * @return the answer
	 */
	@Benchmark
	public String chatComplete_springAi() {
		return Expect.answer(this.clients.springAiComplete());
	}

	/**
	 * LangChain4j: chat complete.
	 * @return the answer
	 */
	@Benchmark
	public String chatComplete_langchain4j() {
		return Expect.answer(this.clients.langchain4jComplete());
	}

	/**
	 * The hand-written client: a stream read on the caller's thread.
	 * @return the chunks
	 */
	@Benchmark
	public int chatStream_raw() {
		return Expect.chunks(this.clients.rawStream());
	}

	/**
	 * Ours: a blocking stream.
	 * @return the chunks
	 */
	@Benchmark
	public int chatStream_ours() {
		return Expect.chunks(this.clients.ourStream());
	}

	/**
	 * Ours: a reactive stream.
	 * @return the chunks
	 */
	@Benchmark
	public int chatStream_oursReactive() {
		return Expect.chunks(this.clients.ourReactiveStream());
	}

	/**
	 * Spring AI: its stream (a {@code Flux}).
	 * @return the chunks
	 */
	@Benchmark
	public int chatStream_springAi() {
		return Expect.chunks(this.clients.springAiStream());
	}

	/**
	 * LangChain4j: its stream (callbacks).
	 * @return the chunks
	 */
	@Benchmark
	public int chatStream_langchain4j() {
		return Expect.chunks(this.clients.langchain4jStream());
	}

	/**
	 * The hand-written client: embeddings.
	 * @return the vectors
	 */
	@Benchmark
	public List<float[]> embeddings_raw() {
		return Expect.vectors(this.clients.rawEmbed());
	}

	/**
	 * Ours: embeddings.
	 * @return the vectors
	 */
	@Benchmark
	public List<float[]> embeddings_ours() {
		return Expect.vectors(this.clients.ourEmbed());
	}

	/**
	 * Spring AI: embeddings.
	 * @return the vectors
	 */
	@Benchmark
	public List<float[]> embeddings_springAi() {
		return Expect.vectors(this.clients.springAiEmbed());
	}

	/**
	 * LangChain4j: embeddings.
	 * @return the vectors
	 */
	@Benchmark
	public List<float[]> embeddings_langchain4j() {
		return Expect.vectors(this.clients.langchain4jEmbed());
	}

	/** Checks of what a benchmark read. */
	static final class Expect {

		private Expect() {
		}

		static String answer(String text) {
			if (!StubMistralServer.ANSWER.equals(text)) {
				throw new IllegalStateException("Wrong answer: " + text);
			}
			return text;
		}

		static int chunks(int chunks) {
			if (chunks != StubMistralServer.STREAM_CHUNKS) {
				throw new IllegalStateException(
						"Expected " + StubMistralServer.STREAM_CHUNKS + " chunks with text but read " + chunks);
			}
			return chunks;
		}

		static List<float[]> vectors(List<float[]> vectors) {
			if (vectors.size() != StubMistralServer.EMBEDDINGS) {
				throw new IllegalStateException(
						"Expected " + StubMistralServer.EMBEDDINGS + " vectors but read " + vectors.size());
			}
			for (float[] vector : vectors) {
				if (vector.length != StubMistralServer.DIMENSIONS) {
					throw new IllegalStateException(
							"Expected " + StubMistralServer.DIMENSIONS + " numbers but read " + vector.length);
				}
			}
			if (vectors.get(0)[0] != StubMistralServer.FIRST_VALUE) {
				throw new IllegalStateException(
						"Expected " + StubMistralServer.FIRST_VALUE + " first but read " + vectors.get(0)[0]);
			}
			return vectors;
		}

	}

}
