package dev.mistralboot.client.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.LoopbackServer;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The reactive core over Reactor Netty: errors, retries, timeouts, streams and
 * cancellation.
 */
class ReactiveMistralHttpTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final List<Duration> delays = new CopyOnWriteArrayList<>();

	private ReactiveMistralHttp http() {
		return http(wireMock.baseUrl(), Duration.ofSeconds(10));
	}

	private ReactiveMistralHttp http(String baseUrl, Duration timeouts) {
		return ReactiveMistralHttp.builder()
			.baseUrl(baseUrl)
			.apiKey("reactive-key")
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(60), Duration.ofSeconds(2)))
			.responseTimeout(timeouts)
			.streamIdleTimeout(timeouts)
			.listener(new MistralHttp.Listener() {
				@Override
				public void onRetry(ApiRequest request, RuntimeException failure, int attempt, Duration delay) {
					ReactiveMistralHttpTests.this.delays.add(delay);
				}
			})
			.build();
	}

	private static void answers(ResponseDefinitionBuilder... responses) {
		wireMock.postAnswersInTurn(TestRequests.CHAT, responses);
	}

	private static ResponseDefinitionBuilder ok() {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("mistral-correlation-id", "corr-reactive")
			.withBody(Fixtures.text("chat-response.json"));
	}

	private static ResponseDefinitionBuilder sse(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
	}

	@Test
	void executeParsesTheAnswer() {
		answers(ok());
		MistralResponse<JsonNode> response = http().execute(TestRequests.chat(), JsonNode.class).block();
		assertThat(response.body().at("/choices/0/message/content").asString()).isEqualTo("Comté is the best.");
		assertThat(response.metadata().correlationId()).isEqualTo("corr-reactive");
		assertThat(response.metadata().attempts()).isEqualTo(1);
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo(TestRequests.CHAT))
				.withHeader("Authorization", equalTo("Bearer reactive-key"))
				.withHeader("Accept", equalTo("application/json")));
	}

	@Test
	void errorsAreTyped() {
		answers(aResponse().withStatus(422)
			.withHeader("Content-Type", "application/json")
			.withHeader("mistral-correlation-id", "corr-422")
			.withBody(
					"{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"messages\",0,\"content\"],\"msg\":\"Field required\",\"input\":{}}]}"));
		MistralUnprocessableEntityException ex = catchThrowableOfType(MistralUnprocessableEntityException.class,
				() -> http().execute(TestRequests.chat(), JsonNode.class).block());
		assertThat(ex.getMessage()).contains("messages[0].content: Field required");
		assertThat(ex.getCorrelationId()).isEqualTo("corr-422");
		assertThat(wireMock.requestCount()).isEqualTo(1);
		assertThat(this.delays).isEmpty();
	}

	@Test
	void unreadableAnswerKeepsItsRawBody() {
		answers(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\": "));
		MistralInvalidResponseException ex = catchThrowableOfType(MistralInvalidResponseException.class,
				() -> http().execute(TestRequests.chat(), JsonNode.class).block());
		assertThat(ex.getRawBody()).isEqualTo("{\"id\": ");
	}

	@Test
	void retryableStatusesAreRetriedWithBackoff() {
		answers(MistralHttpRetryTests.status(503), MistralHttpRetryTests.status(429), ok());
		MistralResponse<JsonNode> response = http().execute(TestRequests.chat(), JsonNode.class).block();
		assertThat(response.metadata().attempts()).isEqualTo(3);
		assertThat(wireMock.requestCount()).isEqualTo(3);
		assertThat(this.delays).hasSize(2);
		assertThat(this.delays.get(0).toMillis()).isBetween(10L, 20L);
		assertThat(this.delays.get(1).toMillis()).isBetween(20L, 40L);
	}

	@Test
	void givesUpAfterMaxAttempts() {
		answers(MistralHttpRetryTests.status(500));
		MistralServerException ex = catchThrowableOfType(MistralServerException.class,
				() -> http().execute(TestRequests.chat(), JsonNode.class).block());
		assertThat(wireMock.requestCount()).isEqualTo(3);
		assertThat(ex.getMessage()).contains("Attempts made: 3.");
	}

	@Test
	void badRequestIsNotRetried() {
		answers(MistralHttpRetryTests.status(400), ok());
		catchThrowableOfType(MistralBadRequestException.class,
				() -> http().execute(TestRequests.chat(), JsonNode.class).block());
		assertThat(wireMock.requestCount()).isEqualTo(1);
	}

	@Test
	void retryAfterIsHonoured() {
		answers(MistralHttpRetryTests.status(429).withHeader("Retry-After", "1"), ok());
		MistralResponse<JsonNode> response = http().execute(TestRequests.chat(), JsonNode.class).block();
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(this.delays).as("the wait before the retry is the server's Retry-After")
			.containsExactly(Duration.ofSeconds(1));
	}

	@Test
	void retryAfterAboveTheCapIsThrownAtOnce() {
		answers(MistralHttpRetryTests.status(429).withHeader("Retry-After", "30"), ok());
		MistralRateLimitException ex = catchThrowableOfType(MistralRateLimitException.class,
				() -> http().execute(TestRequests.chat(), JsonNode.class).block());
		assertThat(ex.getRetryAfter()).hasSeconds(30);
		assertThat(wireMock.requestCount()).isEqualTo(1);
		assertThat(this.delays).isEmpty();
	}

	@Test
	void connectionRefusedIsRetried() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		MistralIoException ex = catchThrowableOfType(MistralIoException.class,
				() -> http("http://127.0.0.1:" + port, Duration.ofSeconds(5))
					.execute(TestRequests.chat(), JsonNode.class)
					.block());
		assertThat(ex.isConnectFailure()).isTrue();
		assertThat(ex.getMessage()).startsWith("Could not connect to http://127.0.0.1:" + port);
		assertThat(this.delays).hasSize(2);
	}

	@Test
	void connectionClosedBeforeAnyAnswerIsRetried() {
		answers(aResponse().withFault(Fault.EMPTY_RESPONSE), ok());
		MistralResponse<JsonNode> response = http().execute(TestRequests.chat(), JsonNode.class).block();
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(wireMock.requestCount()).isEqualTo(2);
	}

	@Test
	void responseTimeout() {
		wireMock.server().stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(ok().withFixedDelay(5000)));
		MistralTimeoutException ex = catchThrowableOfType(MistralTimeoutException.class,
				() -> http(wireMock.baseUrl(), Duration.ofMillis(300)).execute(TestRequests.chat(), JsonNode.class)
					.block());
		assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(300));
		assertThat(ex.getMessage()).contains("mistral.http.response-timeout");
		assertThat(this.delays).isEmpty();
	}

	@Test
	void streamsEveryChunk() {
		answers(sse(Fixtures.text("chat-text.sse")));
		StepVerifier
			.create(http().stream(TestRequests.chatStream(), JsonNode.class)
				.map((chunk) -> chunk.at("/choices/0/delta/content").asString()))
			.expectNext("", "Comté", " is the", " best.")
			.verifyComplete();
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo(TestRequests.CHAT)).withHeader("Accept",
					equalTo("text/event-stream")));
	}

	@Test
	void streamWithCrlf() {
		answers(sse(Fixtures.crlf(Fixtures.text("chat-thinking.sse"))));
		StepVerifier.create(http().stream(TestRequests.chatStream(), JsonNode.class))
			.expectNextCount(6)
			.verifyComplete();
	}

	@Test
	void cutStreamIsAnError() {
		answers(sse(Fixtures.text("chat-cut.sse")));
		StepVerifier.create(http().stream(TestRequests.chatStream(), JsonNode.class))
			.expectNextCount(2)
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(MistralStreamException.class).hasMessageContaining("without [DONE]");
				assertThat(((MistralStreamException) ex).getChunksDelivered()).isEqualTo(2);
			})
			.verify(Duration.ofSeconds(30));
		assertThat(wireMock.requestCount()).isEqualTo(1);
	}

	@Test
	void cutInsideAnEventIsACut() {
		answers(sse(Fixtures.text("chat-cut.sse") + "data: {\"id\":\"e5cc70bb\",\"obj"));
		StepVerifier.create(http().stream(TestRequests.chatStream(), JsonNode.class))
			.expectNextCount(2)
			.expectError(MistralStreamException.class)
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void errorEventMidStreamComesAfterTheChunksBeforeIt() {
		answers(sse(Fixtures.text("chat-error-mid-stream.sse")));
		StepVerifier.create(http().stream(TestRequests.chatStream(), JsonNode.class))
			.expectNextCount(2)
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(MistralStreamException.class);
				assertThat(((MistralStreamException) ex).getError().code()).isEqualTo("3505");
			})
			.verify(Duration.ofSeconds(30));
		assertThat(wireMock.requestCount()).isEqualTo(1);
	}

	@Test
	void streamFailingBeforeTheFirstChunkIsRetried() {
		answers(sse(""), MistralHttpRetryTests.status(502), sse(Fixtures.text("chat-text.sse")));
		StepVerifier.create(http().stream(TestRequests.chatStream(), JsonNode.class))
			.expectNextCount(4)
			.verifyComplete();
		assertThat(wireMock.requestCount()).isEqualTo(3);
		assertThat(this.delays).hasSize(2);
	}

	@Test
	void streamFailingAfterTheFirstChunkIsNotRetried() {
		answers(sse(Fixtures.text("chat-cut.sse")), sse(Fixtures.text("chat-text.sse")));
		StepVerifier.create(http().stream(TestRequests.chatStream(), JsonNode.class))
			.expectNextCount(2)
			.expectError(MistralStreamException.class)
			.verify(Duration.ofSeconds(30));
		assertThat(wireMock.requestCount()).isEqualTo(1);
		assertThat(this.delays).isEmpty();
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
			StepVerifier
				.create(http(server.baseUrl(), Duration.ofSeconds(2)).stream(TestRequests.chatStream(), JsonNode.class))
				.expectNextCount(2)
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralTimeoutException.class)
					.hasMessageContaining("mistral.http.stream-idle-timeout"))
				.verify(Duration.ofSeconds(30));
			assertThat(server.exchanges()).hasSize(1);
			assertThat(server.exchanges().get(0).clientClosed(Duration.ofSeconds(5))).isTrue();
		}
	}

	@Test
	void cancellingTheFluxClosesTheConnection() throws Exception {
		String[] events = Fixtures.text("chat-text.sse").split("\n\n");
		try (LoopbackServer server = new LoopbackServer((exchange) -> {
			exchange.startChunked(200, "text/event-stream");
			exchange.chunk(events[0] + "\n\n");
			// then a slow stream: one event every 50 ms, until the client goes away
			for (int i = 0; i < 200; i++) {
				if (exchange.awaitClientClose(Duration.ofMillis(50))) {
					return;
				}
				exchange.chunk(events[1] + "\n\n");
			}
		})) {
			List<JsonNode> received = new CopyOnWriteArrayList<>();
			Disposable subscription = http(server.baseUrl(), Duration.ofSeconds(5))
				.stream(TestRequests.chatStream(), JsonNode.class)
				.subscribe(received::add);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (received.size() < 3 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(received).hasSizeGreaterThanOrEqualTo(3);
			subscription.dispose();
			LoopbackServer.Exchange exchange = server.exchanges().get(0);
			assertThat(exchange.clientClosed(Duration.ofSeconds(5))).as("the client closed the connection").isTrue();
			assertThat(exchange.awaitFinished(Duration.ofSeconds(5))).isTrue();
			OpenApiContract.ifAvailable((contract) -> contract.assertRequestValid("POST", exchange.path(),
					exchange.header("Content-Type"), exchange.bodyText()));
		}
	}

}
