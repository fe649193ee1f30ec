package dev.mistralboot.autoconfigure.health;

import java.io.IOException;
import java.net.ServerSocket;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.core.ObservationFixtures;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the health indicator is created, and the blocking indicator's cache and connection
 * failures.
 */
class MistralHealthContributorAutoConfigurationTests {

	@RegisterExtension
	static final MistralWireMock mistral = new MistralWireMock();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MistralAutoConfiguration.class, MistralHealthContributorAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=test-key-abc");

	@Test
	void createsTheBlockingIndicatorByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(MistralHealthIndicator.class)
			.doesNotHaveBean(MistralReactiveHealthIndicator.class)
			.hasBean("mistralHealthIndicator"));
	}

	@Test
	void createsTheReactiveIndicatorInAReactiveApplication() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class,
					MistralHealthContributorAutoConfiguration.class))
			.withPropertyValues("mistral.api-key=test-key-abc")
			.run((context) -> assertThat(context).hasSingleBean(MistralReactiveHealthIndicator.class)
				.doesNotHaveBean(MistralHealthIndicator.class));
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("management.health.mistral.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("mistralHealthIndicator"));
	}

	@Test
	void backsOffWithoutActuatorHealth() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean("mistralHealthIndicator"));
	}

	@Test
	void rejectsANonPositiveTimeout() {
		this.runner.withPropertyValues("mistral.health.timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("mistral.health.timeout must be positive, was PT0S"));
	}

	@Test
	void anUnreachableHostIsDown() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		this.runner.withPropertyValues("mistral.base-url=http://127.0.0.1:" + closedPort).run((context) -> {
			Health health = context.getBean(MistralHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("host", "127.0.0.1:" + closedPort)
				.containsEntry("reason", "Cannot reach 127.0.0.1:" + closedPort
						+ ": check mistral.base-url, DNS, proxies and the network");
			assertThat(health.toString()).doesNotContain("test-key-abc");
		});
	}

	@Test
	void theBlockingIndicatorReusesAResultForTheCacheTtl() {
		mistral.server()
			.stubFor(get("/v1/models").willReturn(ObservationFixtures.json(200, ObservationFixtures.MODELS)));
		this.runner.withPropertyValues("mistral.base-url=" + mistral.baseUrl(), "mistral.health.cache-ttl=1h")
			.run((context) -> {
				MistralHealthIndicator indicator = context.getBean(MistralHealthIndicator.class);
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				mistral.server()
					.stubFor(get("/v1/models")
						.willReturn(ObservationFixtures.json(401, ObservationFixtures.UNAUTHORIZED)));
				Health second = indicator.health();
				assertThat(second.getStatus()).isEqualTo(Status.UP);
				assertThat(second.getDetails()).containsEntry("models", 3);
				mistral.server().verify(1, getRequestedFor(urlEqualTo("/v1/models")));
			});
	}

}
