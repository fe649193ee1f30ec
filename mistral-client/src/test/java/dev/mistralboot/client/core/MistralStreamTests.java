package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.LoopbackServer;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.client.test.RecordingSleeper;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Server-sent event streams over a blocking connection: fixtures, cuts, error events,
 * retries and the idle timeout.
 */
class MistralStreamTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	private MistralHttp http() {
		return http(wireMock.baseUrl(), Duration.ofSeconds(10));
	}

	private MistralHttp http(String baseUrl, Duration idleTimeout) {
		return MistralHttp.builder()
			.baseUrl(baseUrl)
			.apiKey("test-key")
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5)))
			.streamIdleTimeout(idleTimeout)
			.sleeper(this.sleeper)
			.build();
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String body) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream; charset=utf-8")
			.withHeader("mistral-correlation-id", "corr-stream")
			.withBody(body);
	}

	private static void answers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... responses) {
		wireMock.postAnswersInTurn(TestRequests.CHAT, responses);
	}

	private static void serve(String body) {
		wireMock.server().stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(sse(body)));
	}

	private static List<JsonNode> readAll(MistralStream<JsonNode> stream) {
		List<JsonNode> chunks = new ArrayList<>();
		try (stream) {
			stream.forEach(chunks::add);
		}
		return chunks;
	}

	@Test
	void readsEveryChunkUntilDone() {
		serve(Fixtures.text("chat-text.sse"));
		MistralStream<JsonNode> stream = http().stream(TestRequests.chatStream(), JsonNode.class);
		assertThat(stream.metadata().statusCode()).isEqualTo(200);
		assertThat(stream.metadata().correlationId()).isEqualTo("corr-stream");
		List<JsonNode> chunks = readAll(stream);
		assertThat(chunks).hasSize(4);
		assertThat(chunks.get(0).at("/choices/0/delta/role").asString()).isEqualTo("assistant");
		assertThat(chunks.get(1).at("/choices/0/delta/content").asString()).isEqualTo("Comté");
		assertThat(chunks.get(3).at("/usage/total_tokens").asInt()).isEqualTo(19);
		assertThat(stream.delivered()).isEqualTo(4);
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo(TestRequests.CHAT)).withHeader("Accept",
					equalTo("text/event-stream")));
	}

	@Test
	void fixturesConformToTheChunkSchema() {
		for (String fixture : List.of("chat-text.sse", "chat-tool-call-whole.sse", "chat-thinking.sse",
				"chat-cut.sse")) {
			for (String data : Fixtures.dataLines(Fixtures.text(fixture))) {
				OpenApiContract.get().assertSchemaValid("CompletionChunk", data, OpenApiContract.Mode.LIVE_API);
			}
		}
	}

	@Test
	void crlfLineEndings() {
		serve(Fixtures.crlf(Fixtures.text("chat-text.sse")));
		assertThat(readAll(http().stream(TestRequests.chatStream(), JsonNode.class))).hasSize(4);
	}

	@Test
	void multiLineDataAndComments() {
		serve(": keep-alive\n\ndata: {\"id\":\"a\",\"model\":\"m\",\ndata: \"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},\"finish_reason\":null}]}\n\n"
				+ ":another comment\nevent: message\ndata: {\"id\":\"a\",\"model\":\"m\",\"choices\":[]}\n\ndata: [DONE]\n\n");
		List<JsonNode> chunks = readAll(http().stream(TestRequests.chatStream(), JsonNode.class));
		assertThat(chunks).hasSize(2);
		assertThat(chunks.get(0).at("/choices/0/delta/content").asString()).isEqualTo("x");
	}

	@Test
	void javaStreamClosesTheStream() {
		serve(Fixtures.text("chat-text.sse"));
		MistralStream<JsonNode> stream = http().stream(TestRequests.chatStream(), JsonNode.class);
		try (var java = stream.stream()) {
			assertThat(java.map((chunk) -> chunk.at("/choices/0/delta/content").asString())).containsExactly("",
					"Comté", " is the", " best.");
		}
		assertThat(stream.delivered()).isEqualTo(4);
	}

	@Test
	void streamCanBeIteratedOnce() {
		serve(Fixtures.text("chat-text.sse"));
		try (MistralStream<JsonNode> stream = http().stream(TestRequests.chatStream(), JsonNode.class)) {
			stream.iterator();
			assertThatIllegalStateException().isThrownBy(stream::iterator).withMessageContaining("only once");
		}
	}

	@Test
	void closingEarlyStopsReading() {
		serve(Fixtures.text("chat-text.sse"));
		MistralStream<JsonNode> stream = http().stream(TestRequests.chatStream(), JsonNode.class);
		Iterator<JsonNode> chunks = stream.iterator();
		assertThat(chunks.next().at("/choices/0/delta/role").asString()).isEqualTo("assistant");
		stream.close();
		assertThat(chunks.hasNext()).isFalse();
	}

	@Test
	void streamCutWithoutDoneIsAnError() {
		serve(Fixtures.text("chat-cut.sse"));
		MistralStream<JsonNode> stream = http().stream(TestRequests.chatStream(), JsonNode.class);
		List<JsonNode> received = new ArrayList<>();
		MistralStreamException ex = catchThrowableOfType(MistralStreamException.class,
				() -> stream.forEach(received::add));
		assertThat(received).hasSize(2);
		assertThat(ex.getChunksDelivered()).isEqualTo(2);
		assertThat(ex.getError()).isNull();
		assertThat(ex.getMessage()).contains("ended after 2 chunks without [DONE]").contains("incomplete");
		assertThat(wireMock.requestCount()).isEqualTo(1);
		assertThat(this.sleeper.sleeps()).isEmpty();
	}

	@Test
	void streamCutInsideAnEventIsACutNotAnUnreadableChunk() {
		String text = Fixtures.text("chat-cut.sse");
		serve(text + "data: {\"id\":\"e5cc70bb28c444948073e77776eb30ef\",\"object\":\"chat.compl");
		MistralStream<JsonNode> stream = http().stream(TestRequests.chatStream(), JsonNode.class);
		MistralStreamException ex = catchThrowableOfType(MistralStreamException.class, () -> readAll(stream));
		assertThat(ex.getChunksDelivered()).isEqualTo(2);
		assertThat(ex.getMessage()).contains("without [DONE]");
	}

	@Test
	void errorEventMidStreamIsAnError() {
		serve(Fixtures.text("chat-error-mid-stream.sse"));
		MistralStream<JsonNode> stream = http().stream(TestRequests.chatStream(), JsonNode.class);
		List<JsonNode> received = new ArrayList<>();
		MistralStreamException ex = catchThrowableOfType(MistralStreamException.class,
				() -> stream.forEach(received::add));
		assertThat(received).hasSize(2);
		assertThat(ex.getChunksDelivered()).isEqualTo(2);
		assertThat(ex.getError()).isNotNull();
		assertThat(ex.getError().type()).isEqualTo("service_tier_capacity_exceeded");
		assertThat(ex.getError().code()).isEqualTo("3505");
		assertThat(ex.getMessage()).contains("error inside the stream")
			.contains("after 2 chunks")
			.contains("the model is overloaded");
		assertThat(wireMock.requestCount()).isEqualTo(1);
	}

	@Test
	void namedErrorEvent() {
		serve("event: error\ndata: {\"message\":\"Internal error\",\"id\":\"x\"}\n\n");
		MistralStreamException ex = catchThrowableOfType(MistralStreamException.class,
				() -> readAll(http().stream(TestRequests.chatStream(), JsonNode.class)));
		assertThat(ex.getError().message()).isEqualTo("Internal error");
	}

	@Test
	void unreadableChunkIsAnInvalidResponse() {
		serve("data: not json\n\ndata: [DONE]\n\n");
		MistralInvalidResponseException ex = catchThrowableOfType(MistralInvalidResponseException.class,
				() -> readAll(http().stream(TestRequests.chatStream(), JsonNode.class)));
		assertThat(ex.getRawBody()).isEqualTo("not json");
	}

	@Test
	void errorStatusBeforeTheStreamIsRetried() {
		answers(MistralHttpRetryTests.status(503), sse(Fixtures.text("chat-text.sse")));
		MistralStream<JsonNode> stream = http().stream(TestRequests.chatStream(), JsonNode.class);
		assertThat(readAll(stream)).hasSize(4);
		assertThat(stream.metadata().attempts()).isEqualTo(2);
		assertThat(wireMock.requestCount()).isEqualTo(2);
		assertThat(this.sleeper.sleeps()).hasSize(1);
	}

	@Test
	void streamFailingBeforeTheFirstChunkIsRetried() {
		answers(sse(""), sse(Fixtures.text("chat-text.sse")));
		MistralStream<JsonNode> stream = http().stream(TestRequests.chatStream(), JsonNode.class);
		assertThat(readAll(stream)).hasSize(4);
		assertThat(stream.metadata().attempts()).isEqualTo(2);
		assertThat(wireMock.requestCount()).isEqualTo(2);
		assertThat(this.sleeper.sleeps()).hasSize(1);
	}

	@Test
	void streamRetriedBeforeTheFirstChunkTellsTheListener() {
		answers(sse(""), sse(Fixtures.text("chat-text.sse")));
		List<Integer> retried = new ArrayList<>();
		MistralHttp http = http().mutate().listener(new MistralHttp.Listener() {
			@Override
			public void onRetry(ApiRequest request, RuntimeException failure, int attempt, Duration delay) {
				retried.add(attempt);
				assertThat(failure).isInstanceOf(MistralStreamException.class);
			}
		}).build();
		assertThat(readAll(http.stream(TestRequests.chatStream(), JsonNode.class))).hasSize(4);
		assertThat(retried).containsExactly(1);
	}

	@Test
	void streamResetBeforeTheFirstChunkIsRetried() {
		answers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), sse(Fixtures.text("chat-text.sse")));
		MistralStream<JsonNode> stream = http().stream(TestRequests.chatStream(), JsonNode.class);
		assertThat(readAll(stream)).hasSize(4);
		assertThat(wireMock.requestCount()).isEqualTo(2);
	}

	@Test
	void streamFailingAfterTheFirstChunkIsNotRetried() {
		answers(sse(Fixtures.text("chat-cut.sse")), sse(Fixtures.text("chat-text.sse")));
		MistralStream<JsonNode> stream = http().stream(TestRequests.chatStream(), JsonNode.class);
		catchThrowableOfType(MistralStreamException.class, () -> readAll(stream));
		assertThat(wireMock.requestCount()).isEqualTo(1);
		assertThat(this.sleeper.sleeps()).isEmpty();
	}

	@Test
	void idleTimeoutAfterSomeEvents() throws Exception {
		String[] events = Fixtures.text("chat-text.sse").split("\n\n");
		try (LoopbackServer server = new LoopbackServer((exchange) -> {
			exchange.startChunked(200, "text/event-stream");
			exchange.chunk(events[0] + "\n\n");
			exchange.chunk(events[1] + "\n\n");
			exchange.awaitClientClose(Duration.ofSeconds(10));
		})) {
			MistralStream<JsonNode> stream = http(server.baseUrl(), Duration.ofSeconds(2))
				.stream(TestRequests.chatStream(), JsonNode.class);
			List<JsonNode> received = new ArrayList<>();
			MistralTimeoutException ex = catchThrowableOfType(MistralTimeoutException.class,
					() -> stream.forEach(received::add));
			assertThat(received).hasSize(2);
			assertThat(ex.getTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(ex.isConnectFailure()).isFalse();
			assertThat(ex.getMessage()).contains("silent for longer than PT2S after 2 chunks")
				.contains("mistral.http.stream-idle-timeout");
			LoopbackServer.Exchange exchange = server.exchanges().get(0);
			assertThat(exchange.clientClosed(Duration.ofSeconds(5))).as("client closed the connection").isTrue();
			assertThat(server.exchanges()).hasSize(1);
			OpenApiContract.ifAvailable((contract) -> contract.assertRequestValid("POST", exchange.path(),
					exchange.header("Content-Type"), exchange.bodyText()));
		}
	}

	@Test
	void idleTimeoutBeforeTheAnswer() throws Exception {
		try (LoopbackServer server = new LoopbackServer(
				(exchange) -> exchange.awaitClientClose(Duration.ofSeconds(10)))) {
			MistralTimeoutException ex = catchThrowableOfType(MistralTimeoutException.class,
					() -> http(server.baseUrl(), Duration.ofMillis(300)).stream(TestRequests.chatStream(),
							JsonNode.class));
			assertThat(ex.getMessage()).contains("No answer to POST /v1/chat/completions (chat) within PT0.3S");
			assertThat(server.exchanges()).hasSize(1);
		}
	}

	@Test
	void connectionIsReusedAfterDone() throws Exception {
		String body = Fixtures.text("chat-text.sse");
		try (LoopbackServer server = new LoopbackServer((exchange) -> {
			exchange.startChunked(200, "text/event-stream");
			for (String event : body.split("(?<=\n\n)")) {
				exchange.chunk(event);
			}
			exchange.endChunked();
		})) {
			MistralHttp http = http(server.baseUrl(), Duration.ofSeconds(5));
			for (int i = 0; i < 3; i++) {
				assertThat(readAll(http.stream(TestRequests.chatStream(), JsonNode.class))).hasSize(4);
			}
			assertThat(server.exchanges()).hasSize(3);
			assertThat(server.connections()).isEqualTo(1);
		}
	}

}
