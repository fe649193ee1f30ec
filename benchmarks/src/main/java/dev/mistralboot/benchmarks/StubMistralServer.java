package dev.mistralboot.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stub Mistral server for the benchmarks, run in its own JVM on loopback so that its
 * work is not counted in the client's CPU time. It answers {@code POST
 * /v1/chat/completions} with a 1.3 KB answer (or, when the body asks for
 * {@code "stream":true}, a server-sent event stream of {@value #STREAM_CHUNKS} chunks: a
 * role-only first chunk, text chunks, usage on the last one, one flush per event, then
 * {@code [DONE]}), and {@code POST /v1/embeddings} with {@value #EMBEDDINGS} vectors of
 * {@value #DIMENSIONS} numbers. Every answer is built once at start-up.
 * <p>
 * Start it with {@code -Dsun.net.httpserver.nodelay=true}: without it every reused
 * keep-alive connection stalls about 40 ms (Nagle and delayed ACK). {@link #start(Path)}
 * does both and reads the port the child prints.
 */
public final class StubMistralServer {

	/** Chunks of text in a streamed answer (the role-only first chunk not counted). */
	public static final int STREAM_CHUNKS = 2000;

	/** Vectors in an embeddings answer. */
	public static final int EMBEDDINGS = 256;

	/** Numbers in each vector. */
	public static final int DIMENSIONS = 1024;

	/** The text of the whole (non-streamed) answer. */
	public static final String ANSWER = answerText();

	/** The text of each streamed chunk. */
	public static final String CHUNK_TEXT = "Streaming answers arrive token by token. ";

	/** The first number of the first vector, as the stub writes it. */
	public static final float FIRST_VALUE = firstValue();

	private static final byte[] CHAT = chatAnswer();

	private static final byte[][] STREAM = streamEvents();

	private static final byte[] EMBEDDINGS_ANSWER = embeddingsAnswer();

	private StubMistralServer() {
	}

	/**
	 * Runs the server on a random loopback port and prints {@code port=N} once it
	 * listens.
	 * @param args ignored
	 * @throws IOException when the server cannot listen
	 */
	public static void main(String[] args) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
		ExecutorService executor = Executors.newFixedThreadPool(8);
		server.setExecutor(executor);
		server.createContext("/v1/chat/completions", StubMistralServer::chat);
		server.createContext("/v1/embeddings", (exchange) -> answer(exchange, EMBEDDINGS_ANSWER));
		server.start();
		System.out.println("port=" + server.getAddress().getPort());
		System.out.flush();
		// ends with its parent: the parent closes our standard input
		try {
			while (System.in.read() >= 0) {
				// wait
			}
		}
		finally {
			server.stop(0);
			executor.shutdownNow();
		}
	}

	/**
	 * Starts the server in a new JVM (the same Java and class path as this one).
	 * @param javaHome the Java installation to run it with
	 * @return the running server
	 * @throws IOException when it cannot be started
	 */
	public static Running start(Path javaHome) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(javaHome.resolve("bin").resolve("java").toString());
		command.add("-Dsun.net.httpserver.nodelay=true");
		command.add("-Xmx512m");
		command.add("-XX:+UseSerialGC");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(StubMistralServer.class.getName());
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		if (line == null || !line.startsWith("port=")) {
			process.destroyForcibly();
			throw new IOException("The stub server did not start: " + line);
		}
		return new Running(process, Integer.parseInt(line.substring("port=".length())));
	}

	private static void chat(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		String request = new String(body, StandardCharsets.UTF_8);
		if (!request.replace(" ", "").contains("\"stream\":true")) {
			send(exchange, CHAT);
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			for (byte[] event : STREAM) {
				out.write(event);
				out.flush();
			}
		}
	}

	private static void answer(HttpExchange exchange, byte[] json) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		send(exchange, json);
	}

	private static void send(HttpExchange exchange, byte[] json) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, json.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(json);
		}
	}

	private static String answerText() {
		StringBuilder text = new StringBuilder();
		while (text.length() < 900) {
			text.append("The stub answers every question with the same sentence, so that clients can be compared. ");
		}
		return text.toString().trim();
	}

	private static byte[] chatAnswer() {
		String json = "{\"id\":\"cmpl-e5cc70bb28c444948073e77776eb30ef\",\"object\":\"chat.completion\","
				+ "\"created\":1702256327,\"model\":\"mistral-small-latest\",\"choices\":[{\"index\":0,"
				+ "\"message\":{\"role\":\"assistant\",\"content\":\"" + ANSWER + "\",\"tool_calls\":null},"
				+ "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":16,\"completion_tokens\":102,"
				+ "\"total_tokens\":118}}";
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[][] streamEvents() {
		String head = "data: {\"id\":\"cmpl-0c0a6d8a2e3d4f5a9b8c7d6e5f4a3b2c\",\"object\":\"chat.completion.chunk\","
				+ "\"created\":1702256327,\"model\":\"mistral-small-latest\",\"choices\":[{\"index\":0,\"delta\":";
		byte[][] events = new byte[STREAM_CHUNKS + 2][];
		events[0] = (head + "{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n")
			.getBytes(StandardCharsets.UTF_8);
		for (int i = 1; i <= STREAM_CHUNKS; i++) {
			boolean last = i == STREAM_CHUNKS;
			String event = head + "{\"content\":\"" + CHUNK_TEXT + "\"},\"finish_reason\":"
					+ (last ? "\"stop\"}],\"usage\":{\"prompt_tokens\":16,\"completion_tokens\":" + STREAM_CHUNKS
							+ ",\"total_tokens\":" + (STREAM_CHUNKS + 16) + "}}" : "null}]}")
					+ "\n\n";
			events[i] = event.getBytes(StandardCharsets.UTF_8);
		}
		events[STREAM_CHUNKS + 1] = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
		return events;
	}

	private static float firstValue() {
		return Float.parseFloat(number(new Random(42)));
	}

	/**
	 * A number such as {@code -0.012345678901}, as Mistral writes them (16 characters).
	 */
	private static String number(Random random) {
		long digits = (random.nextLong() >>> 1) % 1_000_000_000_000L;
		String text = Long.toString(digits);
		return (random.nextBoolean() ? "-" : "") + "0." + "0".repeat(12 - text.length()) + text;
	}

	private static byte[] embeddingsAnswer() {
		Random random = new Random(42);
		StringBuilder json = new StringBuilder(4_400_000);
		json.append("{\"id\":\"embd-aad6fc62b17349b192ef09225058bc45\",\"object\":\"list\",\"data\":[");
		for (int e = 0; e < EMBEDDINGS; e++) {
			if (e > 0) {
				json.append(',');
			}
			json.append("{\"object\":\"embedding\",\"embedding\":[");
			for (int d = 0; d < DIMENSIONS; d++) {
				if (d > 0) {
					json.append(',');
				}
				json.append(number(random));
			}
			json.append("],\"index\":").append(e).append('}');
		}
		json.append("],\"model\":\"mistral-embed\",\"usage\":{\"prompt_tokens\":2048,\"total_tokens\":2048}}");
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A server running in a child JVM; closing it ends the child.
	 *
	 * @param process the child
	 * @param port the loopback port it listens on
	 */
	public record Running(Process process, int port) implements AutoCloseable {

		/**
		 * The base URL, without a path.
		 * @return such as {@code http://127.0.0.1:40123}
		 */
		public String baseUrl() {
			return "http://127.0.0.1:" + this.port;
		}

		@Override
		public void close() {
			try {
				this.process.getOutputStream().close();
				if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (IOException ex) {
				this.process.destroyForcibly();
			}
			catch (InterruptedException ex) {
				this.process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}

	}

}
