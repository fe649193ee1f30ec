package dev.mistralboot.autoconfigure.finetuning;

import java.time.Duration;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.finetuning.MistralFineTuningClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MistralFineTuningAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=sk-test");

	@Test
	void createsTheClientWithTheDefaultPolling() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MistralFineTuningClient.class);
			JobPoller poller = context.getBean(MistralFineTuningClient.class).poller();
			assertThat(poller.interval()).isEqualTo(Duration.ofSeconds(10));
			assertThat(poller.timeout()).isEqualTo(Duration.ofHours(24));
		});
	}

	@Test
	void pollsAsConfigured() {
		this.runner.withPropertyValues("mistral.fine-tuning.poll-interval=2s", "mistral.fine-tuning.poll-timeout=30m")
			.run((context) -> {
				JobPoller poller = context.getBean(MistralFineTuningClient.class).poller();
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
		this.runner.withBean(UsesFineTuning.class)
			.withPropertyValues("mistral.fine-tuning.poll-interval=0s")
			.run((context) -> assertThat(context).getFailure()
				.hasRootCauseInstanceOf(IllegalArgumentException.class)
				.rootCause()
				.hasMessageContaining("poll interval must be positive"));
		this.runner.withBean(UsesFineTuning.class)
			.withPropertyValues("mistral.fine-tuning.poll-timeout=-1s")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining(
						"set mistral.fine-tuning.poll-interval and mistral.fine-tuning.poll-timeout to positive durations"));
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("mistral.fine-tuning.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MistralFineTuningClient.class)
				.hasSingleBean(MistralHttp.class));
	}

	@Test
	void backsOffForTheApplicationsOwnClient() {
		MistralFineTuningClient own = new MistralFineTuningClient(MistralHttp.builder().apiKey("sk-own").build());
		this.runner.withBean(MistralFineTuningClient.class, () -> own)
			.run((context) -> assertThat(context).getBean(MistralFineTuningClient.class).isSameAs(own));
	}

	/**
	 * An application bean that uses the fine-tuning client.
	 *
	 * @param client the client
	 */
	record UsesFineTuning(MistralFineTuningClient client) {
	}

}
