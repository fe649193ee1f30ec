package dev.mistralboot.client.core;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mistralboot.client.core.TransportFaultMatrixTests.Transport;
import dev.mistralboot.client.test.FaultServer;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.RecordingSleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Per-call options ({@link RequestOptions} through {@code withOptions}) override the
 * configuration for the calls of one view, on every transport: headers, attempts,
 * response and idle timeouts, and the metadata listener. The configured timeouts are long
 * and the options' short, so which one applied shows in the exception, never in a
 * measured time.
 */
class RequestOptionsTests {

	static final String CHAT_ANSWER = Fixtures.text("chat-response.json");

	static final Duration CONFIGURED = Duration.ofSeconds(60);

	static final Duration SHORT = Duration.ofMillis(400);

	@ParameterizedTest
	@EnumSource(Transport.class)
	void headersAttemptsAndTheListenerApplyToTheViewOnly(Transport transport) throws Exception {
		try (FaultServer server = new FaultServer((c, attempt) -> {
			if (c.request().header("X-Fail") != null) {
				c.respond(503, "application/json", "{\"message\":\"busy\"}");
			}
			else {
				c.respond(200, "application/json", CHAT_ANSWER, "x-ratelimit-remaining-requests", "41");
			}
		})) {
			Core core = core(transport, server.baseUrl());
			List<ResponseMetadata> seen = new CopyOnWriteArrayList<>();
			RequestOptions options = RequestOptions.builder()
				.header("X-Request-Tag", "tag-7")
				.onResponse(seen::add)
				.build();
			JsonNode answer = core.withOptions(options).execute(TestRequests.chat());
			assertThat(answer.path("id").asString()).isEqualTo("cmpl-e5cc70bb28c444948073e77776eb30ef");
			assertThat(server.requests().get(0).header("X-Request-Tag")).isEqualTo("tag-7");
			assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer test-key");
			assertThat(seen).singleElement().satisfies((metadata) -> {
				assertThat(metadata.statusCode()).isEqualTo(200);
				assertThat(metadata.correlationId()).isEqualTo("fault-1");
				assertThat(metadata.rateLimits().remaining("requests")).isEqualTo(41L);
			});

			// the core itself is unchanged
			core.execute(TestRequests.chat());
			assertThat(server.requests().get(1).header("X-Request-Tag")).isNull();
			assertThat(seen).hasSize(1);

			// the configured policy sends a 503 three times; the view once
			RequestOptions failing = RequestOptions.builder().header("X-Fail", "1").build();
			int before = server.requests().size();
			assertThat(catchThrowableOfType(MistralServerException.class,
					() -> core.withOptions(failing).execute(TestRequests.chat())))
				.isNotNull();
			assertThat(server.requests().size() - before).isEqualTo(3);
			before = server.requests().size();
			assertThat(catchThrowableOfType(MistralServerException.class,
					() -> core.withOptions(failing)
						.withOptions(RequestOptions.builder().maxAttempts(1).build())
						.execute(TestRequests.chat())))
				.isNotNull();
			assertThat(server.requests().size() - before).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void theResponseTimeoutOfTheViewBoundsTheAnswer(Transport transport) throws Exception {
		try (FaultServer server = new FaultServer((c, attempt) -> c.awaitClientClose(Duration.ofSeconds(30)))) {
			Core core = core(transport, server.baseUrl());
			RequestOptions options = RequestOptions.builder().responseTimeout(SHORT).maxAttempts(1).build();
			MistralTimeoutException timeout = catchThrowableOfType(MistralTimeoutException.class,
					() -> core.withOptions(options).execute(TestRequests.chat()));
			assertThat(timeout).isNotNull();
			assertThat(timeout.getTimeout()).isEqualTo(SHORT);
			assertThat(server.requests()).hasSize(1);
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void theIdleTimeoutOfTheViewBoundsAStream(Transport transport) throws Exception {
		try (FaultServer server = new FaultServer((c, attempt) -> {
			c.head(200, "Content-Type", "text/event-stream", "Transfer-Encoding", "chunked");
			c.chunk("data: {\"id\":\"a\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
					+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n");
			c.awaitClientClose(Duration.ofSeconds(30));
		})) {
			Core core = core(transport, server.baseUrl());
			List<ResponseMetadata> seen = new CopyOnWriteArrayList<>();
			RequestOptions options = RequestOptions.builder().streamIdleTimeout(SHORT).onResponse(seen::add).build();
			MistralTimeoutException timeout = catchThrowableOfType(MistralTimeoutException.class,
					() -> core.withOptions(options).stream(TestRequests.chatStream()));
			assertThat(timeout).isNotNull();
			assertThat(timeout.getTimeout()).isEqualTo(SHORT);
			assertThat(seen).singleElement().extracting(ResponseMetadata::statusCode).isEqualTo(200);
		}
	}

	@Test
	void theListenerSeesADownloadsMetadata() throws Exception {
		try (FaultServer server = new FaultServer(
				(c, attempt) -> c.respond(200, "application/octet-stream", "0123456789"))) {
			MistralHttp http = MistralHttp.builder()
				.baseUrl(server.baseUrl())
				.apiKey("test-key")
				.httpClient(TransportFaultMatrixTests.JDK)
				.build();
			List<ResponseMetadata> seen = new CopyOnWriteArrayList<>();
			try (MistralDownload download = http.withOptions(RequestOptions.builder().onResponse(seen::add).build())
				.download(
						ApiRequest.get("/v1/files/{file_id}/content", "file-1").operation("files.download").build())) {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				download.transferTo(out);
				assertThat(out.toString()).isEqualTo("0123456789");
			}
			assertThat(seen).singleElement().extracting(ResponseMetadata::statusCode).isEqualTo(200);
		}
	}

	@Test
	void optionsCombineAndKeepHeaderValuesOutOfToString() {
		RequestOptions first = RequestOptions.builder()
			.responseTimeout(Duration.ofSeconds(5))
			.header("X-Secret-Token", "s3cr3t")
			.build();
		RequestOptions second = RequestOptions.builder().maxAttempts(2).responseTimeout(Duration.ofSeconds(9)).build();
		RequestOptions both = first.and(second);
		assertThat(both.responseTimeout()).isEqualTo(Duration.ofSeconds(9));
		assertThat(both.maxAttempts()).isEqualTo(2);
		assertThat(both.headers().getFirst("X-Secret-Token")).isEqualTo("s3cr3t");
		assertThat(both.toString()).contains("X-Secret-Token").doesNotContain("s3cr3t");
		assertThat(RequestOptions.NONE.and(first)).isSameAs(first);
		assertThat(first.and(RequestOptions.NONE)).isSameAs(first);
		MistralHttp http = MistralHttp.builder().apiKey("test-key").build();
		assertThat(http.withOptions(RequestOptions.NONE)).isSameAs(http);
		assertThat(http.withOptions(first).options().headers().getFirst("X-Secret-Token")).isEqualTo("s3cr3t");
	}

	@Test
	void badOptionsSayWhatToFix() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().maxAttempts(0))
			.withMessageContaining("at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().responseTimeout(Duration.ZERO))
			.withMessageContaining("responseTimeout must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header("X-A", "a\r\nb"))
			.withMessageContaining("line break");
	}

	private static Core core(Transport transport, String baseUrl) {
		if (transport.reactive()) {
			ReactiveMistralHttp http = ReactiveMistralHttp.builder()
				.baseUrl(baseUrl)
				.apiKey("test-key")
				.connector(new ReactorClientHttpConnector(TransportFaultMatrixTests.NETTY))
				.responseTimeout(CONFIGURED)
				.streamIdleTimeout(CONFIGURED)
				.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1)))
				.build();
			return new ReactiveCore(http);
		}
		MistralHttp.Builder builder = MistralHttp.builder()
			.baseUrl(baseUrl)
			.apiKey("test-key")
			.responseTimeout(CONFIGURED)
			.streamIdleTimeout(CONFIGURED)
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1)))
			.sleeper(new RecordingSleeper());
		switch (transport) {
			case OWN_JDK -> builder.httpClient(TransportFaultMatrixTests.JDK);
			case SPRING_JDK -> builder.requestFactory(new JdkClientHttpRequestFactory(TransportFaultMatrixTests.JDK))
				.streamingRequestFactory(new JdkClientHttpRequestFactory(TransportFaultMatrixTests.JDK));
			default -> builder.requestFactory(TransportFaultMatrixTests.NETTY_FACTORY)
				.streamingRequestFactory(TransportFaultMatrixTests.NETTY_FACTORY);
		}
		return new BlockingCore(builder.build());
	}

	/** The blocking and the reactive core behind one face, for the tests above. */
	interface Core {

		Core withOptions(RequestOptions options);

		JsonNode execute(ApiRequest request);

		/** Reads the whole stream. */
		List<JsonNode> stream(ApiRequest request);

	}

	record BlockingCore(MistralHttp http) implements Core {

		@Override
		public Core withOptions(RequestOptions options) {
			return new BlockingCore(this.http.withOptions(options));
		}

		@Override
		public JsonNode execute(ApiRequest request) {
			return this.http.execute(request, JsonNode.class).body();
		}

		@Override
		public List<JsonNode> stream(ApiRequest request) {
			try (MistralStream<JsonNode> stream = this.http.stream(request, JsonNode.class)) {
				return stream.stream().toList();
			}
		}

	}

	record ReactiveCore(ReactiveMistralHttp http) implements Core {

		@Override
		public Core withOptions(RequestOptions options) {
			return new ReactiveCore(this.http.withOptions(options));
		}

		@Override
		public JsonNode execute(ApiRequest request) {
			return this.http.execute(request, JsonNode.class).block(Duration.ofSeconds(30)).body();
		}

		@Override
		public List<JsonNode> stream(ApiRequest request) {
			return this.http.stream(request, JsonNode.class).collectList().block(Duration.ofSeconds(30));
		}

	}

}
