package dev.mistralboot.autoconfigure;

import java.lang.annotation.Annotation;
import java.util.Map;

import dev.mistralboot.client.core.MistralHttp;

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
 * The condition of {@link ConditionalOnMistralHttp}, and through {@link Reactive} of
 * {@link ConditionalOnReactiveMistralHttp}: evaluated once the bean definitions of the
 * configurations before it are registered, as {@code @ConditionalOnBean} is. It looks for
 * the core's bean name first and by type only when that name is not there.
 */
class OnMistralHttpCondition extends SpringBootCondition implements ConfigurationCondition {

	private static final String[] WEBFLUX = { "org.springframework.web.reactive.function.client.WebClient",
			"reactor.core.publisher.Flux" };

	/** Whether WebFlux is there, by class loader: one lookup rather than one a family. */
	private static final Map<ClassLoader, Boolean> webFlux = new ConcurrentReferenceHashMap<>();

	private final String beanName;

	private final String typeName;

	private final Class<? extends Annotation> annotation;

	OnMistralHttpCondition() {
		this(ConditionalOnMistralHttp.class);
	}

	/**
	 * The blocking core's condition, reported as the given annotation's.
	 * @param annotation the annotation that carries the condition
	 */
	OnMistralHttpCondition(Class<? extends Annotation> annotation) {
		this("mistralHttp", MistralHttp.class.getName(), annotation);
	}

	OnMistralHttpCondition(String beanName, String typeName, Class<? extends Annotation> annotation) {
		this.beanName = beanName;
		this.typeName = typeName;
		this.annotation = annotation;
	}

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		Assert.state(beanFactory != null, "A bean factory is needed to look for the Mistral HTTP core");
		ConditionMessage.Builder message = ConditionMessage.forCondition(this.annotation);
		Class<?> type = ClassUtils.resolveClassName(this.typeName, context.getClassLoader());
		if (beanFactory.containsBean(this.beanName) && beanFactory.isTypeMatch(this.beanName, type)) {
			return ConditionOutcome.match(message.found("bean").items(this.beanName));
		}
		String[] names = BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, type, true, false);
		if (names.length > 0) {
			return ConditionOutcome.match(message.found("bean", "beans").items((Object[]) names));
		}
		return ConditionOutcome.noMatch(message.didNotFind("bean of type").items(this.typeName));
	}

	/**
	 * The condition of {@link ConditionalOnReactiveMistralHttp}.
	 */
	static final class Reactive extends OnMistralHttpCondition {

		Reactive() {
			super("reactiveMistralHttp", "dev.mistralboot.client.core.ReactiveMistralHttp",
					ConditionalOnReactiveMistralHttp.class);
		}

	}

	/**
	 * Whether WebFlux is there: the other condition of
	 * {@link ConditionalOnReactiveMistralHttp}, and the condition of the reactive core
	 * itself. Evaluated while configurations are parsed, so that the reactive ones are
	 * dropped as early as {@code @ConditionalOnClass} drops them, with one class lookup
	 * by class loader rather than one for each configuration.
	 */
	static final class WebFlux extends SpringBootCondition implements ConfigurationCondition {

		@Override
		public ConfigurationPhase getConfigurationPhase() {
			return ConfigurationPhase.PARSE_CONFIGURATION;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ClassLoader classLoader = (context.getClassLoader() != null) ? context.getClassLoader()
					: ClassUtils.getDefaultClassLoader();
			boolean present = webFlux.computeIfAbsent(classLoader,
					(loader) -> ClassUtils.isPresent(WEBFLUX[0], loader) && ClassUtils.isPresent(WEBFLUX[1], loader));
			ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnReactiveMistralHttp.class);
			return present
					? ConditionOutcome.match(message.found("required classes").items(Style.QUOTE, (Object[]) WEBFLUX))
					: ConditionOutcome
						.noMatch(message.didNotFind("required classes").items(Style.QUOTE, (Object[]) WEBFLUX));
		}

	}

}
