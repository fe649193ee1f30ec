package dev.mistralboot.client.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.client.test.RecordingSleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.util.LinkedMultiValueMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Retry counts, backoff and {@code Retry-After}, seen from WireMock and a recording
 * sleeper.
 */
class MistralHttpRetryTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	private final List<Integer> retriedAttempts = new ArrayList<>();

	private MistralHttp http(int maxAttempts) {
		return http(
				new RetryPolicy(maxAttempts, Duration.ofMillis(200), Duration.ofMillis(700), Duration.ofSeconds(10)));
	}

	private MistralHttp http(RetryPolicy policy) {
		return MistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey("test-key")
			.retryPolicy(policy)
			.sleeper(this.sleeper)
			.listener(new MistralHttp.Listener() {
				@Override
				public void onRetry(ApiRequest request, RuntimeException failure, int attempt, Duration delay) {
					MistralHttpRetryTests.this.retriedAttempts.add(attempt);
				}
			})
			.build();
	}

	static ResponseDefinitionBuilder ok() {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(Fixtures.text("chat-response.json"));
	}

	static ResponseDefinitionBuilder status(int status) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"object\":\"error\",\"message\":\"failure " + status
					+ "\",\"type\":\"server_error\",\"param\":null,\"code\":\"3000\"}");
	}

	/** Answers the given responses in order, then repeats the last. */
	static void answers(ResponseDefinitionBuilder... responses) {
		wireMock.postAnswersInTurn(TestRequests.CHAT, responses);
	}

	@ParameterizedTest
	@ValueSource(ints = { 429, 500, 502, 503, 504 })
	void retryableStatusesAreRetriedUntilSuccess(int status) {
		answers(status(status), status(status), ok());
		MistralResponse<JsonNode> response = http(3).execute(TestRequests.chat(), JsonNode.class);
		assertThat(response.metadata().attempts()).isEqualTo(3);
		assertThat(wireMock.requestCount()).isEqualTo(3);
		assertThat(this.sleeper.sleeps()).hasSize(2);
		assertThat(this.retriedAttempts).containsExactly(1, 2);
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 402, 403, 404, 422 })
	void clientErrorsAreNotRetried(int status) {
		answers(status(status), ok());
		MistralApiException ex = catchThrowableOfType(MistralApiException.class,
				() -> http(5).execute(TestRequests.chat(), JsonNode.class));
		assertThat(ex.getStatusCode()).isEqualTo(status);
		assertThat(wireMock.requestCount()).isEqualTo(1);
		assertThat(this.sleeper.sleeps()).isEmpty();
		assertThat(ex.getMessage()).doesNotContain("Attempts made");
	}

	@Test
	void givesUpAfterMaxAttemptsAndSaysSo() {
		answers(status(503));
		MistralServerException ex = catchThrowableOfType(MistralServerException.class,
				() -> http(4).execute(TestRequests.chat(), JsonNode.class));
		assertThat(wireMock.requestCount()).isEqualTo(4);
		assertThat(this.sleeper.sleeps()).hasSize(3);
		assertThat(ex.getMessage()).contains("failure 503").contains("Attempts made: 4.");
	}

	@Test
	void backoffIsExponentialWithJitterAndCapped() {
		answers(status(500));
		catchThrowableOfType(MistralServerException.class, () -> http(6).execute(TestRequests.chat(), JsonNode.class));
		List<Duration> sleeps = this.sleeper.sleeps();
		assertThat(sleeps).hasSize(5);
		// 200 ms doubled per retry, capped at 700 ms; jitter keeps each between half and
		// all of it
		long[] ceilings = { 200, 400, 700, 700, 700 };
		for (int i = 0; i < sleeps.size(); i++) {
			assertThat(sleeps.get(i).toMillis()).as("retry %d", i + 1).isBetween(ceilings[i] / 2, ceilings[i]);
		}
	}

	@Test
	void retryAfterInSecondsIsHonoured() {
		answers(status(429).withHeader("Retry-After", "3"), ok());
		MistralResponse<JsonNode> response = http(3).execute(TestRequests.chat(), JsonNode.class);
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(this.sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
	}

	@Test
	void retryAfterAsHttpDateIsHonoured() {
		// five minutes ahead (the recording sleeper does not wait): the date has whole
		// seconds, and the time between writing it and reading it is the machine's, so
		// only a generous range is asserted
		String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(5));
		answers(status(503).withHeader("Retry-After", at), ok());
		http(new RetryPolicy(3, Duration.ofMillis(200), Duration.ofMillis(700), Duration.ofMinutes(10)))
			.execute(TestRequests.chat(), JsonNode.class);
		assertThat(this.sleeper.sleeps()).singleElement()
			.satisfies((wait) -> assertThat(wait).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5)));
	}

	@Test
	void retryAfterAboveTheCapIsThrownAtOnce() {
		answers(status(429).withHeader("Retry-After", "120"), ok());
		MistralRateLimitException ex = catchThrowableOfType(MistralRateLimitException.class,
				() -> http(3).execute(TestRequests.chat(), JsonNode.class));
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(120));
		assertThat(wireMock.requestCount()).isEqualTo(1);
		assertThat(this.sleeper.sleeps()).isEmpty();
		assertThat(ex.getMessage()).contains("(Retry-After: 120)").contains("mistral.retry.max-retry-after");
	}

	@Test
	void connectionRefusedIsRetriedAsAConnectFailure() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		MistralHttp http = MistralHttp.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1)))
			.sleeper(this.sleeper)
			.build();
		MistralIoException ex = catchThrowableOfType(MistralIoException.class,
				() -> http.execute(TestRequests.chat(), JsonNode.class));
		assertThat(ex).isNotInstanceOf(MistralTimeoutException.class);
		assertThat(ex.isConnectFailure()).isTrue();
		assertThat(ex.getMessage()).startsWith("Could not connect to http://127.0.0.1:" + port)
			.contains("Check mistral.base-url");
		assertThat(this.sleeper.sleeps()).hasSize(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE" })
	void connectionDroppedBeforeAnyAnswerIsRetried(String fault) {
		answers(aResponse().withFault(Fault.valueOf(fault)), ok());
		MistralResponse<JsonNode> response = http(3).execute(TestRequests.chat(), JsonNode.class);
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(wireMock.requestCount()).isEqualTo(2);
		assertThat(this.sleeper.sleeps()).hasSize(1);
	}

	@Test
	void connectionDroppedEveryTimeGivesAnIoException() {
		answers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		MistralIoException ex = catchThrowableOfType(MistralIoException.class,
				() -> http(2).execute(TestRequests.chat(), JsonNode.class));
		assertThat(wireMock.requestCount()).isEqualTo(2);
		assertThat(ex.getMessage()).contains("POST " + wireMock.baseUrl() + "/v1/chat/completions");
	}

	@Test
	void garbageAfterTheStatusIsNotRetried() {
		answers(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), ok());
		catchThrowableOfType(RuntimeException.class, () -> http(3).execute(TestRequests.chat(), JsonNode.class));
		assertThat(wireMock.requestCount()).isEqualTo(1);
	}

	@Test
	void bodiesThatCannotBeSentAgainAreNotRetried() {
		answers(status(503), ok());
		LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("purpose", "batch");
		ApiRequest request = ApiRequest.post(TestRequests.CHAT).operation("chat").multipart(parts, false).build();
		wireMock.skipContractCheck(); // a multipart body on the chat path is not an API
										// request
		catchThrowableOfType(MistralServerException.class, () -> http(3).execute(request, JsonNode.class));
		assertThat(wireMock.requestCount()).isEqualTo(1);
	}

}
