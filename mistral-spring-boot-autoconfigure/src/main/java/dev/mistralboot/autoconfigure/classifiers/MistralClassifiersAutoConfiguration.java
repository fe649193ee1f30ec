package dev.mistralboot.autoconfigure.classifiers;

import dev.mistralboot.autoconfigure.ConditionalOnMistralFamily;
import dev.mistralboot.autoconfigure.ConditionalOnReactiveMistralHttp;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.classifiers.ClassifiersDefaults;
import dev.mistralboot.client.classifiers.MistralClassifiersClient;
import dev.mistralboot.client.classifiers.ReactiveMistralClassifiersClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures {@link MistralClassifiersClient} and, with WebFlux,
 * {@link ReactiveMistralClassifiersClient} (moderations and classifications). Disable
 * with {@code mistral.classifiers.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralClassifiersClient.class)
@ConditionalOnMistralFamily("classifiers")
@EnableConfigurationProperties(MistralClassifiersProperties.class)
@Lazy
public final class MistralClassifiersAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MistralClassifiersClient mistralClassifiersClient(MistralHttp mistralHttp,
			MistralClassifiersProperties properties) {
		return new MistralClassifiersClient(mistralHttp, new ClassifiersDefaults(properties.getModerationModel()));
	}

	/**
	 * The reactive classifiers client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnReactiveMistralHttp
	@Lazy
	static class ReactiveClassifiersConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMistralClassifiersClient reactiveMistralClassifiersClient(ReactiveMistralHttp reactiveMistralHttp,
				MistralClassifiersProperties properties) {
			return new ReactiveMistralClassifiersClient(reactiveMistralHttp,
					new ClassifiersDefaults(properties.getModerationModel()));
		}

	}

}
