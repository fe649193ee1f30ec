package dev.mistralboot.autoconfigure.ratelimit;

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

import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.core.BucketRequestPacer;
import dev.mistralboot.client.core.BucketRequestPacerMetrics;
import dev.mistralboot.client.core.MistralException;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.client.test.RedisServer;
import dev.mistralboot.client.test.WorkspaceQuota;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet of four instances of one application, as four Spring application contexts in
 * this JVM, each built by the auto-configuration from nothing but {@code mistral.*}
 * properties: the same API key, base URL (one loopback mock), budget key and Redis.
 * <p>
 * The mock enforces one workspace quota at Mistral's own scale (a minute), 200 requests
 * and 100,000 tokens per minute, and answers 429 with {@code Retry-After} beyond it. The
 * fleet sends 4 instances x 20 callers x 3 chat completions = 240 calls: the quota's
 * burst takes 200 of them, the other 40 have to be spaced one per 300 ms across the whole
 * fleet. Each instance alone would let all of its 60 calls through at once (without
 * sharing, each has a budget of 200), so the mock would turn about 40 of them away;
 * sharing the budget through Redis, the fleet keeps to the quota.
 * <p>
 * Asserted: outcomes and counts (every call answered, the mock served each once, what it
 * turned away, the permits and waits of each instance's pacer and meters), never the
 * machine's speed. The time to finish is printed for the README, not asserted.
 */
class RateLimitFleetContextsTests {

	static final int INSTANCES = 4;

	static final int CALLERS = 20;

	static final int CALLS_PER_CALLER = 3;

	static final int CALLS = INSTANCES * CALLERS * CALLS_PER_CALLER;

	static final long REQUESTS_PER_MINUTE = 200;

	static final long TOKENS_PER_MINUTE = 100_000;

	static final int TOKENS_PER_CALL = 250;

	/** The quota's theoretical minimum: the burst, then one request per 300 ms. */
	static final double MINIMUM_SECONDS = (CALLS - REQUESTS_PER_MINUTE) * 60.0 / REQUESTS_PER_MINUTE;

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	static final WorkspaceQuota quota = new WorkspaceQuota(REQUESTS_PER_MINUTE, TOKENS_PER_MINUTE,
			Duration.ofMinutes(1), TOKENS_PER_CALL);

	@RegisterExtension
	static final MistralWireMock mistral = new MistralWireMock(quota);

	@Test
	void fourInstancesShareOneBudgetThroughRedisAndKeepToTheWorkspaceQuota() throws Exception {
		// the quota answers every chat completion; the stub only lets the request match
		mistral.server().stubFor(post(urlPathEqualTo(WorkspaceQuota.CHAT)).willReturn(ok()));
		String key = "fleet-" + System.nanoTime();
		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(INSTANCES * CALLERS);
		try {
			for (int i = 0; i < INSTANCES; i++) {
				instances.add(startInstance(i, key));
			}
			// running instances, not cold ones: one call each (4 of the budget's 200),
			// then
			// time for the shared bucket to fill up again (1.2 s at 200 per minute)
			// before
			// the quota starts over full
			for (ConfigurableApplicationContext instance : instances) {
				instance.getBean(MistralChatClient.class).complete(question());
			}
			Thread.sleep(2000);
			quota.reset();
			AtomicInteger answered = new AtomicInteger();
			Queue<String> failures = new ConcurrentLinkedQueue<>();
			CountDownLatch ready = new CountDownLatch(INSTANCES * CALLERS);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> callers = new ArrayList<>();
			for (ConfigurableApplicationContext instance : instances) {
				MistralChatClient chat = instance.getBean(MistralChatClient.class);
				for (int c = 0; c < CALLERS; c++) {
					callers.add(executor.submit(() -> {
						ready.countDown();
						go.await();
						for (int k = 0; k < CALLS_PER_CALLER; k++) {
							try {
								ChatCompletionResponse answer = chat.complete(question());
								if ("Comté.".equals(answer.text())) {
									answered.incrementAndGet();
								}
							}
							catch (MistralException ex) {
								failures.add(ex.getClass().getSimpleName() + ": " + ex.getMessage());
							}
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
			double seconds = (System.nanoTime() - start) / 1e9;

			assertThat(failures).isEmpty();
			assertThat(answered).hasValue(CALLS);
			assertThat(quota.served()).isEqualTo(CALLS);
			// a call paced on time can still reach the mock after the next one (threads
			// on
			// a loaded machine): a few 429s at most, where four budgets of 200 would have
			// been turned away about 40 times (and as often again on their retries)
			assertThat(quota.rejected()).as("429s").isLessThanOrEqualTo(CALLS / 24);
			long granted = 0;
			long denied = 0;
			double waitedSeconds = 0;
			StringBuilder perInstance = new StringBuilder();
			for (ConfigurableApplicationContext instance : instances) {
				BucketRequestPacer pacer = instance.getBean(BucketRequestPacer.class);
				assertThat(pacer.mode()).isEqualTo("redis");
				assertThat(pacer.key()).isEqualTo(key);
				MeterRegistry meters = instance.getBean(MeterRegistry.class);
				FunctionTimer wait = meters.get(BucketRequestPacerMetrics.WAIT).tag("key", key).functionTimer();
				assertThat(wait.count()).isEqualTo(pacer.granted());
				assertThat(meters.get(BucketRequestPacerMetrics.FALLBACK).gauge().value()).isZero();
				assertThat(meters.get(BucketRequestPacerMetrics.BUDGET_LIMIT)
					.tag("budget", BucketRequestPacer.REQUESTS)
					.gauge()
					.value()).isEqualTo(REQUESTS_PER_MINUTE);
				granted += pacer.granted();
				denied += pacer.denied();
				waitedSeconds += wait.totalTime(TimeUnit.SECONDS);
				perInstance.append((perInstance.length() > 0) ? " / " : "").append(pacer.granted());
			}
			// every attempt the mock saw (answers and 429s, and the warm-up calls) took a
			// permit from the one budget, none was refused, and the fleet waited for the
			// calls past the burst
			assertThat(granted).isEqualTo(quota.served() + quota.rejected() + INSTANCES);
			assertThat(denied).isZero();
			assertThat(waitedSeconds).isPositive();
			System.out.printf(Locale.ROOT,
					"| %d contexts, Redis | %d calls | %d 429s | permits per instance %s | waited %.1f s in all | %.1f s"
							+ " (quota minimum %.1f s) |%n",
					INSTANCES, CALLS, quota.rejected(), perInstance, waitedSeconds, seconds, MINIMUM_SECONDS);
		}
		finally {
			executor.shutdownNow();
			instances.forEach(ConfigurableApplicationContext::close);
		}
	}

	private static ChatCompletionRequest question() {
		return ChatCompletionRequest.builder()
			.model("mistral-small-latest")
			.maxTokens(200)
			.user("Which cheese goes with a Jura wine?")
			.build();
	}

	private static ConfigurableApplicationContext startInstance(int instance, String key) {
		return new SpringApplicationBuilder(FleetApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.application.name=fleet-" + instance,
					"mistral.api-key=" + MistralWireMock.API_KEY, "mistral.base-url=" + mistral.baseUrl(),
					"mistral.retry.max-attempts=20", "mistral.rate-limit.enabled=true",
					"mistral.rate-limit.requests-per-minute=" + REQUESTS_PER_MINUTE,
					"mistral.rate-limit.tokens-per-minute=" + TOKENS_PER_MINUTE, "mistral.rate-limit.key=" + key,
					"mistral.rate-limit.redis.host=127.0.0.1", "mistral.rate-limit.redis.port=" + redis.port())
			.run();
	}

	/**
	 * The application each instance runs: nothing but the auto-configuration.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class FleetApplication {

	}

}
