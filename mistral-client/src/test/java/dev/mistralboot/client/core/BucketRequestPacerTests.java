package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Client-side pacing with {@link BucketRequestPacer}, blocking and reactive, against
 * WireMock on loopback. Outcomes are asserted through refusals with a zero longest wait,
 * not through measured times.
 */
class BucketRequestPacerTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private MistralHttp http(RequestPacer pacer) {
		return MistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey("test-key")
			.retryPolicy(RetryPolicy.NONE)
			.requestPacer(pacer)
			.build();
	}

	private void answer(String... headers) {
		var response = aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(Fixtures.text("chat-response.json"));
		for (int i = 0; i < headers.length; i += 2) {
			response = response.withHeader(headers[i], headers[i + 1]);
		}
		wireMock.server().stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(response));
	}

	@Test
	void refusesACallWhenNoPermitIsFreeWithinTheLongestWaitAndDoesNotSendIt() {
		answer();
		BucketRequestPacer pacer = BucketRequestPacer.builder().requestsPerMinute(2L).maxWait(Duration.ZERO).build();
		MistralHttp http = http(pacer);
		http.execute(TestRequests.chat(), JsonNode.class);
		http.execute(TestRequests.chat(), JsonNode.class);
		assertThatExceptionOfType(MistralRateLimitWaitException.class)
			.isThrownBy(() -> http.execute(TestRequests.chat(), JsonNode.class))
			.satisfies((ex) -> assertThat(ex.getBudget()).isEqualTo("requests"))
			.withMessageContaining("mistral.rate-limit.max-wait")
			.withMessageContaining("mistral.rate-limit.requests-per-minute")
			.withMessageContaining("not sent")
			.withMessageNotContaining("test-key");
		assertThat(wireMock.requestCount()).isEqualTo(2);
		assertThat(pacer.granted()).isEqualTo(2);
		assertThat(pacer.denied()).isEqualTo(1);
	}

	@Test
	void waitsForAPermitInsteadOfSendingAndTheWaitShowsInTheObservation() {
		answer();
		TestObservationRegistry registry = TestObservationRegistry.create();
		List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {

			@Override
			public void onEvent(io.micrometer.observation.Observation.Event event,
					io.micrometer.observation.Observation.Context context) {
				events.add(event.getName());
			}

			@Override
			public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
				return true;
			}

		});
		// 30 requests per minute counted per 2 s: one at once, then one every 2 s, so the
		// second call waits for the refill (up to 2 s)
		BucketRequestPacer pacer = BucketRequestPacer.builder()
			.requestsPerMinute(30L)
			.period(Duration.ofSeconds(2))
			.maxWait(Duration.ofSeconds(20))
			.build();
		MistralHttp http = MistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.retryPolicy(RetryPolicy.NONE)
			.requestPacer(pacer)
			.observationRegistry(registry)
			.build();
		http.execute(TestRequests.chat(), JsonNode.class);
		http.execute(TestRequests.chat(), JsonNode.class);
		assertThat(pacer.granted()).isEqualTo(2);
		assertThat(pacer.totalWaitNanos()).isPositive();
		assertThat(wireMock.requestCount()).isEqualTo(2);
		assertThat(registry).hasNumberOfObservationsEqualTo(2);
		assertThat(registry).hasAnObservation((observation) -> observation
			.hasHighCardinalityKeyValueWithKey(MistralObservations.RATE_LIMIT_WAIT_KEY));
		assertThat(events).containsExactly("rate_limit_wait");
	}

	@Test
	void a429WithRetryAfterPausesTheWholeBucketForEveryCallerSharingIt() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(aResponse().withStatus(429)
				.withHeader("Content-Type", "application/json")
				.withHeader("Retry-After", "30")
				.withBody("{\"message\":\"Requests rate limit exceeded\"}")));
		BucketRequestPacer pacer = BucketRequestPacer.builder().requestsPerMinute(100L).maxWait(Duration.ZERO).build();
		MistralHttp first = http(pacer);
		MistralHttp second = http(pacer);
		assertThatExceptionOfType(MistralRateLimitException.class)
			.isThrownBy(() -> first.execute(TestRequests.chat(), JsonNode.class));
		// 99 permits are left, but the server asked for 30 s of rest: the other caller
		// is not sent
		assertThatExceptionOfType(MistralRateLimitWaitException.class)
			.isThrownBy(() -> second.execute(TestRequests.chat(), JsonNode.class));
		assertThat(wireMock.requestCount()).isEqualTo(1);
	}

	@Test
	void a429WithRetryAfterPausesCallersEvenBeforeAnyLimitIsKnown() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(aResponse().withStatus(429)
				.withHeader("Content-Type", "application/json")
				.withHeader("Retry-After", "30")
				.withBody("{\"message\":\"Requests rate limit exceeded\"}")));
		BucketRequestPacer pacer = BucketRequestPacer.builder().maxWait(Duration.ofSeconds(1)).build();
		MistralHttp http = http(pacer);
		assertThatExceptionOfType(MistralRateLimitException.class)
			.isThrownBy(() -> http.execute(TestRequests.chat(), JsonNode.class));
		assertThatExceptionOfType(MistralRateLimitWaitException.class)
			.isThrownBy(() -> http.execute(TestRequests.chat(), JsonNode.class))
			.withMessageContaining("the server asked to pause");
		assertThat(wireMock.requestCount()).isEqualTo(1);
	}

	@Test
	void learnsTheLimitsAndTheRemainingBudgetFromTheHeaders() {
		answer("x-ratelimit-limit-req-minute", "5", "x-ratelimit-remaining-req-minute", "0",
				"x-ratelimit-limit-tokens-minute", "50000", "x-ratelimit-remaining-tokens-minute", "49000");
		BucketRequestPacer pacer = BucketRequestPacer.builder().maxWait(Duration.ZERO).build();
		MistralHttp http = http(pacer);
		assertThat(pacer.limit(BucketRequestPacer.REQUESTS)).isNull();
		http.execute(TestRequests.chat(), JsonNode.class);
		assertThat(pacer.limit(BucketRequestPacer.REQUESTS)).isEqualTo(5);
		assertThat(pacer.limit(BucketRequestPacer.TOKENS)).isEqualTo(50000);
		assertThat(pacer.remaining(BucketRequestPacer.REQUESTS)).isZero();
		assertThat(pacer.remaining(BucketRequestPacer.TOKENS)).isEqualTo(49000);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		new BucketRequestPacerMetrics(pacer).bindTo(meters);
		assertThat(meters.get(BucketRequestPacerMetrics.BUDGET_REMAINING)
			.tag("budget", BucketRequestPacer.TOKENS)
			.gauge()
			.value()).isEqualTo(49000);
		assertThat(meters.get(BucketRequestPacerMetrics.BUDGET_LIMIT)
			.tag("budget", BucketRequestPacer.REQUESTS)
			.gauge()
			.value()).isEqualTo(5);
		// the server said no request is left: the next call waits rather than getting a
		// 429
		assertThatExceptionOfType(MistralRateLimitWaitException.class)
			.isThrownBy(() -> http.execute(TestRequests.chat(), JsonNode.class));
		assertThat(wireMock.requestCount()).isEqualTo(1);
	}

	@Test
	void aLimitLearntFromTheHeadersIsCountedInTheConfiguredPeriod() {
		answer("x-ratelimit-limit-req-minute", "6", "x-ratelimit-remaining-req-minute", "6");
		// 6 per minute counted per 50 s: at most 5 at once, then one every 10 s
		BucketRequestPacer pacer = BucketRequestPacer.builder()
			.period(Duration.ofSeconds(50))
			.maxWait(Duration.ZERO)
			.build();
		MistralHttp http = http(pacer);
		http.execute(TestRequests.chat(), JsonNode.class);
		assertThat(pacer.limit(BucketRequestPacer.REQUESTS)).isEqualTo(6);
		for (int i = 0; i < 5; i++) {
			http.execute(TestRequests.chat(), JsonNode.class);
		}
		assertThatExceptionOfType(MistralRateLimitWaitException.class)
			.isThrownBy(() -> http.execute(TestRequests.chat(), JsonNode.class))
			.withMessageContaining("6 per minute, at most 5 per PT50S");
		assertThat(wireMock.requestCount()).isEqualTo(6);
	}

	@Test
	void rejectsAPeriodThatIsNotPositiveOrLongerThanAMinute() {
		for (Duration period : new Duration[] { Duration.ZERO, Duration.ofSeconds(-1), Duration.ofSeconds(61) }) {
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> BucketRequestPacer.builder().period(period))
				.withMessage("mistral.rate-limit.period must be positive and at most 1m (the limits are per minute;"
						+ " a shorter period only spreads a burst), was " + period);
		}
		assertThat(BucketRequestPacer.builder().build().period()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void theConfiguredLimitWinsWhenItIsLowerThanTheLearntOne() {
		answer("x-ratelimit-limit-req-minute", "500");
		BucketRequestPacer pacer = BucketRequestPacer.builder().requestsPerMinute(60L).build();
		http(pacer).execute(TestRequests.chat(), JsonNode.class);
		assertThat(pacer.limit(BucketRequestPacer.REQUESTS)).isEqualTo(60);
	}

	@Test
	void correctsTheEstimatedTokensWithTheQueryCost() {
		answer("x-ratelimit-tokens-query-cost", "900");
		BucketRequestPacer pacer = BucketRequestPacer.builder().tokensPerMinute(1000L).maxWait(Duration.ZERO).build();
		MistralHttp http = http(pacer);
		// estimated at about 30 tokens, charged 900
		http.execute(TestRequests.chat(), JsonNode.class);
		http.execute(TestRequests.chat(), JsonNode.class);
		assertThatExceptionOfType(MistralRateLimitWaitException.class)
			.isThrownBy(() -> http.execute(TestRequests.chat(), JsonNode.class))
			.satisfies((ex) -> assertThat(ex.getBudget()).isEqualTo("tokens"));
		assertThat(wireMock.requestCount()).isEqualTo(2);
	}

	@Test
	void givesBackTokensTheAnswerDidNotUse() {
		answer();
		BucketRequestPacer pacer = BucketRequestPacer.builder().tokensPerMinute(1000L).maxWait(Duration.ZERO).build();
		MistralHttp http = http(pacer);
		ApiRequest large = ApiRequest.post(TestRequests.CHAT)
			.operation("chat")
			.model("mistral-small-latest")
			.json(Map.of("model", "mistral-small-latest", "max_tokens", 900, "messages",
					List.of(Map.of("role", "user", "content", "Which cheese?"))))
			.build();
		// each call is estimated at over 900 tokens, and the answer says it used 19:
		// without the give-back the second call would find no budget (each keeps 19)
		for (int i = 0; i < 3; i++) {
			http.execute(large, dev.mistralboot.client.chat.ChatCompletionResponse.class);
		}
		assertThat(wireMock.requestCount()).isEqualTo(3);
	}

	@Test
	void estimatesTokensFromTheBodySizeAndMaxTokens() {
		byte[] body = "{\"model\":\"m\",\"max_tokens\":250,\"messages\":[]}".getBytes();
		assertThat(BucketRequestPacer.estimateTokens(body)).isEqualTo((body.length + 3) / 4 + 250);
		byte[] quoted = "{\"messages\":[{\"content\":\"\\\"max_tokens\\\":9000\"}]}".getBytes();
		assertThat(BucketRequestPacer.estimateTokens(quoted)).isEqualTo((quoted.length + 3) / 4);
	}

	@Test
	void streamsTakePermitsToo() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "text/event-stream")
				.withBody(Fixtures.text("chat-text.sse"))));
		BucketRequestPacer pacer = BucketRequestPacer.builder().requestsPerMinute(1L).maxWait(Duration.ZERO).build();
		MistralHttp http = http(pacer);
		try (MistralStream<JsonNode> stream = http.stream(TestRequests.chatStream(), JsonNode.class)) {
			assertThat(stream.stream().count()).isPositive();
		}
		assertThatExceptionOfType(MistralRateLimitWaitException.class)
			.isThrownBy(() -> http.stream(TestRequests.chatStream(), JsonNode.class).stream().count());
		assertThat(wireMock.requestCount()).isEqualTo(1);
	}

	@Test
	void reactiveCallsWaitWithoutHoldingTheSubscribingThread() throws InterruptedException {
		answer();
		BucketRequestPacer pacer = BucketRequestPacer.builder()
			.requestsPerMinute(30L)
			.period(Duration.ofSeconds(2))
			.maxWait(Duration.ofSeconds(20))
			.build();
		TestObservationRegistry registry = TestObservationRegistry.create();
		ReactiveMistralHttp http = ReactiveMistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.retryPolicy(RetryPolicy.NONE)
			.requestPacer(pacer)
			.observationRegistry(registry)
			.build();
		http.execute(TestRequests.chat(), JsonNode.class).block(Duration.ofSeconds(20));
		CountDownLatch done = new CountDownLatch(1);
		http.execute(TestRequests.chat(), JsonNode.class).subscribe((response) -> done.countDown());
		assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
		assertThat(pacer.totalWaitNanos()).isPositive();
		assertThat(wireMock.requestCount()).isEqualTo(2);
		// the wait shows in the reactive call's observation too
		assertThat(registry).hasNumberOfObservationsEqualTo(2);
		assertThat(registry).hasAnObservation((observation) -> observation
			.hasHighCardinalityKeyValueWithKey(MistralObservations.RATE_LIMIT_WAIT_KEY));
	}

	@Test
	void reactiveCallsAndStreamsWaitingForAPermitLeaveTheSubscribingThreadFree() throws InterruptedException {
		// a pacer whose permits the test grants by hand: no race with a clock
		List<CompletableFuture<RequestPacer.Permit>> pending = new CopyOnWriteArrayList<>();
		RequestPacer pacer = (request, body) -> {
			CompletableFuture<RequestPacer.Permit> permit = new CompletableFuture<>();
			pending.add(permit);
			return permit;
		};
		ReactiveMistralHttp http = ReactiveMistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.retryPolicy(RetryPolicy.NONE)
			.requestPacer(pacer)
			.build();
		// one thread stands for an event loop
		Scheduler loop = Schedulers.newSingle("event-loop");
		try {
			answer();
			CountDownLatch answered = new CountDownLatch(1);
			http.execute(TestRequests.chat(), JsonNode.class)
				.subscribeOn(loop)
				.subscribe((response) -> answered.countDown());
			awaitSize(pending, 1);
			assertThat(runsOn(loop)).as("the loop runs other work while the call waits for its permit").isTrue();
			assertThat(wireMock.requestCount()).isZero();
			pending.get(0).complete(RequestPacer.Permit.NONE);
			assertThat(answered.await(20, TimeUnit.SECONDS)).isTrue();
			wireMock.server()
				.stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "text/event-stream")
					.withBody(Fixtures.text("chat-text.sse"))));
			CountDownLatch streamed = new CountDownLatch(1);
			http.stream(TestRequests.chatStream(), JsonNode.class)
				.subscribeOn(loop)
				.subscribe((chunk) -> streamed.countDown());
			awaitSize(pending, 2);
			assertThat(runsOn(loop)).as("the loop runs other work while the stream waits for its permit").isTrue();
			assertThat(wireMock.requestCount()).isEqualTo(1);
			pending.get(1).complete(RequestPacer.Permit.NONE);
			assertThat(streamed.await(20, TimeUnit.SECONDS)).isTrue();
			assertThat(wireMock.requestCount()).isEqualTo(2);
		}
		finally {
			loop.dispose();
		}
	}

	private static boolean runsOn(Scheduler loop) throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		loop.schedule(ran::countDown);
		return ran.await(20, TimeUnit.SECONDS);
	}

	private static void awaitSize(List<?> list, int size) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (list.size() < size && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(list).hasSize(size);
	}

	@Test
	void reactiveCallsAndStreamsAreRefusedWithTheTypedException() {
		answer();
		BucketRequestPacer pacer = BucketRequestPacer.builder().requestsPerMinute(1L).maxWait(Duration.ZERO).build();
		ReactiveMistralHttp http = ReactiveMistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.retryPolicy(RetryPolicy.NONE)
			.requestPacer(pacer)
			.build();
		http.execute(TestRequests.chat(), JsonNode.class).block(Duration.ofSeconds(20));
		assertThatExceptionOfType(MistralRateLimitWaitException.class)
			.isThrownBy(() -> http.execute(TestRequests.chat(), JsonNode.class).block(Duration.ofSeconds(20)));
		Flux<JsonNode> stream = http.stream(TestRequests.chatStream(), JsonNode.class);
		assertThatExceptionOfType(MistralRateLimitWaitException.class)
			.isThrownBy(() -> stream.blockLast(Duration.ofSeconds(20)));
		assertThat(wireMock.requestCount()).isEqualTo(1);
	}

}
