package dev.mistralboot.autoconfigure.health;

import java.nio.charset.StandardCharsets;

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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive {@code mistral} health component when the API answers 429: UP with a
 * {@code rateLimited} detail, like the blocking one (the cache is off here, so that each
 * probe asks the API).
 */
@SpringBootTest(classes = MistralReactiveHealthRateLimitTests.Application.class,
		properties = { "spring.main.web-application-type=reactive", "mistral.api-key=test-key-abc",
				"mistral.health.cache-ttl=0s", "mistral.health.timeout=2s",
				"management.endpoint.health.show-details=always" })
@AutoConfigureWebTestClient
class MistralReactiveHealthRateLimitTests {

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
	void upAndRateLimitedWhenThrottledWithoutRetrying() {
		assertThat(this.context.getBean("mistralHealthIndicator")).isInstanceOf(MistralReactiveHealthIndicator.class);
		mistral.server()
			.stubFor(get("/v1/models").willReturn(
					ObservationFixtures.json(429, ObservationFixtures.RATE_LIMITED).withHeader("Retry-After", "1")));

		// the key works and the API answers: a burst must not turn the application's
		// health into a 503
		byte[] body = this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.mistral.status")
			.isEqualTo("UP")
			.jsonPath("$.components.mistral.details.rateLimited")
			.isEqualTo(true)
			.jsonPath("$.components.mistral.details.status")
			.isEqualTo(429)
			.jsonPath("$.components.mistral.details.retryAfter")
			.isEqualTo("1000ms")
			.jsonPath("$.components.mistral.details.host")
			.isEqualTo("127.0.0.1:" + mistral.server().port())
			.jsonPath("$.components.mistral.details.reason")
			.doesNotExist()
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull();
		assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("test-key-abc");
		// one probe, one request: the health check does not retry a 429
		assertThat(mistral.server().getAllServeEvents()).hasSize(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
