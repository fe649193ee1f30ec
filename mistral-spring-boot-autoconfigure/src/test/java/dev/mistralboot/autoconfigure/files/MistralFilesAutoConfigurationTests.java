package dev.mistralboot.autoconfigure.files;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.files.MistralFilesClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MistralFilesAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=sk-test");

	@Test
	void createsTheClientOnTheSharedCore() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MistralFilesClient.class).hasSingleBean(MistralHttp.class);
			assertThat(context.getBean(MistralFilesProperties.class).isEnabled()).isTrue();
		});
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("mistral.files.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MistralFilesClient.class)
				.hasSingleBean(MistralHttp.class));
	}

	@Test
	void backsOffForTheApplicationsOwnClient() {
		MistralFilesClient own = new MistralFilesClient(MistralHttp.builder().apiKey("sk-own").build());
		this.runner.withBean(MistralFilesClient.class, () -> own)
			.run((context) -> assertThat(context).getBean(MistralFilesClient.class).isSameAs(own));
	}

	@Test
	void buildsOnTheApplicationsOwnCoreWhateverItsBeanName() {
		MistralHttp own = MistralHttp.builder().apiKey("sk-own").build();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MistralClientsAutoConfiguration.class))
			.withBean("myMistral", MistralHttp.class, () -> own)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(MistralFilesClient.class)
				.getBean(MistralFilesClient.class)
				.isNotNull());
	}

	@Test
	void needsTheCore() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MistralClientsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MistralFilesClient.class));
	}

}
