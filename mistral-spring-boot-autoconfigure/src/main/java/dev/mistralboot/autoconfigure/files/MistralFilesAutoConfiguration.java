package dev.mistralboot.autoconfigure.files;

import dev.mistralboot.autoconfigure.ConditionalOnMistralFamily;
import dev.mistralboot.autoconfigure.ConditionalOnReactiveMistralHttp;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.files.MistralFilesClient;
import dev.mistralboot.client.files.ReactiveMistralFilesClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures {@link MistralFilesClient} and, with WebFlux,
 * {@link ReactiveMistralFilesClient}. Disable both with
 * {@code mistral.files.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralFilesClient.class)
@ConditionalOnMistralFamily("files")
@EnableConfigurationProperties(MistralFilesProperties.class)
@Lazy
public final class MistralFilesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MistralFilesClient mistralFilesClient(MistralHttp mistralHttp) {
		return new MistralFilesClient(mistralHttp);
	}

	/**
	 * The reactive files client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnReactiveMistralHttp
	@Lazy
	static class ReactiveFilesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMistralFilesClient reactiveMistralFilesClient(ReactiveMistralHttp reactiveMistralHttp) {
			return new ReactiveMistralFilesClient(reactiveMistralHttp);
		}

	}

}
