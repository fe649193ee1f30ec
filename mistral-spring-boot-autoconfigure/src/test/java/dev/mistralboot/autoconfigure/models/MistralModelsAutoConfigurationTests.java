package dev.mistralboot.autoconfigure.models;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.models.MistralModelsClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MistralModelsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=sk-test");

	@Test
	void createsTheClientOnTheSharedCore() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MistralModelsClient.class).hasSingleBean(MistralHttp.class);
			assertThat(context.getBean(MistralModelsProperties.class).isEnabled()).isTrue();
		});
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("mistral.models.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MistralModelsClient.class)
				.hasSingleBean(MistralHttp.class));
	}

	@Test
	void backsOffForTheApplicationsOwnClient() {
		MistralModelsClient own = new MistralModelsClient(MistralHttp.builder().apiKey("sk-own").build());
		this.runner.withBean(MistralModelsClient.class, () -> own)
			.run((context) -> assertThat(context).getBean(MistralModelsClient.class).isSameAs(own));
	}

	@Test
	void needsTheCore() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MistralClientsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MistralModelsClient.class));
	}

}
