package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.client.test.RedisServer;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
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
				List<ILoggingEvent> warnings = this.logs.list.stream()
					.filter((event) -> event.getLevel() == Level.WARN)
					.toList();
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
			assertThat(this.logs.list.stream().filter((event) -> event.getLevel() == Level.WARN)).hasSize(1);
			assertThat(pacer.denied()).isZero();
		}
	}

}
