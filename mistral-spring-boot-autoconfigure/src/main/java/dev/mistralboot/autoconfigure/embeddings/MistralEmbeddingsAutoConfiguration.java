package dev.mistralboot.autoconfigure.embeddings;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.embeddings.EmbeddingsDefaults;
import dev.mistralboot.client.embeddings.MistralEmbeddingsClient;
import dev.mistralboot.client.embeddings.ReactiveMistralEmbeddingsClient;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configures {@link MistralEmbeddingsClient} and, with WebFlux,
 * {@link ReactiveMistralEmbeddingsClient}, with the default model and batching of
 * {@code mistral.embeddings.*}. Disable both with
 * {@code mistral.embeddings.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralEmbeddingsClient.class)
@ConditionalOnBooleanProperty(name = "mistral.embeddings.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MistralEmbeddingsProperties.class)
public final class MistralEmbeddingsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MistralHttp.class)
	MistralEmbeddingsClient mistralEmbeddingsClient(MistralHttp mistralHttp, MistralEmbeddingsProperties properties) {
		return new MistralEmbeddingsClient(mistralHttp, defaults(properties));
	}

	static EmbeddingsDefaults defaults(MistralEmbeddingsProperties properties) {
		return new EmbeddingsDefaults(properties.getModel(), properties.getBatchSize(), properties.getConcurrency(),
				properties.getMaxBatchCharacters());
	}

	/**
	 * The reactive embeddings client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, Flux.class })
	static class ReactiveEmbeddingsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(ReactiveMistralHttp.class)
		ReactiveMistralEmbeddingsClient reactiveMistralEmbeddingsClient(ReactiveMistralHttp reactiveMistralHttp,
				MistralEmbeddingsProperties properties) {
			return new ReactiveMistralEmbeddingsClient(reactiveMistralHttp, defaults(properties));
		}

	}

}
