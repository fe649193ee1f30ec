package dev.mistralboot.autoconfigure.health;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ObservationFixtures;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.contract.WireMockContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two health checks at once both reach the API: the indicator holds no lock across the
 * network call. The server answers only once both requests have arrived (latches, no
 * timing): with a lock, the second check could not start and the first would wait in
 * vain.
 */
class MistralHealthIndicatorConcurrencyTests {

	private final CountDownLatch arrived = new CountDownLatch(2);

	private final WireMockServer server = new WireMockServer(
			options().bindAddress("127.0.0.1").dynamicPort().extensions(new BothArrive(this.arrived)));

	@AfterEach
	void stop() {
		try {
			WireMockContract.assertAllRequestsConform(this.server);
		}
		finally {
			this.server.stop();
		}
	}

	@Test
	void concurrentChecksDoNotSerializeOnALockHeldAcrossTheCall() throws Exception {
		this.server.start();
		this.server.stubFor(get("/v1/models").willReturn(ObservationFixtures.json(200, ObservationFixtures.MODELS)));
		MistralHttp http = MistralHttp.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey("test-key")
			.retryPolicy(RetryPolicy.NONE)
			.responseTimeout(Duration.ofSeconds(60))
			.build();
		MistralHealthIndicator indicator = new MistralHealthIndicator(http, Duration.ofSeconds(60), Duration.ZERO);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			Future<Health> first = executor.submit(() -> indicator.health());
			Future<Health> second = executor.submit(() -> indicator.health());
			assertThat(this.arrived.await(30, TimeUnit.SECONDS)).as("both checks reached the API at once").isTrue();
			assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.UP);
			assertThat(second.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.UP);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.server.getAllServeEvents()).hasSize(2);
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
