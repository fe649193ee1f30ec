package dev.mistralboot.autoconfigure.agents;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.client.agents.MistralAgentsClient;
import dev.mistralboot.client.agents.ReactiveMistralAgentsClient;
import dev.mistralboot.client.core.MistralHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class MistralAgentsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=test-key");

	@Test
	void createsTheClients() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(MistralAgentsClient.class)
			.hasSingleBean(ReactiveMistralAgentsClient.class));
	}

	@Test
	void disabledByProperty() {
		this.runner.withPropertyValues("mistral.agents.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MistralAgentsClient.class)
				.doesNotHaveBean(ReactiveMistralAgentsClient.class)
				.hasSingleBean(MistralHttp.class));
	}

	@Test
	void userBeanWins() {
		MistralAgentsClient mine = new MistralAgentsClient(MistralHttp.builder().build());
		this.runner.withBean(MistralAgentsClient.class, () -> mine)
			.run((context) -> assertThat(context.getBean(MistralAgentsClient.class)).isSameAs(mine));
	}

	@Test
	void reactiveClientAbsentWithoutWebFlux() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasSingleBean(MistralAgentsClient.class)
				.doesNotHaveBean(ReactiveMistralAgentsClient.class));
	}

}
