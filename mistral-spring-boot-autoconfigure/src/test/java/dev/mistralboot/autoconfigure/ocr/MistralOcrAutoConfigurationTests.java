package dev.mistralboot.autoconfigure.ocr;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.ocr.MistralOcrClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class MistralOcrAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=test-key");

	@Test
	void createsTheClients() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MistralOcrClient.class);
			assertThat(context.getBean(MistralOcrClient.class).defaults().model()).isEqualTo("mistral-ocr-latest");
		});
	}

	@Test
	void modelIsConfigurable() {
		this.runner.withPropertyValues("mistral.ocr.model=mistral-ocr-2505")
			.run((context) -> assertThat(context.getBean(MistralOcrClient.class).defaults().model())
				.isEqualTo("mistral-ocr-2505"));
	}

	@Test
	void disabledByProperty() {
		this.runner.withPropertyValues("mistral.ocr.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MistralOcrClient.class)
				.hasSingleBean(MistralHttp.class));
	}

	@Test
	void userBeanWins() {
		MistralOcrClient mine = new MistralOcrClient(MistralHttp.builder().build());
		this.runner.withBean(MistralOcrClient.class, () -> mine)
			.run((context) -> assertThat(context.getBean(MistralOcrClient.class)).isSameAs(mine));
	}

	@Test
	void worksWithoutWebFlux() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasSingleBean(MistralOcrClient.class));
	}

}
