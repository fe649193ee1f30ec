package dev.mistralboot.autoconfigure.models;

import dev.mistralboot.autoconfigure.ConditionalOnMistralFamily;
import dev.mistralboot.autoconfigure.ConditionalOnReactiveMistralHttp;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.models.MistralModelsClient;
import dev.mistralboot.client.models.ReactiveMistralModelsClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures {@link MistralModelsClient} and, with WebFlux,
 * {@link ReactiveMistralModelsClient}. Disable both with
 * {@code mistral.models.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralModelsClient.class)
@ConditionalOnMistralFamily("models")
@EnableConfigurationProperties(MistralModelsProperties.class)
@Lazy
public final class MistralModelsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MistralModelsClient mistralModelsClient(MistralHttp mistralHttp) {
		return new MistralModelsClient(mistralHttp);
	}

	/**
	 * The reactive models client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnReactiveMistralHttp
	@Lazy
	static class ReactiveModelsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMistralModelsClient reactiveMistralModelsClient(ReactiveMistralHttp reactiveMistralHttp) {
			return new ReactiveMistralModelsClient(reactiveMistralHttp);
		}

	}

}
