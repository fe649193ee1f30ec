package dev.mistralboot.autoconfigure.health;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.mistralboot.client.core.ObservationFixtures;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The {@code mistral} component of {@code /actuator/health} in a running servlet
 * application, against WireMock: UP and every DOWN reason (the cache is off here, see the
 * reactive test for it).
 */
@SpringBootTest(classes = MistralHealthEndpointTests.Application.class,
		properties = { "mistral.api-key=test-key-abc", "mistral.health.cache-ttl=0s", "mistral.health.timeout=500ms",
				"management.endpoint.health.show-details=always" })
@AutoConfigureMockMvc
class MistralHealthEndpointTests {

	@RegisterExtension
	static final MistralWireMock mistral = new MistralWireMock();

	@Autowired
	private MockMvc mvc;

	@DynamicPropertySource
	static void baseUrl(DynamicPropertyRegistry registry) {
		registry.add("mistral.base-url", mistral::baseUrl);
	}

	@Test
	void upWithHostResponseTimeAndModelCount() throws Exception {
		mistral.server()
			.stubFor(get("/v1/models").willReturn(ObservationFixtures.json(200, ObservationFixtures.MODELS)));

		String body = health(200).andExpect(jsonPath("$.components.mistral.status").value("UP"))
			.andExpect(jsonPath("$.components.mistral.details.host").value("127.0.0.1:" + mistral.server().port()))
			.andExpect(jsonPath("$.components.mistral.details.models").value(3))
			.andExpect(jsonPath("$.components.mistral.details.responseTime").value(endsWith("ms")))
			.andExpect(jsonPath("$.components.mistral.details.correlationId")
				.value("0197f3c4-8d2a-7c1b-9e4f-5a6b7c8d9e0f"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("test-key-abc");
	}

	@Test
	void downForARejectedKey() throws Exception {
		mistral.server()
			.stubFor(get("/v1/models").willReturn(ObservationFixtures.json(401, ObservationFixtures.UNAUTHORIZED)));

		String body = health(503).andExpect(jsonPath("$.components.mistral.status").value("DOWN"))
			.andExpect(jsonPath("$.components.mistral.details.status").value(401))
			.andExpect(jsonPath("$.components.mistral.details.reason")
				.value("The API key was rejected (401): check mistral.api-key or MISTRAL_API_KEY"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("test-key-abc").doesNotContain("Bearer");
	}

	@Test
	void downWithoutCredit() throws Exception {
		mistral.server()
			.stubFor(get("/v1/models").willReturn(ObservationFixtures.json(402, ObservationFixtures.PAYMENT_REQUIRED)));

		health(503).andExpect(jsonPath("$.components.mistral.status").value("DOWN"))
			.andExpect(jsonPath("$.components.mistral.details.status").value(402))
			.andExpect(jsonPath("$.components.mistral.details.reason")
				.value("No active subscription or credit (402): check the workspace's billing"));
	}

	@Test
	void upAndRateLimitedWhenThrottledWithoutRetrying() throws Exception {
		mistral.server()
			.stubFor(get("/v1/models").willReturn(
					ObservationFixtures.json(429, ObservationFixtures.RATE_LIMITED).withHeader("Retry-After", "1")));

		// the key works and the API answers: a burst must not turn the application's
		// health into a 503
		health(200).andExpect(jsonPath("$.components.mistral.status").value("UP"))
			.andExpect(jsonPath("$.components.mistral.details.rateLimited").value(true))
			.andExpect(jsonPath("$.components.mistral.details.status").value(429))
			.andExpect(jsonPath("$.components.mistral.details.retryAfter").value("1000ms"));
		assertThat(mistral.server().getAllServeEvents()).hasSize(1);
	}

	@Test
	void downAfterTheHealthTimeout() throws Exception {
		mistral.server()
			.stubFor(get("/v1/models")
				.willReturn(ObservationFixtures.json(200, ObservationFixtures.MODELS).withFixedDelay(5000)));

		// DOWN with this reason, not UP after the 5 s answer, proves the 0.5 s timeout
		health(503).andExpect(jsonPath("$.components.mistral.status").value("DOWN"))
			.andExpect(jsonPath("$.components.mistral.details.reason").value(
					"No answer from 127.0.0.1:" + mistral.server().port() + " within PT0.5S (mistral.health.timeout)"));
	}

	@Test
	void downWhenTheConnectionBreaks() throws Exception {
		mistral.server().stubFor(get("/v1/models").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		health(503).andExpect(jsonPath("$.components.mistral.status").value("DOWN"))
			.andExpect(jsonPath("$.components.mistral.details.reason")
				.value("The connection to 127.0.0.1:" + mistral.server().port() + " failed before an answer arrived"));
	}

	private org.springframework.test.web.servlet.ResultActions health(int expectedStatus) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.get("/actuator/health")).andExpect(status().is(expectedStatus));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
