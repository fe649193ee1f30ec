package dev.mistralboot.autoconfigure;

import java.util.Map;

import dev.mistralboot.client.core.MistralHttp;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionMessage.Style;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * The condition of {@link ConditionalOnMistralHttp}: evaluated once the bean definitions
 * of the configurations before it are registered, as {@code @ConditionalOnBean} is. It
 * looks for the core's bean name first and by type only when that name is not there.
 */
class OnMistralHttpCondition extends SpringBootCondition implements ConfigurationCondition {

	private static final String[] WEBFLUX = { "org.springframework.web.reactive.function.client.WebClient",
			"reactor.core.publisher.Flux" };

	/** Whether WebFlux is there, by class loader: one lookup rather than one a family. */
	private static final Map<ClassLoader, Boolean> webFlux = new ConcurrentReferenceHashMap<>();

	private static final String BEAN_NAME = "mistralHttp";

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	/**
	 * Whether WebFlux's {@code WebClient} and Reactor are on the class path.
	 * @param classLoader the class loader, or {@code null} for the default one
	 * @return whether both are there
	 */
	static boolean isWebFluxPresent(@Nullable ClassLoader classLoader) {
		ClassLoader loader = (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader();
		if (loader == null) {
			return ClassUtils.isPresent(WEBFLUX[0], null) && ClassUtils.isPresent(WEBFLUX[1], null);
		}
		return webFlux.computeIfAbsent(loader,
				(key) -> ClassUtils.isPresent(WEBFLUX[0], key) && ClassUtils.isPresent(WEBFLUX[1], key));
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		Assert.state(beanFactory != null, "A bean factory is needed to look for the Mistral HTTP core");
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnMistralHttp.class);
		Class<?> type = MistralHttp.class;
		if (beanFactory.containsBean(BEAN_NAME) && beanFactory.isTypeMatch(BEAN_NAME, type)) {
			return ConditionOutcome.match(message.found("bean").items(BEAN_NAME));
		}
		String[] names = BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, type, true, false);
		if (names.length > 0) {
			return ConditionOutcome.match(message.found("bean", "beans").items((Object[]) names));
		}
		return ConditionOutcome.noMatch(message.didNotFind("bean of type").items(MistralHttp.class.getName()));
	}

	/**
	 * Whether WebFlux is there, the condition of the reactive core. Evaluated while
	 * configurations are parsed, so that the reactive one is dropped as early as
	 * {@code @ConditionalOnClass} drops it, with one class lookup by class loader (the
	 * registrar of the clients asks too).
	 */
	static final class WebFlux extends SpringBootCondition implements ConfigurationCondition {

		@Override
		public ConfigurationPhase getConfigurationPhase() {
			return ConfigurationPhase.PARSE_CONFIGURATION;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean present = isWebFluxPresent(context.getClassLoader());
			ConditionMessage.Builder message = ConditionMessage.forCondition("WebFlux");
			return present
					? ConditionOutcome.match(message.found("required classes").items(Style.QUOTE, (Object[]) WEBFLUX))
					: ConditionOutcome
						.noMatch(message.didNotFind("required classes").items(Style.QUOTE, (Object[]) WEBFLUX));
		}

	}

}
