package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.client.test.RedisServer;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.lettuce.core.RedisURI;
import io.lettuce.core.event.connection.ReconnectAttemptEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Budgets shared through a real Redis ({@code redis-server} on a free loopback port), and
 * the fallback to a local bucket while Redis is down.
 */
class RedisPacingStoreTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	@BeforeEach
	void answer() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(Fixtures.text("chat-response.json"))));
		this.logs.start();
		((Logger) LoggerFactory.getLogger(RedisPacingStore.class)).addAppender(this.logs);
	}

	@AfterEach
	void stopLogs() {
		((Logger) LoggerFactory.getLogger(RedisPacingStore.class)).detachAppender(this.logs);
	}

	/**
	 * The warnings logged so far, read under the appender's lock: the store may log from
	 * another thread while the test reads.
	 */
	private List<ILoggingEvent> warnings() {
		synchronized (this.logs) {
			return this.logs.list.stream().filter((event) -> event.getLevel() == Level.WARN).toList();
		}
	}

	private RedisPacingStore store(Duration recovery) {
		return RedisPacingStore.create(RedisURI.create(redis.uri()), Duration.ofSeconds(2), recovery);
	}

	private MistralHttp http(BucketRequestPacer pacer) {
		return MistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.retryPolicy(RetryPolicy.NONE)
			.requestPacer(pacer)
			.build();
	}

	@Test
	void instancesWithTheSameKeyShareOneBudget() {
		String key = "shared-" + System.nanoTime();
		try (RedisPacingStore storeA = store(Duration.ofSeconds(5));
				RedisPacingStore storeB = store(Duration.ofSeconds(5))) {
			BucketRequestPacer a = BucketRequestPacer.builder()
				.key(key)
				.requestsPerMinute(3L)
				.maxWait(Duration.ZERO)
				.store(storeA)
				.build();
			BucketRequestPacer b = BucketRequestPacer.builder()
				.key(key)
				.requestsPerMinute(3L)
				.maxWait(Duration.ZERO)
				.store(storeB)
				.build();
			BucketRequestPacer other = BucketRequestPacer.builder()
				.key(key + "-other")
				.requestsPerMinute(3L)
				.maxWait(Duration.ZERO)
				.store(storeB)
				.build();
			http(a).execute(TestRequests.chat(), JsonNode.class);
			http(a).execute(TestRequests.chat(), JsonNode.class);
			http(b).execute(TestRequests.chat(), JsonNode.class);
			// three of three used, by two instances: the fourth waits, on either
			assertThatExceptionOfType(MistralRateLimitWaitException.class)
				.isThrownBy(() -> http(b).execute(TestRequests.chat(), JsonNode.class));
			assertThatExceptionOfType(MistralRateLimitWaitException.class)
				.isThrownBy(() -> http(a).execute(TestRequests.chat(), JsonNode.class));
			// another key is another budget
			http(other).execute(TestRequests.chat(), JsonNode.class);
			assertThat(a.mode()).isEqualTo("redis");
			assertThat(wireMock.requestCount()).isEqualTo(4);
		}
	}

	@Test
	void a429WithRetryAfterPausesEveryInstanceSharingTheBudget() throws Exception {
		wireMock.server()
			.stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(aResponse().withStatus(429)
				.withHeader("Content-Type", "application/json")
				.withHeader("Retry-After", "30")
				.withBody("{\"message\":\"Requests rate limit exceeded\"}")));
		String key = "pause-" + System.nanoTime();
		try (RedisPacingStore storeA = store(Duration.ofSeconds(5));
				RedisPacingStore storeB = store(Duration.ofSeconds(5))) {
			BucketRequestPacer a = BucketRequestPacer.builder()
				.key(key)
				.requestsPerMinute(10_000L)
				.maxWait(Duration.ZERO)
				.store(storeA)
				.build();
			BucketRequestPacer b = BucketRequestPacer.builder()
				.key(key)
				.requestsPerMinute(10_000L)
				.maxWait(Duration.ZERO)
				.store(storeB)
				.build();
			// b takes a permit first: the shared bucket exists and is nearly full
			b.acquire(TestRequests.chat(), new byte[0]).get(10, TimeUnit.SECONDS);
			assertThatExceptionOfType(MistralRateLimitException.class)
				.isThrownBy(() -> http(a).execute(TestRequests.chat(), JsonNode.class));
			// a's 429 asked for 30 s of rest: b, another instance with thousands of
			// permits left a moment ago, is refused as soon as the pause reaches Redis
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			Throwable refused = null;
			while (refused == null && System.nanoTime() < deadline) {
				try {
					b.acquire(TestRequests.chat(), new byte[0]).get(10, TimeUnit.SECONDS);
					Thread.sleep(50);
				}
				catch (ExecutionException ex) {
					refused = ex.getCause();
				}
			}
			assertThat(refused).isInstanceOf(MistralRateLimitWaitException.class);
			assertThat(b.granted()).isLessThan(250);
			assertThat(wireMock.requestCount()).isEqualTo(1);
		}
	}

	@Test
	void aPermitReservedBeforeRedisWentAwayDoesNotSwitchBackToRedisWhenItsWaitEnds() throws Exception {
		try (RedisPacingStore store = store(Duration.ofSeconds(60))) {
			// one permit at once, then one every 5 s
			PacingBucket bucket = store.bucket("reserved-" + System.nanoTime(),
					BucketConfiguration.builder()
						.addLimit(Bandwidth.builder().capacity(1).refillGreedy(12, Duration.ofMinutes(1)).build())
						.build());
			long maxWait = TimeUnit.SECONDS.toNanos(30);
			assertThat(bucket.take(1, maxWait, BucketRequestPacer.Timer.INSTANCE).get(10, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Boolean> reserved = bucket.take(1, maxWait, BucketRequestPacer.Timer.INSTANCE);
			// the reservation is in Redis once the bucket is in debt
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (bucket.available().get(10, TimeUnit.SECONDS) >= 0 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(reserved).isNotDone();
			redis.stop();
			try {
				bucket.available().get(10, TimeUnit.SECONDS);
				assertThat(store.mode()).isEqualTo("local-fallback");
				// the permit reserved before the outage is granted after its wait...
				assertThat(reserved.get(30, TimeUnit.SECONDS)).isTrue();
				// ...and says nothing of Redis now
				assertThat(store.mode()).isEqualTo("local-fallback");
			}
			finally {
				redis.start();
			}
		}
	}

	@Test
	void fallsBackToALocalBucketWhileRedisIsDownAndRecovers() throws Exception {
		String key = "fallback-" + System.nanoTime();
		try (RedisPacingStore store = store(Duration.ofMillis(200))) {
			BucketRequestPacer pacer = BucketRequestPacer.builder()
				.key(key)
				.requestsPerMinute(1000L)
				.maxWait(Duration.ofSeconds(5))
				.store(store)
				.build();
			MistralHttp http = http(pacer);
			http.execute(TestRequests.chat(), JsonNode.class);
			assertThat(store.mode()).isEqualTo("redis");
			redis.stop();
			try {
				for (int i = 0; i < 5; i++) {
					http.execute(TestRequests.chat(), JsonNode.class);
				}
				assertThat(store.mode()).isEqualTo("local-fallback");
				assertThat(pacer.mode()).isEqualTo("local-fallback");
				assertThat(store.fallbacks()).isEqualTo(1);
				List<ILoggingEvent> warnings = warnings();
				assertThat(warnings).hasSize(1);
				assertThat(warnings.get(0).getFormattedMessage()).contains("unreachable")
					.contains("bucket in this JVM")
					.doesNotContain("s3cret")
					.doesNotContain("redis://");
			}
			finally {
				redis.start();
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (!store.mode().equals("redis") && System.nanoTime() < deadline) {
				http.execute(TestRequests.chat(), JsonNode.class);
				Thread.sleep(50);
			}
			assertThat(store.mode()).isEqualTo("redis");
			assertThat(warnings()).hasSize(1);
			assertThat(pacer.denied()).isZero();
		}
	}

	@Test
	void reconnectsAtLeastOnceEveryRecoveryIntervalAfterALongOutage() throws Exception {
		Duration recovery = Duration.ofMillis(300);
		try (RedisPacingStore store = store(recovery)) {
			List<Duration> delays = new CopyOnWriteArrayList<>();
			Disposable attempts = store.client()
				.getResources()
				.eventBus()
				.get()
				.ofType(ReconnectAttemptEvent.class)
				.subscribe((attempt) -> delays.add(attempt.getDelay()));
			try {
				PacingBucket bucket = store.bucket("reconnect-" + System.nanoTime(), BucketConfiguration.builder()
					.addLimit(Bandwidth.builder().capacity(1000).refillGreedy(1000, Duration.ofMinutes(1)).build())
					.build());
				bucket.available().get(10, TimeUnit.SECONDS);
				assertThat(store.mode()).isEqualTo("redis");
				redis.stop();
				try {
					// long enough for Lettuce's default backoff (1 ms, doubled per
					// attempt,
					// up to 30 s) to wait seconds between two attempts
					long outageEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
					while (System.nanoTime() < outageEnd) {
						bucket.available().get(10, TimeUnit.SECONDS);
						Thread.sleep(100);
					}
					assertThat(store.mode()).isEqualTo("local-fallback");
				}
				finally {
					redis.start();
				}
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
				while (!store.mode().equals("redis") && System.nanoTime() < deadline) {
					bucket.available().get(10, TimeUnit.SECONDS);
					Thread.sleep(50);
				}
				assertThat(store.mode()).isEqualTo("redis");
				// Lettuce tried again during the outage, never waiting longer than the
				// recovery interval between two attempts
				assertThat(delays).hasSizeGreaterThan(1)
					.allSatisfy((delay) -> assertThat(delay).isLessThanOrEqualTo(recovery));
			}
			finally {
				attempts.dispose();
			}
		}
	}

}
