package dev.mistralboot.autoconfigure.embeddings;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.embeddings.EmbeddingsDefaults;
import dev.mistralboot.client.embeddings.MistralEmbeddingsClient;
import dev.mistralboot.client.embeddings.ReactiveMistralEmbeddingsClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class MistralEmbeddingsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MistralAutoConfiguration.class, MistralEmbeddingsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=test-key");

	@Test
	void createsTheClients() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MistralEmbeddingsClient.class)
				.hasSingleBean(ReactiveMistralEmbeddingsClient.class);
			assertThat(context.getBean(MistralEmbeddingsClient.class).defaults())
				.isEqualTo(new EmbeddingsDefaults("mistral-embed", 128, 4, null));
		});
	}

	@Test
	void modelAndBatchingAreConfigurable() {
		this.runner
			.withPropertyValues("mistral.embeddings.model=codestral-embed", "mistral.embeddings.batch-size=16",
					"mistral.embeddings.concurrency=8", "mistral.embeddings.max-batch-characters=20000")
			.run((context) -> assertThat(context.getBean(MistralEmbeddingsClient.class).defaults())
				.isEqualTo(new EmbeddingsDefaults("codestral-embed", 16, 8, 20000)));
	}

	@Test
	void aBadBatchSizeFailsStartUpWithThePropertyName() {
		this.runner.withPropertyValues("mistral.embeddings.batch-size=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("mistral.embeddings.batch-size"));
	}

	@Test
	void disabledByProperty() {
		this.runner.withPropertyValues("mistral.embeddings.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MistralEmbeddingsClient.class)
				.doesNotHaveBean(ReactiveMistralEmbeddingsClient.class)
				.hasSingleBean(MistralHttp.class));
	}

	@Test
	void userBeanWins() {
		MistralEmbeddingsClient mine = new MistralEmbeddingsClient(MistralHttp.builder().build());
		this.runner.withBean(MistralEmbeddingsClient.class, () -> mine)
			.run((context) -> assertThat(context.getBean(MistralEmbeddingsClient.class)).isSameAs(mine));
	}

	@Test
	void reactiveClientAbsentWithoutWebFlux() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasSingleBean(MistralEmbeddingsClient.class)
				.doesNotHaveBean(ReactiveMistralEmbeddingsClient.class));
	}

}
