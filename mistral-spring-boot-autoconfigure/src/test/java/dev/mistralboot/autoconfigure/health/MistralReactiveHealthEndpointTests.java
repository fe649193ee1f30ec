package dev.mistralboot.autoconfigure.health;

import dev.mistralboot.client.core.ObservationFixtures;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code mistral} component of {@code /actuator/health} in a running reactive
 * application, against WireMock: the reactive indicator, and the cache that spares the
 * API frequent probes.
 */
@SpringBootTest(classes = MistralReactiveHealthEndpointTests.Application.class,
		properties = { "spring.main.web-application-type=reactive", "mistral.api-key=test-key-abc",
				"mistral.health.cache-ttl=1h", "management.endpoint.health.show-details=always" })
@AutoConfigureWebTestClient
class MistralReactiveHealthEndpointTests {

	@RegisterExtension
	static final MistralWireMock mistral = new MistralWireMock();

	@Autowired
	private WebTestClient client;

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void baseUrl(DynamicPropertyRegistry registry) {
		registry.add("mistral.base-url", mistral::baseUrl);
	}

	@Test
	void upThenServedFromTheCacheWithoutCallingTheApiAgain() {
		assertThat(this.context.getBean("mistralHealthIndicator")).isInstanceOf(MistralReactiveHealthIndicator.class);
		mistral.server()
			.stubFor(get("/v1/models").willReturn(ObservationFixtures.json(200, ObservationFixtures.MODELS)));

		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.mistral.status")
			.isEqualTo("UP")
			.jsonPath("$.components.mistral.details.models")
			.isEqualTo(3)
			.jsonPath("$.components.mistral.details.host")
			.isEqualTo("127.0.0.1:" + mistral.server().port());

		// the key is revoked, but the next probes within the cache TTL do not ask the API
		mistral.server()
			.stubFor(get("/v1/models").willReturn(ObservationFixtures.json(401, ObservationFixtures.UNAUTHORIZED)));
		for (int i = 0; i < 3; i++) {
			this.client.get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.components.mistral.status")
				.isEqualTo("UP");
		}
		mistral.server().verify(1, getRequestedFor(urlEqualTo("/v1/models")));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
