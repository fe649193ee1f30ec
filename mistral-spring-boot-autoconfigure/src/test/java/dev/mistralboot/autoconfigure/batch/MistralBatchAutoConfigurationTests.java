package dev.mistralboot.autoconfigure.batch;

import java.time.Duration;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.client.batch.MistralBatchClient;
import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MistralBatchAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=sk-test");

	@Test
	void createsTheClientWithTheDefaultPolling() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MistralBatchClient.class);
			JobPoller poller = context.getBean(MistralBatchClient.class).poller();
			assertThat(poller.interval()).isEqualTo(Duration.ofSeconds(10));
			assertThat(poller.timeout()).isEqualTo(Duration.ofHours(168));
		});
	}

	@Test
	void pollsAsConfigured() {
		this.runner.withPropertyValues("mistral.batch.poll-interval=2s", "mistral.batch.poll-timeout=30m")
			.run((context) -> {
				JobPoller poller = context.getBean(MistralBatchClient.class).poller();
				assertThat(poller.interval()).isEqualTo(Duration.ofSeconds(2));
				assertThat(poller.timeout()).isEqualTo(Duration.ofMinutes(30));
			});
	}

	/**
	 * A family is created, and its settings checked, when the application first uses it:
	 * here, at start-up.
	 */
	@Test
	void rejectsAPollIntervalThatIsNotPositive() {
		this.runner.withBean(UsesBatch.class)
			.withPropertyValues("mistral.batch.poll-interval=0s")
			.run((context) -> assertThat(context).getFailure()
				.hasRootCauseInstanceOf(IllegalArgumentException.class)
				.rootCause()
				.hasMessageContaining("poll interval must be positive"));
		this.runner.withBean(UsesBatch.class)
			.withPropertyValues("mistral.batch.poll-timeout=-1s")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining(
						"set mistral.batch.poll-interval and mistral.batch.poll-timeout to positive durations"));
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("mistral.batch.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MistralBatchClient.class)
				.hasSingleBean(MistralHttp.class));
	}

	@Test
	void backsOffForTheApplicationsOwnClient() {
		MistralBatchClient own = new MistralBatchClient(MistralHttp.builder().apiKey("sk-own").build());
		this.runner.withBean(MistralBatchClient.class, () -> own)
			.run((context) -> assertThat(context).getBean(MistralBatchClient.class).isSameAs(own));
	}

	/**
	 * An application bean that uses the batch client.
	 *
	 * @param client the client
	 */
	record UsesBatch(MistralBatchClient client) {
	}

}
