package dev.mistralboot.client.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.mistralboot.client.test.FaultServer;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.HangGuard;
import dev.mistralboot.client.test.RecordingSleeper;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.ReactorClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The fault matrix: every operation kind against every fault on every transport, each
 * cell asserting the outcome (the exception class, or success), the attempts the server
 * saw, and that it ended within a generous bound. Timeouts are short (hundreds of
 * milliseconds) and the blocking core's backoff goes to a {@link RecordingSleeper}, so
 * the matrix stays fast; nothing asserts a tight wall-clock margin.
 */
class TransportFaultMatrixTests {

	/** Response timeout of every cell. */
	static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);

	/** Stream (and download) idle timeout of every cell. */
	static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * The warm-up's timeouts: long, since it only loads classes in a cold JVM (which
	 * takes seconds on a loaded machine) and asserts no fault.
	 */
	static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(60);

	/** A generous bound on every cell: it proves nothing hangs, never a speed. */
	static final Duration CELL_BOUND = Duration.ofSeconds(20);

	/** Beyond this a cell (or the warm-up) hangs: it fails with a thread dump. */
	static final Duration HANG_BOUND = Duration.ofMinutes(2);

	static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2),
			Duration.ofSeconds(5));

	static final String CHAT_ANSWER = Fixtures.text("chat-response.json");

	static final String FILE_ANSWER = """
			{"id":"497f6eca-6276-4993-bfeb-53cbbbba6f08","object":"file","bytes":13,"created_at":1767225600,\
			"filename":"train.jsonl","purpose":"fine-tune","sample_type":"instruct","source":"upload"}""";

	static final String DOWNLOAD_ANSWER = "0123456789".repeat(2_000);

	static final String EVENTS = Fixtures.text("chat-text.sse");

	static final java.net.http.HttpClient JDK = java.net.http.HttpClient.newBuilder()
		.version(java.net.http.HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/**
	 * Reactor Netty without a connection pool: a pooled connection the fault server
	 * closed could fail an attempt before it reaches the server, which would make the
	 * attempts the server sees depend on timing.
	 */
	static final HttpClient NETTY = HttpClient.create(ConnectionProvider.newConnection());

	static final ReactorClientHttpRequestFactory NETTY_FACTORY = new ReactorClientHttpRequestFactory(NETTY);

	/**
	 * One successful call per transport first, so that loading classes in a cold JVM
	 * never eats into a cell's short timeouts.
	 */
	@BeforeAll
	static void warmUp() throws Exception {
		HangGuard.run(HANG_BOUND, "the warm-up", TransportFaultMatrixTests::warmUpEveryTransport);
	}

	private static void warmUpEveryTransport() throws Exception {
		try (FaultServer server = new FaultServer((c, attempt) -> {
			if (c.request().path().contains("content")) {
				c.respond(200, Operation.DOWNLOAD.contentType(), DOWNLOAD_ANSWER);
			}
			else if (c.request().bodyText().contains("\"stream\":true")) {
				c.respond(200, Operation.BLOCKING_STREAM.contentType(), EVENTS);
			}
			else {
				c.respond(200, "application/json", c.request().path().contains("files") ? FILE_ANSWER : CHAT_ANSWER);
			}
		})) {
			for (Transport transport : Transport.values()) {
				for (Operation operation : Operation.values()) {
					if (notApplicable(transport, operation, Fault.RESET) == null) {
						run(transport, operation, server.baseUrl(), WARM_UP_TIMEOUT, WARM_UP_TIMEOUT);
					}
				}
			}
			assertConform(server);
		}
	}

	@AfterAll
	static void stopNetty() {
		NETTY_FACTORY.stop();
	}

	@TestFactory
	Stream<DynamicNode> faultMatrix() {
		List<DynamicNode> transports = new ArrayList<>();
		for (Transport transport : Transport.values()) {
			List<DynamicNode> operations = new ArrayList<>();
			for (Operation operation : Operation.values()) {
				List<DynamicNode> cells = new ArrayList<>();
				for (Fault fault : Fault.values()) {
					cells.add(DynamicTest.dynamicTest(fault.name(), () -> cell(transport, operation, fault)));
				}
				operations.add(DynamicContainer.dynamicContainer(operation.name(), cells));
			}
			transports.add(DynamicContainer.dynamicContainer(transport.name(), operations));
		}
		return transports.stream();
	}

	/** Why a cell cannot apply, or {@code null}. */
	static String notApplicable(Transport transport, Operation operation, Fault fault) {
		if (operation == Operation.REACTIVE_STREAM && !transport.reactive()) {
			return "a reactive stream needs the WebClient";
		}
		if (operation == Operation.BLOCKING_STREAM && transport.reactive()) {
			return "the WebClient streams reactively (REACTIVE_STREAM)";
		}
		if (!operation.stream() && (fault == Fault.CUT_MID_EVENT || fault == Fault.SILENT_MID_EVENT
				|| fault == Fault.ERROR_EVENT || fault == Fault.MALFORMED_EVENT)) {
			return "events exist only in streams";
		}
		if (operation == Operation.DOWNLOAD && fault == Fault.GARBAGE_BODY) {
			return "a download's bytes are not interpreted";
		}
		return null;
	}

	static Outcome expected(Transport transport, Operation operation, Fault fault) {
		boolean stream = operation.stream();
		// the JDK HTTP client resends a GET once by itself when the connection closes
		// before any byte (no setting turns that off): the core counts both sends and
		// retries only when two more fit in the three attempts
		boolean jdkGet = operation == Operation.DOWNLOAD
				&& (transport == Transport.OWN_JDK || transport == Transport.SPRING_JDK);
		return switch (fault) {
			case REFUSED -> Outcome.fails(MistralIoException.class, 0);
			case RESET, EMPTY_REPLY -> Outcome.fails(MistralIoException.class, jdkGet ? 2 : 3);
			// an unreadable answer; a stream without events ended before [DONE] (retried:
			// nothing was delivered)
			case GARBAGE_BODY -> stream ? Outcome.fails(MistralStreamException.class, 3)
					: Outcome.fails(MistralInvalidResponseException.class, 1);
			// a stream whose body ends cleanly before [DONE] after two chunks
			case TRUNCATED_BODY ->
				stream ? Outcome.fails(MistralStreamException.class, 1) : Outcome.fails(MistralIoException.class, 1);
			// the response timeout bounds a whole answer; streams and downloads are
			// bounded
			// by silence only
			case TRICKLING_BODY -> (stream || operation == Operation.DOWNLOAD) ? Outcome.success(1)
					: Outcome.fails(MistralTimeoutException.class, 1);
			case NEVER_ANSWERS, SILENT_MID_BODY, SILENT_MID_EVENT -> Outcome.fails(MistralTimeoutException.class, 1);
			case CUT_MID_BODY, CUT_MID_EVENT -> Outcome.fails(MistralIoException.class, 1);
			// a stream failing before its first chunk is retried
			case MALFORMED_CHUNK -> Outcome.fails(MistralIoException.class, stream ? 3 : 1);
			case ERROR_EVENT -> Outcome.fails(MistralStreamException.class, 1);
			case RATE_LIMITED_SHORT_RETRY_AFTER -> Outcome.fails(MistralRateLimitException.class, 3);
			case RATE_LIMITED_LONG_RETRY_AFTER -> Outcome.fails(MistralRateLimitException.class, 1);
			case UNAVAILABLE_THEN_OK -> Outcome.success(2);
			case HTML_500 -> Outcome.fails(MistralServerException.class, 3);
			case MALFORMED_EVENT -> Outcome.fails(MistralInvalidResponseException.class, 1);
		};
	}

	private void cell(Transport transport, Operation operation, Fault fault) throws Exception {
		String reason = notApplicable(transport, operation, fault);
		Assumptions.assumeTrue(reason == null, reason);
		HangGuard.run(HANG_BOUND, transport + " " + operation + " " + fault,
				() -> runCell(transport, operation, fault));
	}

	private void runCell(Transport transport, Operation operation, Fault fault) throws Exception {
		Outcome expected = expected(transport, operation, fault);
		FaultServer server = (fault != Fault.REFUSED) ? new FaultServer(script(operation, fault)) : null;
		try {
			String baseUrl = (server != null) ? server.baseUrl() : FaultServer.refusedBaseUrl();
			long start = System.nanoTime();
			Throwable thrown = catchThrowable(() -> run(transport, operation, baseUrl, RESPONSE_TIMEOUT, IDLE_TIMEOUT));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			if (expected.failure() == null) {
				assertThat(thrown).as("no failure").isNull();
			}
			else {
				assertThat(thrown).as("the failure").isNotNull();
				assertThat(thrown.getClass()).as("the failure's class (%s)", thrown).isEqualTo(expected.failure());
			}
			int attempts = (server != null) ? server.requests().size() : 0;
			assertThat(attempts).as("attempts the server saw (the failure: %s)", String.valueOf(thrown))
				.isEqualTo(expected.attempts());
			assertThat(took).as("time taken").isLessThan(CELL_BOUND);
			if (server != null) {
				assertConform(server);
			}
		}
		finally {
			if (server != null) {
				server.close();
			}
		}
	}

	static void assertConform(FaultServer server) {
		for (FaultServer.Request request : server.requests()) {
			OpenApiContract.get()
				.assertRequestValid(request.method(), request.path(), request.header("Content-Type"), request.body());
		}
	}

	private static void run(Transport transport, Operation operation, String baseUrl, Duration responseTimeout,
			Duration idleTimeout) {
		if (transport.reactive()) {
			ReactiveMistralHttp http = ReactiveMistralHttp.builder()
				.baseUrl(baseUrl)
				.apiKey("test-key")
				.connector(new ReactorClientHttpConnector(NETTY))
				.connectTimeout(Duration.ofSeconds(5))
				.responseTimeout(responseTimeout)
				.streamIdleTimeout(idleTimeout)
				.retryPolicy(POLICY)
				.build();
			switch (operation) {
				case JSON_CALL -> checkChat(http.execute(TestRequests.chat(), JsonNode.class).block(CELL_BOUND).body());
				case UPLOAD -> checkFile(http.execute(upload(), JsonNode.class).block(CELL_BOUND).body());
				case REACTIVE_STREAM ->
					assertThat(http.stream(TestRequests.chatStream(), JsonNode.class).collectList().block(CELL_BOUND))
						.hasSize(4);
				case DOWNLOAD -> {
					String body = DataBufferUtils
						.join(http.download(ApiRequest.get("/v1/files/{file_id}/content", "file-1")
							.operation("files.download")
							.build()))
						.map((buffer) -> {
							String text = buffer.toString(StandardCharsets.UTF_8);
							DataBufferUtils.release(buffer);
							return text;
						})
						.block(CELL_BOUND);
					assertThat(body).isEqualTo(DOWNLOAD_ANSWER);
				}
				default -> throw new IllegalStateException(operation.name());
			}
			return;
		}
		MistralHttp.Builder builder = MistralHttp.builder()
			.baseUrl(baseUrl)
			.apiKey("test-key")
			.connectTimeout(Duration.ofSeconds(5))
			.responseTimeout(responseTimeout)
			.streamIdleTimeout(idleTimeout)
			.retryPolicy(POLICY)
			.sleeper(new RecordingSleeper());
		switch (transport) {
			case OWN_JDK -> builder.httpClient(JDK);
			case SPRING_JDK -> builder.requestFactory(new JdkClientHttpRequestFactory(JDK))
				.streamingRequestFactory(new JdkClientHttpRequestFactory(JDK));
			case REACTOR_NETTY -> builder.requestFactory(NETTY_FACTORY).streamingRequestFactory(NETTY_FACTORY);
			default -> throw new IllegalStateException(transport.name());
		}
		MistralHttp http = builder.build();
		switch (operation) {
			case JSON_CALL -> checkChat(http.execute(TestRequests.chat(), JsonNode.class).body());
			case UPLOAD -> checkFile(http.execute(upload(), JsonNode.class).body());
			case DOWNLOAD -> {
				try (MistralDownload download = http.download(
						ApiRequest.get("/v1/files/{file_id}/content", "file-1").operation("files.download").build())) {
					ByteArrayOutputStream out = new ByteArrayOutputStream();
					download.transferTo(out);
					assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(DOWNLOAD_ANSWER);
				}
			}
			case BLOCKING_STREAM -> {
				try (MistralStream<JsonNode> stream = http.stream(TestRequests.chatStream(), JsonNode.class)) {
					assertThat(stream.stream().toList()).hasSize(4);
				}
			}
			default -> throw new IllegalStateException(operation.name());
		}
	}

	private static void checkChat(JsonNode body) {
		assertThat(body.path("id").asString()).isEqualTo("cmpl-e5cc70bb28c444948073e77776eb30ef");
	}

	private static void checkFile(JsonNode body) {
		assertThat(body.path("filename").asString()).isEqualTo("train.jsonl");
	}

	static ApiRequest upload() {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("purpose", "fine-tune");
		parts.add("file", new ByteArrayResource("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8)) {

			@Override
			public String getFilename() {
				return "train.jsonl";
			}

		});
		return ApiRequest.post("/v1/files").operation("files.upload").multipart(parts, true).build();
	}

	/** The server's behaviour for a cell. */
	static FaultServer.Script script(Operation operation, Fault fault) {
		String type = operation.contentType();
		String answer = operation.answer();
		List<String> events = List.of(answer.split("(?<=\n\n)"));
		String error = "{\"object\":\"error\",\"message\":\"Slow down\",\"type\":\"rate_limited\",\"param\":null,\"code\":\"1300\"}";
		return switch (fault) {
			case REFUSED -> (c, attempt) -> {
			};
			case RESET -> (c, attempt) -> c.reset();
			case EMPTY_REPLY -> (c, attempt) -> c.close();
			case GARBAGE_BODY ->
				(c, attempt) -> c.respond(200, type, operation.stream() ? "garbage\n\n" : "<<garbage>>");
			case TRUNCATED_BODY -> (c, attempt) -> {
				if (operation.stream()) {
					c.head(200, "Content-Type", type, "Transfer-Encoding", "chunked");
					c.chunk(events.get(0));
					c.chunk(events.get(1));
					c.endChunks();
				}
				else {
					c.head(200, "Content-Type", type, "Content-Length",
							String.valueOf(answer.getBytes(StandardCharsets.UTF_8).length));
					c.write(answer.substring(0, answer.length() / 2));
				}
				c.close();
			};
			case TRICKLING_BODY -> (c, attempt) -> {
				c.head(200, "Content-Type", type, "Transfer-Encoding", "chunked");
				// 4 s in all, more than the response timeout; 200 ms between pieces, far
				// less than the idle timeout
				for (String piece : split(answer, 20)) {
					c.chunk(piece);
					c.pause(200);
				}
				c.endChunks();
				c.awaitClientClose(Duration.ofSeconds(5));
			};
			case NEVER_ANSWERS -> (c, attempt) -> c.awaitClientClose(CELL_BOUND);
			case CUT_MID_BODY -> (c, attempt) -> {
				c.head(200, "Content-Type", type, "Transfer-Encoding", "chunked");
				if (operation.stream()) {
					c.chunk(events.get(0) + events.get(1));
				}
				else {
					c.chunk(answer.substring(0, answer.length() / 2));
				}
				c.close();
			};
			case SILENT_MID_BODY -> (c, attempt) -> {
				c.head(200, "Content-Type", type, "Transfer-Encoding", "chunked");
				c.chunk(operation.stream() ? events.get(0) + events.get(1) : answer.substring(0, answer.length() / 2));
				c.awaitClientClose(CELL_BOUND);
			};
			case CUT_MID_EVENT -> (c, attempt) -> {
				c.head(200, "Content-Type", type, "Transfer-Encoding", "chunked");
				c.chunk(events.get(0) + events.get(1) + events.get(2).substring(0, 30));
				c.close();
			};
			case SILENT_MID_EVENT -> (c, attempt) -> {
				c.head(200, "Content-Type", type, "Transfer-Encoding", "chunked");
				c.chunk(events.get(0) + events.get(1) + events.get(2).substring(0, 30));
				c.awaitClientClose(CELL_BOUND);
			};
			case ERROR_EVENT -> (c, attempt) -> c.respond(200, type, Fixtures.text("chat-error-mid-stream.sse"));
			case RATE_LIMITED_SHORT_RETRY_AFTER ->
				(c, attempt) -> c.respond(429, "application/json", error, "Retry-After", "0");
			case RATE_LIMITED_LONG_RETRY_AFTER ->
				(c, attempt) -> c.respond(429, "application/json", error, "Retry-After", "3600");
			case UNAVAILABLE_THEN_OK -> (c, attempt) -> {
				if (attempt == 1) {
					c.respond(503, "application/json", error.replace("Slow down", "Unavailable"));
				}
				else {
					c.respond(200, type, answer);
				}
			};
			case HTML_500 -> (c, attempt) -> c.respond(500, "text/html",
					"<html><body><h1>500 Internal Server Error</h1></body></html>");
			case MALFORMED_CHUNK -> (c, attempt) -> {
				c.head(200, "Content-Type", type, "Transfer-Encoding", "chunked");
				if (!operation.stream()) {
					c.chunk(answer.substring(0, 10));
				}
				c.write("zz\r\nnot a chunk\r\n");
				c.close();
			};
			case MALFORMED_EVENT -> (c, attempt) -> c.respond(200, type, events.get(0) + "data: {not json\n\n");
		};
	}

	private static List<String> split(String text, int count) {
		List<String> pieces = new ArrayList<>();
		int size = Math.max(1, text.length() / count);
		for (int i = 0; i < text.length(); i += size) {
			pieces.add(text.substring(i, Math.min(text.length(), i + size)));
		}
		return pieces;
	}

	/** The transports under test. */
	enum Transport {

		/** The core's own JDK client ({@link JdkRequestFactory}). */
		OWN_JDK,
		/** Spring's {@code JdkClientHttpRequestFactory}, as Spring Boot builds it. */
		SPRING_JDK,
		/** Spring's {@code ReactorClientHttpRequestFactory} (RestClient with WebFlux). */
		REACTOR_NETTY,
		/** The WebClient ({@link ReactiveMistralHttp}) on Reactor Netty. */
		WEBCLIENT;

		boolean reactive() {
			return this == WEBCLIENT;
		}

	}

	/** The operation kinds. */
	enum Operation {

		JSON_CALL, UPLOAD, DOWNLOAD, BLOCKING_STREAM, REACTIVE_STREAM;

		boolean stream() {
			return this == BLOCKING_STREAM || this == REACTIVE_STREAM;
		}

		String contentType() {
			return switch (this) {
				case JSON_CALL, UPLOAD -> "application/json";
				case DOWNLOAD -> "application/octet-stream";
				default -> "text/event-stream";
			};
		}

		String answer() {
			return switch (this) {
				case JSON_CALL -> CHAT_ANSWER;
				case UPLOAD -> FILE_ANSWER;
				case DOWNLOAD -> DOWNLOAD_ANSWER;
				default -> EVENTS;
			};
		}

	}

	/** The faults. */
	enum Fault {

		REFUSED, RESET, EMPTY_REPLY, GARBAGE_BODY, TRUNCATED_BODY, TRICKLING_BODY, NEVER_ANSWERS, CUT_MID_BODY,
		SILENT_MID_BODY, CUT_MID_EVENT, SILENT_MID_EVENT, ERROR_EVENT, RATE_LIMITED_SHORT_RETRY_AFTER,
		RATE_LIMITED_LONG_RETRY_AFTER, UNAVAILABLE_THEN_OK, HTML_500, MALFORMED_CHUNK, MALFORMED_EVENT

	}

	/**
	 * What a cell must end with.
	 *
	 * @param failure the exception class ({@code null} for success)
	 * @param attempts the attempts the server must see
	 */
	record Outcome(Class<? extends Throwable> failure, int attempts) {

		static Outcome success(int attempts) {
			return new Outcome(null, attempts);
		}

		static Outcome fails(Class<? extends Throwable> failure, int attempts) {
			return new Outcome(failure, attempts);
		}

	}

}
