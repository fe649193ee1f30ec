package dev.mistralboot.autoconfigure.ratelimit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mistralboot.autoconfigure.MistralHttpCustomizer;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.BucketRequestPacer;
import dev.mistralboot.client.core.BucketRequestPacerMetrics;
import dev.mistralboot.client.core.MistralException;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralRateLimitException;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.client.test.RedisServer;
import dev.mistralboot.client.test.WorkspaceQuota;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measurement of the README's rate-limit table: a fleet of four instances of one
 * application, as four Spring application contexts in this JVM, each built by the
 * auto-configuration from nothing but {@code mistral.*} properties (the same API key and
 * base URL: one loopback mock), 20 callers each, one chat completion per caller: 80
 * calls.
 * <p>
 * The mock enforces one workspace quota, Mistral's 60 requests and 30,000 tokens per
 * minute scaled down to 20 requests and 10,000 tokens per 2 seconds, and answers 429 with
 * {@code Retry-After} beyond it. The pacers are configured at the same scale
 * ({@code mistral.rate-limit.period=2s}, 600 requests and 300,000 tokens per minute: 20
 * and 10,000 per period). The quota's theoretical minimum for 80 calls is 6 s: a burst of
 * 20, then one every 100 ms. Three rows: without pacing, with pacing in each instance,
 * with pacing shared through Redis; retries up to 1,000 attempts in all three, so that
 * every call ends answered.
 * <p>
 * Asserted: outcomes and counts (every call answered, the mock served each once, the 429s
 * each instance retried add up to the mock's, the permits and waits of each pacer and its
 * meters, at most a few 429s with Redis), never the machine's speed: the time to finish
 * is printed for the README and bounded only generously (twice the quota's minimum with
 * Redis: a fleet locked out by its own pauses, not a slow machine). The table is printed
 * after the class, and written to {@code target/rate-limit-fleet.md}.
 */
class RateLimitFleetContextsTests {

	static final int INSTANCES = 4;

	static final int CALLERS = 20;

	static final int CALLS = INSTANCES * CALLERS;

	static final long QUOTA_REQUESTS = 20;

	static final long QUOTA_TOKENS = 10_000;

	static final Duration PERIOD = Duration.ofSeconds(2);

	static final long PERIODS_PER_MINUTE = Duration.ofMinutes(1).dividedBy(PERIOD);

	static final int TOKENS_PER_CALL = 250;

	/** The quota's theoretical minimum: the burst, then one request per 100 ms. */
	static final double MINIMUM_SECONDS = (double) (CALLS - QUOTA_REQUESTS) * PERIOD.toMillis() / 1000.0
			/ QUOTA_REQUESTS;

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	static final WorkspaceQuota quota = new WorkspaceQuota(QUOTA_REQUESTS, QUOTA_TOKENS, PERIOD, TOKENS_PER_CALL);

	@RegisterExtension
	static final MistralWireMock mistral = new MistralWireMock(quota);

	static final List<String> table = new ArrayList<>();

	@BeforeEach
	void stub() {
		// the quota answers every chat completion; the stub only lets the request match
		mistral.server().stubFor(post(urlPathEqualTo(WorkspaceQuota.CHAT)).willReturn(ok()));
	}

	@AfterAll
	static void printTable() throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "Load average at the end: %s", loadAverage()));
		lines.add("| pacing | 429 answers | 429s retried, per instance | calls answered | time to finish"
				+ " | quota minimum |");
		lines.add("|---|---|---|---|---|---|");
		lines.addAll(table);
		lines.forEach(System.out::println);
		Path target = Path.of("target");
		if (Files.isDirectory(target)) {
			Files.write(target.resolve("rate-limit-fleet.md"), lines);
		}
	}

	@Test
	void withoutPacingTheFleetRunsIntoTheQuota() throws Exception {
		Fleet fleet = Fleet.start("none", false, null);
		try {
			Row row = fleet.run();
			assertThat(row.failures).isEmpty();
			assertThat(row.answered).isEqualTo(CALLS);
			assertThat(quota.served()).isEqualTo(CALLS);
			// 80 calls at once against a burst of 20: the 60 past it are turned away, and
			// again on their retries (far more than the Redis row's bound)
			assertThat(quota.rejected()).as("429s").isGreaterThan(CALLS / 10);
			assertThat(row.retried429Sum()).isEqualTo(quota.rejected());
			for (ConfigurableApplicationContext instance : fleet.instances) {
				assertThat(instance.getBeansOfType(BucketRequestPacer.class)).isEmpty();
			}
		}
		finally {
			fleet.close();
		}
	}

	@Test
	void withPacingInEachInstanceTheFleetStillTakesFourTimesTheQuota() throws Exception {
		Fleet fleet = Fleet.start("in each instance", true, null);
		try {
			Row row = fleet.run();
			assertThat(row.failures).isEmpty();
			assertThat(row.answered).isEqualTo(CALLS);
			assertThat(quota.served()).isEqualTo(CALLS);
			// each instance's own budget lets its 20 callers go at once: 80 at a quota of
			// 20 (far more 429s than the Redis row's bound)
			assertThat(quota.rejected()).as("429s").isGreaterThan(CALLS / 10);
			assertThat(row.retried429Sum()).isEqualTo(quota.rejected());
			long granted = 0;
			for (ConfigurableApplicationContext instance : fleet.instances) {
				BucketRequestPacer pacer = instance.getBean(BucketRequestPacer.class);
				assertThat(pacer.mode()).isEqualTo("local");
				assertThat(pacer.period()).isEqualTo(PERIOD);
				assertThat(pacer.denied()).isZero();
				granted += pacer.granted();
			}
			assertThat(granted).isEqualTo(quota.served() + quota.rejected() + INSTANCES);
		}
		finally {
			fleet.close();
		}
	}

	@Test
	void withPacingSharedThroughRedisTheFleetKeepsToTheQuota() throws Exception {
		String key = "fleet-" + System.nanoTime();
		Fleet fleet = Fleet.start("shared through Redis", true, key);
		try {
			Row row = fleet.run();
			assertThat(row.failures).isEmpty();
			assertThat(row.answered).isEqualTo(CALLS);
			assertThat(quota.served()).isEqualTo(CALLS);
			// a call paced on time can still reach the mock after the next one (threads
			// on a loaded machine): a few 429s at most, where four budgets of 20 are
			// turned away at least 60 times
			assertThat(quota.rejected()).as("429s").isLessThanOrEqualTo(CALLS / 10);
			assertThat(row.retried429Sum()).isEqualTo(quota.rejected());
			// the time is the README's to report, not this test's to race: only a pause
			// that locks the fleet out (twice the quota's minimum) fails here
			assertThat(row.seconds).isLessThan(MINIMUM_SECONDS * 2);
			long granted = 0;
			double waitedSeconds = 0;
			for (ConfigurableApplicationContext instance : fleet.instances) {
				BucketRequestPacer pacer = instance.getBean(BucketRequestPacer.class);
				assertThat(pacer.mode()).isEqualTo("redis");
				assertThat(pacer.key()).isEqualTo(key);
				assertThat(pacer.period()).isEqualTo(PERIOD);
				assertThat(pacer.denied()).isZero();
				MeterRegistry meters = instance.getBean(MeterRegistry.class);
				FunctionTimer wait = meters.get(BucketRequestPacerMetrics.WAIT).tag("key", key).functionTimer();
				assertThat(wait.count()).isEqualTo(pacer.granted());
				assertThat(meters.get(BucketRequestPacerMetrics.FALLBACK).gauge().value()).isZero();
				assertThat(meters.get(BucketRequestPacerMetrics.BUDGET_LIMIT)
					.tag("budget", BucketRequestPacer.REQUESTS)
					.gauge()
					.value()).isEqualTo(QUOTA_REQUESTS * PERIODS_PER_MINUTE);
				granted += pacer.granted();
				waitedSeconds += wait.totalTime(TimeUnit.SECONDS);
			}
			// every attempt the mock saw (answers and 429s, and the warm-up calls) took a
			// permit from the one budget, and the fleet waited for the calls past the
			// burst
			assertThat(granted).isEqualTo(quota.served() + quota.rejected() + INSTANCES);
			assertThat(waitedSeconds).isPositive();
		}
		finally {
			fleet.close();
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException | RuntimeException ex) {
			return "(unknown)";
		}
	}

	private static ChatCompletionRequest question() {
		return ChatCompletionRequest.builder()
			.model("mistral-small-latest")
			.maxTokens(200)
			.user("Which cheese goes with a Jura wine?")
			.build();
	}

	/** One row of the table. */
	record Row(int answered, Queue<String> failures, int[] retried429s, double seconds) {

		int retried429Sum() {
			int sum = 0;
			for (int count : this.retried429s) {
				sum += count;
			}
			return sum;
		}

	}

	/** Four running instances of the application, one way of pacing. */
	static final class Fleet {

		final String name;

		final List<ConfigurableApplicationContext> instances = new ArrayList<>();

		private Fleet(String name) {
			this.name = name;
		}

		static Fleet start(String name, boolean pacing, String redisKey) {
			Fleet fleet = new Fleet(name);
			try {
				for (int i = 0; i < INSTANCES; i++) {
					fleet.instances.add(startInstance(i, pacing, redisKey));
				}
			}
			catch (RuntimeException ex) {
				fleet.close();
				throw ex;
			}
			return fleet;
		}

		private static ConfigurableApplicationContext startInstance(int instance, boolean pacing, String redisKey) {
			List<String> properties = new ArrayList<>(List.of("spring.main.banner-mode=off",
					"spring.application.name=fleet-" + instance, "mistral.api-key=" + MistralWireMock.API_KEY,
					"mistral.base-url=" + mistral.baseUrl(), "mistral.retry.max-attempts=1000"));
			if (pacing) {
				properties.addAll(List.of("mistral.rate-limit.enabled=true",
						"mistral.rate-limit.requests-per-minute=" + QUOTA_REQUESTS * PERIODS_PER_MINUTE,
						"mistral.rate-limit.tokens-per-minute=" + QUOTA_TOKENS * PERIODS_PER_MINUTE,
						"mistral.rate-limit.period=" + PERIOD.toMillis() + "ms"));
			}
			if (redisKey != null) {
				properties.addAll(List.of("mistral.rate-limit.key=" + redisKey,
						"mistral.rate-limit.redis.host=127.0.0.1", "mistral.rate-limit.redis.port=" + redis.port()));
			}
			return new SpringApplicationBuilder(FleetApplication.class).web(WebApplicationType.NONE)
				.properties(properties.toArray(String[]::new))
				.run();
		}

		Row run() throws Exception {
			// running instances, not cold ones: one call each (4 of a shared budget of
			// 20), then time for the budgets to fill up again (0.4 s at 10 a second)
			// before the quota starts over full
			for (ConfigurableApplicationContext instance : this.instances) {
				instance.getBean(MistralChatClient.class).complete(question());
			}
			Thread.sleep(PERIOD.toMillis() / 2);
			quota.reset();
			for (ConfigurableApplicationContext instance : this.instances) {
				instance.getBean(Retried429s.class).count.set(0);
			}
			AtomicInteger answered = new AtomicInteger();
			Queue<String> failures = new ConcurrentLinkedQueue<>();
			CountDownLatch ready = new CountDownLatch(CALLS);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> callers = new ArrayList<>();
			ExecutorService executor = Executors.newFixedThreadPool(CALLS);
			double seconds;
			try {
				for (ConfigurableApplicationContext instance : this.instances) {
					MistralChatClient chat = instance.getBean(MistralChatClient.class);
					for (int c = 0; c < CALLERS; c++) {
						callers.add(executor.submit(() -> {
							ready.countDown();
							go.await();
							try {
								ChatCompletionResponse answer = chat.complete(question());
								if ("Comté.".equals(answer.text())) {
									answered.incrementAndGet();
								}
							}
							catch (MistralException ex) {
								failures.add(ex.getClass().getSimpleName() + ": " + ex.getMessage());
							}
							return null;
						}));
					}
				}
				assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
				long start = System.nanoTime();
				go.countDown();
				for (Future<?> caller : callers) {
					caller.get(180, TimeUnit.SECONDS);
				}
				seconds = (System.nanoTime() - start) / 1e9;
			}
			finally {
				executor.shutdownNow();
			}
			int[] retried = new int[INSTANCES];
			StringBuilder perInstance = new StringBuilder();
			for (int i = 0; i < INSTANCES; i++) {
				retried[i] = this.instances.get(i).getBean(Retried429s.class).count.get();
				perInstance.append((i > 0) ? " / " : "").append(retried[i]);
			}
			table.add(String.format(Locale.ROOT, "| %s | %,d | %s | %d of %d | %.1f s | %.1f s |", this.name,
					quota.rejected(), perInstance, answered.get(), CALLS, seconds, MINIMUM_SECONDS));
			return new Row(answered.get(), failures, retried, seconds);
		}

		void close() {
			this.instances.forEach(ConfigurableApplicationContext::close);
		}

	}

	/** The 429s one instance retried. */
	static final class Retried429s {

		final AtomicInteger count = new AtomicInteger();

	}

	/**
	 * The application each instance runs: nothing but the auto-configuration, and a count
	 * of the 429s it retried.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class FleetApplication {

		@Bean
		Retried429s retried429s() {
			return new Retried429s();
		}

		@Bean
		MistralHttpCustomizer countRetried429s(Retried429s retried) {
			return (builder) -> builder.listener(new MistralHttp.Listener() {

				@Override
				public void onRetry(ApiRequest request, RuntimeException failure, int attempt, Duration delay) {
					if (failure instanceof MistralRateLimitException) {
						retried.count.incrementAndGet();
					}
				}

			});
		}

	}

}
