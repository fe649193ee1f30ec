package dev.mistralboot.client.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many calls at once: 200 concurrent reactive streams run on a handful of event-loop
 * threads (no thread, nor timer task, per stream or per chunk), and 200 blocking callers
 * on the default client complete, with the threads the client started for them printed
 * (see docs/benchmarks.md).
 */
class ConcurrencyTests {

	private static final int CALLS = 200;

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	@Test
	void twoHundredReactiveStreamsShareAFewEventLoopThreads() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "text/event-stream")
				.withBody(Fixtures.text("chat-text.sse"))));
		ReactiveMistralHttp http = ReactiveMistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey("concurrency-key")
			.streamIdleTimeout(Duration.ofSeconds(30))
			.build();
		http.stream(TestRequests.chatStream(), JsonNode.class).blockLast(Duration.ofSeconds(30));
		Set<String> delivering = ConcurrentHashMap.newKeySet();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long startedBefore = threads.getTotalStartedThreadCount();
		List<Long> chunks = Flux.range(0, CALLS)
			.flatMap((i) -> http.stream(TestRequests.chatStream(), JsonNode.class)
				.doOnNext((chunk) -> delivering.add(Thread.currentThread().getName()))
				.count(), CALLS)
			.collectList()
			.block(Duration.ofSeconds(60));
		long started = threads.getTotalStartedThreadCount() - startedBefore;
		assertThat(chunks).hasSize(CALLS).containsOnly(4L);
		int loops = Math.max(4, Runtime.getRuntime().availableProcessors());
		assertThat(delivering).as("threads that delivered chunks").hasSizeLessThanOrEqualTo(loops);
		assertThat(started).as("threads started for %s streams", CALLS).isLessThan(CALLS / 4);
		assertThat(wireMock.requestCount()).isEqualTo(CALLS + 1);
	}

	@Test
	void twoHundredBlockingCallersOnTheDefaultClient() throws Exception {
		wireMock.server()
			.stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(Fixtures.text("chat-response.json"))));
		MistralHttp http = MistralHttp.builder().baseUrl(wireMock.baseUrl()).apiKey("concurrency-key").build();
		http.execute(TestRequests.chat(), JsonNode.class);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long startedBefore = threads.getTotalStartedThreadCount();
		CountDownLatch go = new CountDownLatch(1);
		AtomicInteger answered = new AtomicInteger();
		Thread[] callers = new Thread[CALLS];
		for (int i = 0; i < CALLS; i++) {
			callers[i] = new Thread(() -> {
				try {
					go.await();
					JsonNode body = http.execute(TestRequests.chat(), JsonNode.class).body();
					if (body.path("choices").isArray()) {
						answered.incrementAndGet();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			callers[i].start();
		}
		go.countDown();
		for (Thread caller : callers) {
			caller.join(60_000);
		}
		long started = threads.getTotalStartedThreadCount() - startedBefore - CALLS;
		System.out
			.println("Threads the default client started for " + CALLS + " concurrent blocking calls: " + started);
		assertThat(answered).hasValue(CALLS);
		assertThat(wireMock.requestCount()).isEqualTo(CALLS + 1);
	}

}
