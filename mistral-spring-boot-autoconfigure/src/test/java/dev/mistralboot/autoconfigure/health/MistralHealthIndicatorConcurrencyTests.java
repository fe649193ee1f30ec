package dev.mistralboot.autoconfigure.health;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ObservationFixtures;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two health checks at once both reach the API: the indicator holds no lock across the
 * network call. The server answers only once both requests have arrived (latches, no
 * timing): with a lock, the second check could not start and the first would wait in
 * vain.
 */
class MistralHealthIndicatorConcurrencyTests {

	private static final CountDownLatch arrived = new CountDownLatch(2);

	@RegisterExtension
	static final MistralWireMock mistral = new MistralWireMock(new BothArrive(arrived));

	@Test
	void concurrentChecksDoNotSerializeOnALockHeldAcrossTheCall() throws Exception {
		mistral.server()
			.stubFor(get("/v1/models").willReturn(ObservationFixtures.json(200, ObservationFixtures.MODELS)));
		MistralHttp http = MistralHttp.builder()
			.baseUrl(mistral.baseUrl())
			.apiKey("test-key")
			.retryPolicy(RetryPolicy.NONE)
			.responseTimeout(Duration.ofSeconds(60))
			.build();
		MistralHealthIndicator indicator = new MistralHealthIndicator(http, Duration.ofSeconds(60), Duration.ZERO);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			Future<Health> first = executor.submit(() -> indicator.health());
			Future<Health> second = executor.submit(() -> indicator.health());
			assertThat(arrived.await(30, TimeUnit.SECONDS)).as("both checks reached the API at once").isTrue();
			assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.UP);
			assertThat(second.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.UP);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(mistral.server().getAllServeEvents()).hasSize(2);
	}

	/** Holds each answer until both requests have arrived (at most 30 s). */
	static final class BothArrive implements ResponseDefinitionTransformerV2 {

		private final CountDownLatch arrived;

		BothArrive(CountDownLatch arrived) {
			this.arrived = arrived;
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			this.arrived.countDown();
			try {
				this.arrived.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return serveEvent.getResponseDefinition();
		}

		@Override
		public String getName() {
			return "both-arrive";
		}

	}

}
