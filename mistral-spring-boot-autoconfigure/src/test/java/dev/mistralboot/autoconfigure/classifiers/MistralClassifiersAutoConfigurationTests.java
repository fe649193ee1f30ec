package dev.mistralboot.autoconfigure.classifiers;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.client.classifiers.MistralClassifiersClient;
import dev.mistralboot.client.core.MistralHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class MistralClassifiersAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=test-key");

	@Test
	void createsTheClients() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MistralClassifiersClient.class);
			assertThat(context.getBean(MistralClassifiersClient.class).defaults().moderationModel())
				.isEqualTo("mistral-moderation-latest");
		});
	}

	@Test
	void moderationModelIsConfigurable() {
		this.runner.withPropertyValues("mistral.classifiers.moderation-model=mistral-moderation-2411")
			.run((context) -> assertThat(context.getBean(MistralClassifiersClient.class).defaults().moderationModel())
				.isEqualTo("mistral-moderation-2411"));
	}

	@Test
	void disabledByProperty() {
		this.runner.withPropertyValues("mistral.classifiers.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MistralClassifiersClient.class)
				.hasSingleBean(MistralHttp.class));
	}

	@Test
	void userBeanWins() {
		MistralClassifiersClient mine = new MistralClassifiersClient(MistralHttp.builder().build());
		this.runner.withBean(MistralClassifiersClient.class, () -> mine)
			.run((context) -> assertThat(context.getBean(MistralClassifiersClient.class)).isSameAs(mine));
	}

	@Test
	void worksWithoutWebFlux() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasSingleBean(MistralClassifiersClient.class));
	}

}
