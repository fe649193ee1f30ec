package dev.mistralboot.autoconfigure.conversations;

import dev.mistralboot.autoconfigure.ConditionalOnMistralFamily;
import dev.mistralboot.autoconfigure.ConditionalOnReactiveMistralHttp;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.conversations.MistralConversationsClient;
import dev.mistralboot.client.conversations.ReactiveMistralConversationsClient;
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
 * Auto-configures {@link MistralConversationsClient} and, with WebFlux,
 * {@link ReactiveMistralConversationsClient}, starting the conversations that name
 * neither an agent nor a model with {@code mistral.conversations.agent-id} or
 * {@code mistral.conversations.model}. Disable both with
 * {@code mistral.conversations.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralConversationsClient.class)
@ConditionalOnMistralFamily("conversations")
@EnableConfigurationProperties(MistralConversationsProperties.class)
@Lazy
public final class MistralConversationsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MistralConversationsClient mistralConversationsClient(MistralHttp mistralHttp,
			MistralConversationsProperties properties) {
		return new MistralConversationsClient(mistralHttp, properties.getAgentId(), properties.getModel());
	}

	/**
	 * The reactive conversations client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnReactiveMistralHttp
	@Lazy
	static class ReactiveConversationsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMistralConversationsClient reactiveMistralConversationsClient(ReactiveMistralHttp reactiveMistralHttp,
				MistralConversationsProperties properties) {
			return new ReactiveMistralConversationsClient(reactiveMistralHttp, properties.getAgentId(),
					properties.getModel());
		}

	}

}
