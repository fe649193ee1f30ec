package dev.mistralboot.client.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.LoopbackServer;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The core's own JDK request factory (used when {@link MistralHttp} builds its HTTP
 * client): calls on the caller's thread, connections reused, answers decoded and bounded
 * by the response timeout, and answers parsed as they arrive.
 */
class JdkRequestFactoryTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private static MistralHttp http(String baseUrl) {
		return MistralHttp.builder().baseUrl(baseUrl).apiKey("test-key").build();
	}

	@Test
	void callsAndStreamsShareOneConnectionAndStartNoThreadPerCall() throws Exception {
		String answer = Fixtures.text("chat-response.json");
		String events = Fixtures.text("chat-text.sse");
		try (LoopbackServer server = new LoopbackServer((exchange) -> {
			if (exchange.bodyText().contains("\"stream\":true")) {
				exchange.startChunked(200, "text/event-stream");
				for (String event : events.split("(?<=\n\n)")) {
					exchange.chunk(event);
				}
			}
			else {
				exchange.startChunked(200, "application/json");
				exchange.chunk(answer);
			}
			exchange.endChunked();
		})) {
			MistralHttp http = http(server.baseUrl());
			callAndStream(http);
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long started = threads.getTotalStartedThreadCount();
			for (int i = 0; i < 10; i++) {
				callAndStream(http);
			}
			assertThat(threads.getTotalStartedThreadCount() - started)
				.as("threads started for 20 calls (Spring's JDK factory starts one or two per call)")
				.isLessThan(5);
			assertThat(server.connections()).isEqualTo(1);
			assertThat(server.exchanges()).hasSize(22);
			for (LoopbackServer.Exchange exchange : server.exchanges()) {
				assertThat(exchange.header("Authorization")).isEqualTo("Bearer test-key");
				assertThat(exchange.header("Content-Type")).isEqualTo("application/json");
				assertThat(exchange.header("Content-Length")).isEqualTo(String.valueOf(exchange.body().length));
				OpenApiContract.get()
					.assertRequestValid("POST", exchange.path(), exchange.header("Content-Type"), exchange.bodyText());
			}
		}
	}

	private static void callAndStream(MistralHttp http) {
		JsonNode body = http.execute(TestRequests.chat(), JsonNode.class).body();
		assertThat(body.path("choices").path(0).path("message").path("content").asString())
			.isEqualTo("Comté is the best.");
		int chunks = 0;
		try (MistralStream<JsonNode> stream = http.stream(TestRequests.chatStream(), JsonNode.class)) {
			for (JsonNode chunk : stream) {
				chunks++;
			}
		}
		assertThat(chunks).isEqualTo(4);
	}

	@Test
	void gzipAnswerIsDecoded() throws IOException {
		String answer = Fixtures.text("chat-response.json");
		wireMock.server()
			.stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("Content-Encoding", "gzip")
				.withBody(gzip(answer))));
		MistralResponse<JsonNode> response = http(wireMock.baseUrl()).execute(TestRequests.chat(), JsonNode.class);
		assertThat(response.body().path("id").asString()).isEqualTo("cmpl-e5cc70bb28c444948073e77776eb30ef");
		assertThat(response.metadata().headers().containsHeader("Content-Encoding")).isFalse();
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo(TestRequests.CHAT))
				.withHeader("Accept-Encoding", containing("gzip"))
				.withHeader("Authorization", equalTo("Bearer test-key")));
	}

	@Test
	void answerStalledAfterItsHeadersEndsAtTheResponseTimeout() throws Exception {
		try (LoopbackServer server = new LoopbackServer((exchange) -> {
			exchange.startChunked(200, "application/json");
			exchange.chunk("{\"id\":\"cmpl-1\",");
			exchange.awaitClientClose(Duration.ofSeconds(10));
		})) {
			MistralHttp http = MistralHttp.builder()
				.baseUrl(server.baseUrl())
				.responseTimeout(Duration.ofSeconds(2))
				.retryPolicy(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO))
				.build();
			MistralTimeoutException ex = catchThrowableOfType(MistralTimeoutException.class,
					() -> http.execute(TestRequests.chat(), JsonNode.class));
			assertThat(ex.getTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(ex.getMessage()).isEqualTo("No complete answer to POST " + server.baseUrl()
					+ "/v1/chat/completions within PT2S. Raise mistral.http.response-timeout for slow generations.");
			LoopbackServer.Exchange exchange = server.exchanges().get(0);
			assertThat(exchange.clientClosed(Duration.ofSeconds(5))).as("client closed the connection").isTrue();
			OpenApiContract.get()
				.assertRequestValid("POST", exchange.path(), exchange.header("Content-Type"), exchange.bodyText());
		}
	}

	@Test
	void largeUnreadableAnswerShowsItsFirst10000Bytes() {
		StringBuilder text = new StringBuilder("{\"id\":\"cmpl-1\",\"values\":[");
		while (text.length() < 30_000) {
			text.append("0.0123,");
		}
		String body = text.append("oops]}").toString();
		wireMock.server()
			.stubFor(post(urlPathEqualTo(TestRequests.CHAT))
				.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
		MistralInvalidResponseException ex = catchThrowableOfType(MistralInvalidResponseException.class,
				() -> http(wireMock.baseUrl()).execute(TestRequests.chat(), JsonNode.class));
		assertThat(ex.getRawBody()).isEqualTo(body.substring(0, 10_000));
		assertThat(ex.getMessage()).contains("could not be read as JsonNode");
	}

	@Test
	void answerUnreadableFromItsFirstByteShowsItsFirst10000Bytes() {
		String body = "<html><body>" + "Bad gateway. ".repeat(2000) + "</body></html>";
		wireMock.server()
			.stubFor(post(urlPathEqualTo(TestRequests.CHAT))
				.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(body)));
		MistralInvalidResponseException ex = catchThrowableOfType(MistralInvalidResponseException.class,
				() -> http(wireMock.baseUrl()).execute(TestRequests.chat(), JsonNode.class));
		assertThat(ex.getRawBody()).isEqualTo(body.substring(0, 10_000));
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
