package dev.mistralboot.autoconfigure.agents;

import dev.mistralboot.autoconfigure.ConditionalOnMistralFamily;
import dev.mistralboot.autoconfigure.ConditionalOnReactiveMistralHttp;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.agents.MistralAgentsClient;
import dev.mistralboot.client.agents.ReactiveMistralAgentsClient;
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
 * Auto-configures {@link MistralAgentsClient} and, with WebFlux,
 * {@link ReactiveMistralAgentsClient}. Disable both with
 * {@code mistral.agents.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralAgentsClient.class)
@ConditionalOnMistralFamily("agents")
@EnableConfigurationProperties(MistralAgentsProperties.class)
@Lazy
public final class MistralAgentsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MistralAgentsClient mistralAgentsClient(MistralHttp mistralHttp) {
		return new MistralAgentsClient(mistralHttp);
	}

	/**
	 * The reactive agents client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnReactiveMistralHttp
	@Lazy
	static class ReactiveAgentsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMistralAgentsClient reactiveMistralAgentsClient(ReactiveMistralHttp reactiveMistralHttp) {
			return new ReactiveMistralAgentsClient(reactiveMistralHttp);
		}

	}

}
