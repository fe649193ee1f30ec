package dev.mistralboot.autoconfigure.chat;

import dev.mistralboot.autoconfigure.ConditionalOnMistralFamily;
import dev.mistralboot.autoconfigure.ConditionalOnReactiveMistralHttp;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralDependencyCheck;
import dev.mistralboot.client.chat.ChatDefaults;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.chat.ReactiveMistralChatClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configures {@link MistralChatClient} and, with WebFlux,
 * {@link ReactiveMistralChatClient}. Disable both with
 * {@code mistral.chat.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralChatClient.class)
@ConditionalOnMistralFamily("chat")
@EnableConfigurationProperties(MistralChatProperties.class)
@Lazy
public final class MistralChatAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MistralChatClient mistralChatClient(MistralHttp mistralHttp, MistralChatProperties properties,
			ResourceLoader resourceLoader) {
		// structured output generates schemas with victools; checked here too, for an
		// application's own HTTP core (after ours, the class loader is not read again)
		MistralDependencyCheck.verify(resourceLoader.getClassLoader());
		return new MistralChatClient(mistralHttp, defaults(properties));
	}

	static ChatDefaults defaults(MistralChatProperties properties) {
		return new ChatDefaults(properties.getModel(), properties.getTemperature(), properties.getMaxTokens(),
				properties.getSafePrompt());
	}

	/**
	 * The reactive chat client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnReactiveMistralHttp
	@Lazy
	static class ReactiveChatConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMistralChatClient reactiveMistralChatClient(ReactiveMistralHttp reactiveMistralHttp,
				MistralChatProperties properties, ResourceLoader resourceLoader) {
			MistralDependencyCheck.verify(resourceLoader.getClassLoader());
			return new ReactiveMistralChatClient(reactiveMistralHttp, defaults(properties));
		}

	}

}
