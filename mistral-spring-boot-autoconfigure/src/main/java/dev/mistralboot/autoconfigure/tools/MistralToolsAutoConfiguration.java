package dev.mistralboot.autoconfigure.tools;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralDependencyCheck;
import dev.mistralboot.client.chat.tools.MistralTool;
import dev.mistralboot.client.chat.tools.ToolCallback;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.client.conversations.MistralConversationsClient;
import dev.mistralboot.client.conversations.ReactiveMistralConversationsClient;
import dev.mistralboot.client.conversations.ReactiveToolCallingConversations;
import dev.mistralboot.client.conversations.ToolCallingConversations;
import dev.mistralboot.client.core.MistralHttp;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.util.ClassUtils;

/**
 * Auto-configures the {@link ToolRegistry} bean: every {@link MistralTool} method of the
 * application's beans and every {@link ToolCallback} bean, with
 * {@code mistral.tools.max-rounds} and {@code mistral.tools.failure-policy}. Use it with
 * {@code mistralChatClient.withTools(toolRegistry)} or
 * {@code mistralConversationsClient.withTools(toolRegistry)}.
 * <p>
 * When there is a conversations client bean (the auto-configured one, see
 * {@link MistralConversationsAutoConfiguration}, or the application's), the conversation
 * tool loop over the registry is a bean too: {@link ToolCallingConversations} and, with
 * WebFlux and a reactive conversations client, {@link ReactiveToolCallingConversations};
 * inject them to run conversations whose function calls the application's
 * {@code @MistralTool} beans answer.
 * <p>
 * Beans are found by type without being created: a tool's bean is looked up when the
 * model first calls it, so tool beans may themselves depend on the chat client. Proxied
 * beans (transactions, security, ...) are invoked through their proxy.
 */
@AutoConfiguration(after = { MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "mistral.tools.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MistralToolsProperties.class)
@Lazy
public final class MistralToolsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ToolRegistry mistralToolRegistry(ConfigurableListableBeanFactory beanFactory, MistralToolsProperties properties,
			ObjectProvider<MistralHttp> mistralHttp, ObjectProvider<ToolCallback> callbacks) {
		// schemas are generated with victools: fail with a clear message when the build
		// picked a version that is too old
		MistralDependencyCheck.verify(beanFactory.getBeanClassLoader());
		ToolRegistry.Builder builder = ToolRegistry.builder()
			.maxRounds(properties.getMaxRounds())
			.failurePolicy(properties.getFailurePolicy());
		mistralHttp.ifAvailable((http) -> builder.jsonMapper(http.jsonMapper()));
		for (String name : beanFactory.getBeanNamesForType(Object.class, true, false)) {
			if (ScopedProxyUtils.isScopedTarget(name)) {
				continue;
			}
			Class<?> type = targetClass(beanFactory, name);
			if (type != null && ToolRegistry.hasToolMethods(type)) {
				builder.annotated(type, () -> beanFactory.getBean(name));
			}
		}
		callbacks.orderedStream().forEach(builder::tool);
		return builder.build();
	}

	private static @Nullable Class<?> targetClass(ConfigurableListableBeanFactory beanFactory, String name) {
		try {
			Class<?> type = AutoProxyUtils.determineTargetClass(beanFactory, name);
			return (type != null) ? ClassUtils.getUserClass(type) : null;
		}
		catch (RuntimeException ex) {
			// a bean whose type cannot be determined without creating it offers no tools
			return null;
		}
	}

	/**
	 * The conversation tool loop over the registry, when there is a conversations client.
	 */
	@Configuration(proxyBeanMethods = false)
	@Lazy
	static class ConversationToolsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(MistralConversationsClient.class)
		ToolCallingConversations mistralToolCallingConversations(MistralConversationsClient mistralConversationsClient,
				ToolRegistry toolRegistry) {
			return mistralConversationsClient.withTools(toolRegistry);
		}

	}

	/**
	 * The reactive conversation tool loop over the registry, when WebFlux is present and
	 * there is a reactive conversations client.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Flux.class)
	@Lazy
	static class ReactiveConversationToolsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(ReactiveMistralConversationsClient.class)
		ReactiveToolCallingConversations reactiveMistralToolCallingConversations(
				ReactiveMistralConversationsClient reactiveMistralConversationsClient, ToolRegistry toolRegistry) {
			return reactiveMistralConversationsClient.withTools(toolRegistry);
		}

	}

}
