package dev.mistralboot.autoconfigure.libraries;

import java.time.Duration;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.autoconfigure.observation.MistralObservationAutoConfiguration;
import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.libraries.MistralLibrariesClient;
import dev.mistralboot.client.libraries.ReactiveMistralLibrariesClient;
import dev.mistralboot.client.test.MistralWireMock;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-configuration of the document libraries clients: beans,
 * {@code mistral.libraries.*} settings, and one observation per operation.
 */
class MistralLibrariesAutoConfigurationTests {

	private static final String LIBRARY_ID = "0197a2f5-3c4d-7e8f-9a0b-1c2d3e4f5a6b";

	private static final String DOCUMENT_ID = "0197a2f6-1111-7222-8333-444455556666";

	@RegisterExtension
	static final MistralWireMock mistral = new MistralWireMock();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=sk-test");

	@Test
	void createsBothClientsWithTheDefaultPolling() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MistralLibrariesClient.class)
				.hasSingleBean(ReactiveMistralLibrariesClient.class);
			JobPoller poller = context.getBean(MistralLibrariesClient.class).poller();
			assertThat(poller.interval()).isEqualTo(MistralLibrariesClient.DEFAULT_POLL_INTERVAL)
				.isEqualTo(Duration.ofSeconds(2));
			assertThat(poller.timeout()).isEqualTo(MistralLibrariesClient.DEFAULT_POLL_TIMEOUT)
				.isEqualTo(Duration.ofMinutes(30));
		});
	}

	@Test
	void pollsAsConfigured() {
		this.runner.withPropertyValues("mistral.libraries.poll-interval=5s", "mistral.libraries.poll-timeout=2h")
			.run((context) -> {
				JobPoller poller = context.getBean(MistralLibrariesClient.class).poller();
				assertThat(poller.interval()).isEqualTo(Duration.ofSeconds(5));
				assertThat(poller.timeout()).isEqualTo(Duration.ofHours(2));
				ReactiveJobPoller reactive = context.getBean(ReactiveMistralLibrariesClient.class).poller();
				assertThat(reactive.interval()).isEqualTo(Duration.ofSeconds(5));
				assertThat(reactive.timeout()).isEqualTo(Duration.ofHours(2));
			});
	}

	/**
	 * A family is created, and its settings checked, when the application first uses it:
	 * here, at start-up.
	 */
	@Test
	void rejectsAPollTimeoutThatIsNotPositive() {
		this.runner.withBean(UsesLibraries.class)
			.withPropertyValues("mistral.libraries.poll-timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining(
						"set mistral.libraries.poll-interval and mistral.libraries.poll-timeout to positive durations"));
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("mistral.libraries.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MistralLibrariesClient.class)
				.doesNotHaveBean(ReactiveMistralLibrariesClient.class)
				.hasSingleBean(MistralHttp.class));
	}

	@Test
	void backsOffForTheApplicationsOwnClient() {
		MistralLibrariesClient own = new MistralLibrariesClient(MistralHttp.builder().apiKey("sk-own").build());
		this.runner.withBean(MistralLibrariesClient.class, () -> own)
			.run((context) -> assertThat(context).getBean(MistralLibrariesClient.class).isSameAs(own));
	}

	@Test
	void eachOperationIsObservedUnderItsName() {
		mistral.server()
			.stubFor(get(urlEqualTo("/v1/libraries/" + LIBRARY_ID + "/documents/" + DOCUMENT_ID + "/status"))
				.willReturn(okJson("{\"document_id\":\"" + DOCUMENT_ID
						+ "\",\"process_status\":\"done\",\"processing_status\":\"done\"}")));
		mistral.server()
			.stubFor(post(urlEqualTo("/v1/libraries/" + LIBRARY_ID + "/documents/" + DOCUMENT_ID + "/reprocess"))
				.willReturn(aResponse().withStatus(204)));
		this.runner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					MistralObservationAutoConfiguration.class))
			.withUserConfiguration(TestRegistryConfiguration.class)
			.withPropertyValues("mistral.base-url=" + mistral.baseUrl())
			.run((context) -> {
				MistralLibrariesClient libraries = context.getBean(MistralLibrariesClient.class);
				libraries.reprocessDocument(LIBRARY_ID, DOCUMENT_ID);
				libraries.waitForDocumentProcessing(LIBRARY_ID, DOCUMENT_ID, (status) -> {
				});

				TestObservationRegistry observations = context.getBean(TestObservationRegistry.class);
				observations.assertThat()
					.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 2)
					.hasAnObservation((observation) -> observation
						.hasLowCardinalityKeyValue("gen_ai.operation.name", "libraries.documents.reprocess")
						.hasLowCardinalityKeyValue("error.type", "none"))
					.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("gen_ai.operation.name",
							"libraries.documents.status"));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class TestRegistryConfiguration {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

	/**
	 * An application bean that uses the libraries client.
	 *
	 * @param client the client
	 */
	record UsesLibraries(MistralLibrariesClient client) {
	}

}
