package dev.mistralboot.autoconfigure.agents;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.agents.MistralAgentsClient;
import dev.mistralboot.client.agents.ReactiveMistralAgentsClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configures {@link MistralAgentsClient} and, with WebFlux,
 * {@link ReactiveMistralAgentsClient}. Disable both with
 * {@code mistral.agents.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralAgentsClient.class)
@ConditionalOnBooleanProperty(name = "mistral.agents.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MistralAgentsProperties.class)
@Lazy
public final class MistralAgentsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MistralHttp.class)
	MistralAgentsClient mistralAgentsClient(MistralHttp mistralHttp) {
		return new MistralAgentsClient(mistralHttp);
	}

	/**
	 * The reactive agents client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, Flux.class })
	@Lazy
	static class ReactiveAgentsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(ReactiveMistralHttp.class)
		ReactiveMistralAgentsClient reactiveMistralAgentsClient(ReactiveMistralHttp reactiveMistralHttp) {
			return new ReactiveMistralAgentsClient(reactiveMistralHttp);
		}

	}

}
