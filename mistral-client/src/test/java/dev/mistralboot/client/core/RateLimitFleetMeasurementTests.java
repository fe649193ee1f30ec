package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.mistralboot.client.test.RedisServer;
import dev.mistralboot.client.test.WorkspaceQuota;
import dev.mistralboot.contract.WireMockContract;
import io.github.bucket4j.Bandwidth;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measurement of the README's rate-limit table: one loopback mock enforcing one
 * workspace quota (Mistral's 60 requests and 30,000 tokens per minute, scaled down to 20
 * requests and 10,000 tokens per 4 seconds, answering 429 with {@code Retry-After} beyond
 * it), and 4 independent client stacks (an own {@link MistralHttp}, JDK HTTP client,
 * pacer and Redis connection each, as 4 application instances would have) x 20 callers x
 * 1 call. Without pacing, with pacing in each JVM, and with pacing shared through Redis.
 * Asserted: outcomes and counts; the time to finish is printed for the README, and only
 * bounded generously (a fleet locked out by its own pauses, not a slow machine).
 */
class RateLimitFleetMeasurementTests {

	static final int INSTANCES = 4;

	static final int CALLERS = 20;

	static final int CALLS_PER_CALLER = 1;

	static final int CALLS = INSTANCES * CALLERS * CALLS_PER_CALLER;

	static final long QUOTA_REQUESTS = 20;

	static final long QUOTA_TOKENS = 10_000;

	static final Duration PERIOD = Duration.ofSeconds(4);

	static final int TOKENS_PER_CALL = 250;

	/** The quota's theoretical minimum: the burst, then one request per 200 ms. */
	static final double MINIMUM_SECONDS = (CALLS - QUOTA_REQUESTS) * PERIOD.toMillis() / 1000.0 / QUOTA_REQUESTS;

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	static final WorkspaceQuota quota = new WorkspaceQuota(QUOTA_REQUESTS, QUOTA_TOKENS, PERIOD, TOKENS_PER_CALL);

	static WireMockServer server;

	static final List<String> table = new ArrayList<>();

	@BeforeAll
	static void startServer() {
		server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.dynamicPort()
			.containerThreads(120)
			.asynchronousResponseEnabled(false)
			.extensions(quota));
		server.start();
		server.stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(ok()));
		server.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.stop();
		}
		System.out
			.println("| pacing | 429 answers | 429s per instance | calls failed | time to finish | quota minimum |");
		System.out.println("|---|---|---|---|---|---|");
		table.forEach(System.out::println);
	}

	@Test
	void withoutPacingTheFleetRunsIntoTheQuota() throws Exception {
		Result result = run("none", (instance) -> RequestPacer.NONE, () -> {
		});
		assertThat(result.served).isEqualTo(CALLS);
		assertThat(result.rejected).isPositive();
	}

	@Test
	void withPacingInEachJvmEveryInstanceStillTakesTheWholeQuota() throws Exception {
		Result result = run("local (per JVM)", (instance) -> pacer(PacingStore.local(), "local"), () -> {
		});
		assertThat(result.served).isEqualTo(CALLS);
		assertThat(result.rejected).isPositive();
	}

	@Test
	void withPacingSharedThroughRedisTheFleetKeepsToTheQuota() throws Exception {
		String key = "fleet-" + System.nanoTime();
		List<RedisPacingStore> stores = new ArrayList<>();
		try {
			Result result = run("Redis (shared)", (instance) -> {
				RedisPacingStore store = RedisPacingStore.create(RedisURI.create(redis.uri()), Duration.ofSeconds(5),
						Duration.ofSeconds(5));
				stores.add(store);
				return pacer(store, key);
			}, () -> stores.forEach(
					(store) -> store
						.bucket("warm-up-" + key,
								io.github.bucket4j.BucketConfiguration.builder()
									.addLimit(Bandwidth.builder().capacity(100).refillGreedy(100, PERIOD).build())
									.build())
						.take(1, 1_000_000_000L, BucketRequestPacer.Timer.INSTANCE)
						.join()));
			assertThat(result.served).isEqualTo(CALLS);
			assertThat(result.failed).isZero();
			// a request the client sent on time may reach the server a little later than
			// the next one (threads on a loaded machine): a few 429s at most
			assertThat(result.rejected).isLessThanOrEqualTo(CALLS / 10);
			// the time is the README's to report, not this test's to race: only a pause
			// that locks the fleet out (twice the quota's minimum) fails here
			assertThat(result.seconds).isLessThan(MINIMUM_SECONDS * 2);
		}
		finally {
			stores.forEach(RedisPacingStore::close);
		}
	}

	private static BucketRequestPacer pacer(PacingStore store, String key) {
		return BucketRequestPacer.builder()
			.key(key)
			.requestsPerMinute(QUOTA_REQUESTS)
			.tokensPerMinute(QUOTA_TOKENS)
			.period(PERIOD)
			.maxWait(Duration.ofSeconds(30))
			.store(store)
			.build();
	}

	private Result run(String name, IntFunction<RequestPacer> pacers, Runnable warmUpPacers) throws Exception {
		List<MistralHttp> stacks = new ArrayList<>();
		List<MistralHttp> warmUps = new ArrayList<>();
		AtomicInteger[] retried429 = new AtomicInteger[INSTANCES];
		for (int i = 0; i < INSTANCES; i++) {
			AtomicInteger counter = new AtomicInteger();
			retried429[i] = counter;
			java.net.http.HttpClient jdk = java.net.http.HttpClient.newBuilder()
				.version(java.net.http.HttpClient.Version.HTTP_1_1)
				.build();
			RequestPacer pacer = pacers.apply(i);
			warmUps.add(MistralHttp.builder().baseUrl(server.baseUrl()).apiKey("fleet-key").httpClient(jdk).build());
			stacks.add(MistralHttp.builder()
				.baseUrl(server.baseUrl())
				.httpClient(jdk)
				.apiKey("fleet-key")
				.retryPolicy(
						new RetryPolicy(1000, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(10)))
				.requestPacer(pacer)
				.listener(new MistralHttp.Listener() {

					@Override
					public void onRetry(ApiRequest request, RuntimeException failure, int attempt, Duration delay) {
						if (failure instanceof MistralRateLimitException) {
							counter.incrementAndGet();
						}
					}

				})
				.build());
		}
		ApiRequest request = ApiRequest.post(TestRequests.CHAT)
			.operation("chat")
			.model("mistral-small-latest")
			.json(Map.of("model", "mistral-small-latest", "max_tokens", 200, "messages",
					List.of(Map.of("role", "user", "content", "Which cheese goes with a Jura wine?"))))
			.build();
		ExecutorService executor = Executors.newFixedThreadPool(INSTANCES * CALLERS);
		// running instances: connections open and code warm (GET /v1/models is not in
		// the quota), so that the measurement is the quota's pace, not start-up
		List<Future<?>> warming = new ArrayList<>();
		for (MistralHttp http : warmUps) {
			for (int c = 0; c < CALLERS; c++) {
				warming.add(executor.submit(() -> http
					.execute(ApiRequest.get("/v1/models").operation("models.list").build(), JsonNode.class)));
			}
		}
		for (Future<?> future : warming) {
			future.get(60, TimeUnit.SECONDS);
		}
		warmUpPacers.run();
		quota.reset();
		server.resetRequests();
		AtomicInteger failed = new AtomicInteger();
		CountDownLatch ready = new CountDownLatch(INSTANCES * CALLERS);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (MistralHttp http : stacks) {
			for (int c = 0; c < CALLERS; c++) {
				futures.add(executor.submit(() -> {
					ready.countDown();
					go.await();
					for (int k = 0; k < CALLS_PER_CALLER; k++) {
						try {
							http.execute(request, JsonNode.class);
						}
						catch (MistralException ex) {
							failed.incrementAndGet();
						}
					}
					return null;
				}));
			}
		}
		ready.await(30, TimeUnit.SECONDS);
		long start = System.nanoTime();
		go.countDown();
		for (Future<?> future : futures) {
			future.get(120, TimeUnit.SECONDS);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		executor.shutdown();
		Result result = new Result(quota.served(), quota.rejected(), failed.get(), seconds);
		StringBuilder perInstance = new StringBuilder();
		for (AtomicInteger counter : retried429) {
			perInstance.append((perInstance.length() > 0) ? " / " : "").append(counter.get());
		}
		table.add(String.format(Locale.ROOT, "| %s | %d | %s | %d | %.1f s | %.1f s |", name, result.rejected,
				perInstance, result.failed, result.seconds, MINIMUM_SECONDS));
		WireMockContract.assertAllRequestsConform(server);
		return result;
	}

	record Result(int served, int rejected, int failed, double seconds) {
	}

}
