package dev.mistralboot.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.health.MistralHealthContributorAutoConfiguration;
import dev.mistralboot.autoconfigure.health.MistralHealthIndicator;
import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.BucketRequestPacer;
import dev.mistralboot.client.core.BucketRequestPacerMetrics;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralRateLimitWaitException;
import dev.mistralboot.client.core.ObservationFixtures;
import dev.mistralboot.client.core.PacingStore;
import dev.mistralboot.client.core.RedisPacingStore;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.client.test.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code mistral.rate-limit.*}: off by default, a local budget when on, Redis when
 * configured, meters and health details.
 */
@SuppressWarnings("unchecked")
class MistralRateLimitAutoConfigurationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	@RegisterExtension
	static final MistralWireMock mistral = new MistralWireMock();

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		mistral.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
				.willReturn(ObservationFixtures.json(200, ObservationFixtures.CHAT_COMPLETION)));
		mistral.server()
			.stubFor(get("/v1/models").willReturn(ObservationFixtures.json(200, ObservationFixtures.MODELS)));
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class,
					MistralRateLimitAutoConfiguration.class, MistralHealthContributorAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("mistral.api-key=test-key-abc", "mistral.base-url=" + mistral.baseUrl(),
					"mistral.retry.max-attempts=1");
	}

	private static ApiRequest chat() {
		return ApiRequest.post("/v1/chat/completions")
			.operation("chat")
			.model("mistral-small-latest")
			.json(Map.of("model", "mistral-small-latest", "messages",
					List.of(Map.of("role", "user", "content", "Which cheese?"))))
			.build();
	}

	@Test
	void offByDefault() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(BucketRequestPacer.class);
			MistralHttp http = context.getBean(MistralHttp.class);
			for (int i = 0; i < 3; i++) {
				http.execute(chat(), JsonNode.class);
			}
		});
	}

	@Test
	void pacesEveryCallOfTheCoreWithALocalBudget() {
		this.runner
			.withPropertyValues("mistral.rate-limit.enabled=true", "mistral.rate-limit.requests-per-minute=2",
					"mistral.rate-limit.max-wait=0s")
			.run((context) -> {
				assertThat(context).hasSingleBean(BucketRequestPacer.class).doesNotHaveBean(RedisPacingStore.class);
				MistralHttp http = context.getBean(MistralHttp.class);
				http.execute(chat(), JsonNode.class);
				http.execute(chat(), JsonNode.class);
				assertThatExceptionOfType(MistralRateLimitWaitException.class)
					.isThrownBy(() -> http.execute(chat(), JsonNode.class));
				SimpleMeterRegistry meters = context.getBean(SimpleMeterRegistry.class);
				context.getBean(BucketRequestPacerMetrics.class).bindTo(meters);
				assertThat(meters.get(BucketRequestPacerMetrics.PERMITS)
					.tag("outcome", "denied")
					.functionCounter()
					.count()).isEqualTo(1);
				assertThat(meters.get(BucketRequestPacerMetrics.PERMITS)
					.tag("outcome", "granted")
					.functionCounter()
					.count()).isEqualTo(2);
				assertThat(meters.get(BucketRequestPacerMetrics.FALLBACK).gauge().value()).isZero();
				// the health check is not paced, and shows the pacing
				Health health = context.getBean(MistralHealthIndicator.class).health();
				assertThat(health.getDetails()).containsKey("rateLimit");
				assertThat((Map<String, Object>) health.getDetails().get("rateLimit")).containsEntry("store", "local")
					.containsEntry("requestsPerMinute", 2L);
			});
		assertThat(mistral.server().getAllServeEvents()).hasSize(3);
	}

	@Test
	void countsTheBudgetInTheConfiguredPeriod() {
		this.runner
			.withPropertyValues("mistral.rate-limit.enabled=true", "mistral.rate-limit.requests-per-minute=60",
					"mistral.rate-limit.period=5s", "mistral.rate-limit.max-wait=0s")
			.run((context) -> {
				BucketRequestPacer pacer = context.getBean(BucketRequestPacer.class);
				assertThat(pacer.period()).isEqualTo(Duration.ofSeconds(5));
				assertThat(pacer.limit(BucketRequestPacer.REQUESTS)).isEqualTo(60);
				MistralHttp http = context.getBean(MistralHttp.class);
				// 60 per minute counted per 5 s: a burst of 5, not 60
				for (int i = 0; i < 5; i++) {
					http.execute(chat(), JsonNode.class);
				}
				assertThatExceptionOfType(MistralRateLimitWaitException.class)
					.isThrownBy(() -> http.execute(chat(), JsonNode.class))
					.withMessageContaining("60 per minute, at most 5 per PT5S");
			});
		assertThat(mistral.server().getAllServeEvents()).hasSize(5);
	}

	@Test
	void theDefaultPeriodIsAMinute() {
		this.runner.withPropertyValues("mistral.rate-limit.enabled=true")
			.run((context) -> assertThat(context.getBean(BucketRequestPacer.class).period())
				.isEqualTo(Duration.ofMinutes(1)));
	}

	@Test
	void rejectsAPeriodThatIsNotPositiveOrLongerThanAMinute() {
		for (String period : new String[] { "0s", "-1s", "2m" }) {
			this.runner.withPropertyValues("mistral.rate-limit.enabled=true", "mistral.rate-limit.period=" + period)
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessageStartingWith("mistral.rate-limit.period must be positive and at most 1m")
					.hasMessageEndingWith("was " + Duration.parse("PT" + period.toUpperCase(Locale.ROOT))));
		}
	}

	@Test
	void keepsTheBudgetInRedisWhenAHostIsSetAndNeverShowsThePassword() {
		this.runner
			.withPropertyValues("mistral.rate-limit.enabled=true", "mistral.rate-limit.requests-per-minute=100",
					"mistral.rate-limit.key=test-" + System.nanoTime(), "mistral.rate-limit.redis.host=127.0.0.1",
					"mistral.rate-limit.redis.port=" + redis.port())
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisPacingStore.class);
				context.getBean(MistralHttp.class).execute(chat(), JsonNode.class);
				BucketRequestPacer pacer = context.getBean(BucketRequestPacer.class);
				assertThat(pacer.mode()).isEqualTo("redis");
				assertThat((Map<String, Object>) context.getBean(MistralHealthIndicator.class)
					.health()
					.getDetails()
					.get("rateLimit")).containsEntry("store", "redis");
			});
	}

	@Test
	void fallsBackToALocalBudgetWhenRedisStopsMidRunAndSaysSoOnceInTheMeterAndTheHealth() {
		// answers without rate-limit headers: the configured limit applies (the fixture's
		// 60 per minute would be learnt and win)
		mistral.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(ObservationFixtures.CHAT_COMPLETION)));
		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		logs.start();
		Logger storeLogger = (Logger) LoggerFactory.getLogger(RedisPacingStore.class);
		storeLogger.addAppender(logs);
		try {
			this.runner
				.withPropertyValues("mistral.rate-limit.enabled=true", "mistral.rate-limit.requests-per-minute=1200",
						"mistral.rate-limit.period=1s", "mistral.rate-limit.max-wait=5s",
						"mistral.rate-limit.key=fallback-" + System.nanoTime(),
						"mistral.rate-limit.redis.host=127.0.0.1", "mistral.rate-limit.redis.port=" + redis.port(),
						"mistral.rate-limit.redis.timeout=1s", "mistral.rate-limit.redis.recovery-interval=200ms",
						"mistral.health.cache-ttl=0s")
				.run((context) -> fallBackWhileCalling(context.getBean(MistralHttp.class),
						context.getBean(BucketRequestPacer.class), context.getBean(BucketRequestPacerMetrics.class),
						context.getBean(SimpleMeterRegistry.class), context.getBean(MistralHealthIndicator.class)));
		}
		finally {
			storeLogger.detachAppender(logs);
		}
		List<ILoggingEvent> warnings = logs.list.stream().filter((event) -> event.getLevel() == Level.WARN).toList();
		assertThat(warnings).hasSize(1);
		assertThat(warnings.get(0).getFormattedMessage()).contains("unreachable")
			.contains("bucket in this JVM")
			.doesNotContain("redis://");
	}

	private void fallBackWhileCalling(MistralHttp http, BucketRequestPacer pacer, BucketRequestPacerMetrics metrics,
			SimpleMeterRegistry meters, MistralHealthIndicator health) throws Exception {
		// 1,200 per minute counted per second: 20 at once, then 20 a second, in Redis and
		// in the local bucket alike
		metrics.bindTo(meters);
		Gauge fallback = meters.get(BucketRequestPacerMetrics.FALLBACK).gauge();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger calls = new AtomicInteger();
		Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
		ExecutorService callers = Executors.newFixedThreadPool(4);
		try {
			for (int i = 0; i < 4; i++) {
				callers.submit(() -> {
					while (running.get()) {
						try {
							http.execute(chat(), JsonNode.class);
							calls.incrementAndGet();
						}
						catch (RuntimeException ex) {
							failures.add(ex);
						}
					}
				});
			}
			awaitCalls(calls, 10, () -> true);
			assertThat(pacer.mode()).isEqualTo("redis");
			assertThat(pacer.limit(BucketRequestPacer.REQUESTS)).isEqualTo(1200);
			assertThat(fallback.value()).isZero();
			assertThat(store(health)).isEqualTo("redis");
			// Redis goes away while the callers keep calling
			redis.stop();
			try {
				int before = calls.get();
				// the callers go on with the local bucket; the meter and the health say
				// so
				awaitCalls(calls, before + 20, () -> fallback.value() == 1 && "local-fallback".equals(store(health)));
			}
			finally {
				redis.start();
			}
			int before = calls.get();
			// back to the shared budget once Redis answers again (Lettuce reconnects with
			// its own backoff)
			awaitCalls(calls, before + 10, () -> fallback.value() == 0 && "redis".equals(store(health)));
		}
		finally {
			running.set(false);
			callers.shutdown();
			assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(failures).isEmpty();
		assertThat(pacer.denied()).isZero();
	}

	/**
	 * Waits until the callers made {@code count} calls and the condition holds, at the
	 * same time (the condition is checked once per poll: it may read the health).
	 */
	private static void awaitCalls(AtomicInteger calls, int count, BooleanSupplier condition)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		boolean met = false;
		while (!met && System.nanoTime() < deadline) {
			met = calls.get() >= count && condition.getAsBoolean();
			if (!met) {
				Thread.sleep(20);
			}
		}
		assertThat(met).as("%d calls (made %d) and the condition within 60 s", count, calls.get()).isTrue();
	}

	private static Object store(MistralHealthIndicator health) {
		return ((Map<String, Object>) health.health().getDetails().get("rateLimit")).get("store");
	}

	@Test
	void staysLocalWithoutLettuce() {
		this.runner.withClassLoader(new FilteredClassLoader("io.lettuce"))
			.withPropertyValues("mistral.rate-limit.enabled=true", "mistral.rate-limit.redis.host=127.0.0.1")
			.run((context) -> assertThat(context).hasSingleBean(BucketRequestPacer.class)
				.doesNotHaveBean(PacingStore.class));
	}

	private static LettuceConnectionFactory connectionFactory(int port) {
		return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
	}

	@Test
	void sharesTheBudgetThroughASpringDataRedisConnectionFactory() {
		ApplicationContextRunner shared = this.runner
			.withBean(LettuceConnectionFactory.class, () -> connectionFactory(redis.port()))
			.withPropertyValues("mistral.rate-limit.enabled=true", "mistral.rate-limit.requests-per-minute=2",
					"mistral.rate-limit.max-wait=0s", "mistral.rate-limit.key=test-" + System.nanoTime());
		shared.run((first) -> shared.run((second) -> {
			assertThat(first).hasSingleBean(RedisPacingStore.class).hasBean("mistralConnectionFactoryPacingStore");
			first.getBean(MistralHttp.class).execute(chat(), JsonNode.class);
			second.getBean(MistralHttp.class).execute(chat(), JsonNode.class);
			// the two instances spent the one budget of their key together
			assertThatExceptionOfType(MistralRateLimitWaitException.class)
				.isThrownBy(() -> first.getBean(MistralHttp.class).execute(chat(), JsonNode.class));
			assertThat(first.getBean(BucketRequestPacer.class).mode()).isEqualTo("redis");
			assertThat(second.getBean(BucketRequestPacer.class).mode()).isEqualTo("redis");
		}));
		assertThat(mistral.server().getAllServeEvents()).hasSize(2);
	}

	@Test
	void prefersTheHostPropertyAndTheRedisClientBeanToAConnectionFactory() {
		// the connection factory points at a port nobody listens on: it is never used
		ApplicationContextRunner withFactory = this.runner
			.withBean(LettuceConnectionFactory.class, () -> connectionFactory(1))
			.withPropertyValues("mistral.rate-limit.enabled=true");
		withFactory
			.withPropertyValues("mistral.rate-limit.redis.host=127.0.0.1",
					"mistral.rate-limit.redis.port=" + redis.port())
			.run((context) -> assertThat(context).hasSingleBean(RedisPacingStore.class)
				.hasBean("mistralRedisPacingStore")
				.doesNotHaveBean("mistralConnectionFactoryPacingStore"));
		withFactory
			.withBean(RedisClient.class, () -> RedisClient.create(RedisURI.create("127.0.0.1", redis.port())),
					(definition) -> definition.setDestroyMethodName("shutdown"))
			.run((context) -> assertThat(context).hasSingleBean(RedisPacingStore.class)
				.hasBean("mistralRedisClientPacingStore")
				.doesNotHaveBean("mistralConnectionFactoryPacingStore"));
		withFactory.withPropertyValues("mistral.rate-limit.redis.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(BucketRequestPacer.class)
				.doesNotHaveBean(PacingStore.class));
	}

	@Test
	void staysLocalWithoutSpringDataRedis() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("mistral.rate-limit.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(BucketRequestPacer.class)
					.doesNotHaveBean(PacingStore.class);
				assertThat(context.getBean(BucketRequestPacer.class).mode()).isEqualTo("local");
			});
	}

}
