package dev.mistralboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.mistralboot.client.agents.MistralAgentsClient;
import dev.mistralboot.client.audio.MistralAudioClient;
import dev.mistralboot.client.batch.MistralBatchClient;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.classifiers.MistralClassifiersClient;
import dev.mistralboot.client.conversations.MistralConversationsClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.embeddings.MistralEmbeddingsClient;
import dev.mistralboot.client.files.MistralFilesClient;
import dev.mistralboot.client.fim.MistralFimClient;
import dev.mistralboot.client.finetuning.MistralFineTuningClient;
import dev.mistralboot.client.libraries.MistralLibrariesClient;
import dev.mistralboot.client.models.MistralModelsClient;
import dev.mistralboot.client.ocr.MistralOcrClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionMessage.Style;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Registers the client beans of every family for {@link MistralClientsAutoConfiguration}:
 * for each family whose switch is on, when there is a {@link MistralHttp} bean, a lazy
 * bean of its {@code @ConfigurationProperties} class, one of its blocking client unless
 * the application has one, and with WebFlux and a {@code ReactiveMistralHttp} bean, one
 * of its reactive client unless the application has one. Each bean is made by its
 * family's static factory method ({@code MistralChatBeans.client(...)},
 * {@code MistralChatBeans.Reactive.client(...)}), whose parameters are injected as a
 * {@code @Bean} method's are; its type is given, so Spring neither reads the factory
 * class nor reflects on it before the bean is needed, and the definitions are processed
 * ahead of time like {@code @Bean} methods.
 * <p>
 * A bean of the client's type that the application defined before (its own configuration,
 * or an auto-configuration ordered before this one) replaces ours, as with
 * {@code @ConditionalOnMissingBean}: beans that are not autowire candidates or not
 * default candidates ({@code @Bean(defaultCandidate = false)}) do not count. Every
 * outcome is recorded in the {@link ConditionEvaluationReport}.
 */
final class MistralClientsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

	private static final String REACTIVE_HTTP = "dev.mistralboot.client.core.ReactiveMistralHttp";

	/** The families, in the order their beans are registered. */
	static final List<Family> FAMILIES = List.of(new Family("chat", MistralChatClient.class),
			new Family("fim", MistralFimClient.class), new Family("agents", MistralAgentsClient.class),
			new Family("embeddings", MistralEmbeddingsClient.class),
			new Family("classifiers", MistralClassifiersClient.class), new Family("ocr", MistralOcrClient.class),
			new Family("models", MistralModelsClient.class), new Family("files", MistralFilesClient.class),
			new Family("fine-tuning", MistralFineTuningClient.class), new Family("batch", MistralBatchClient.class),
			new Family("libraries", MistralLibrariesClient.class), new Family("audio", MistralAudioClient.class),
			new Family("conversations", MistralConversationsClient.class));

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		Assert.state(registry instanceof ConfigurableListableBeanFactory,
				"The Mistral clients are registered in a ConfigurableListableBeanFactory");
		Environment environment = this.environment;
		Assert.state(environment != null, "The Mistral clients need the environment");
		ConfigurableListableBeanFactory beanFactory = (ConfigurableListableBeanFactory) registry;
		ConditionEvaluationReport report = ConditionEvaluationReport.get(beanFactory);
		List<String> blockingCore = beans(beanFactory, MistralHttp.class);
		Class<?> reactiveCoreType = reactiveCoreType(beanFactory.getBeanClassLoader());
		List<String> reactiveCore = (reactiveCoreType != null) ? beans(beanFactory, reactiveCoreType) : List.of();
		for (Family family : FAMILIES) {
			String source = family.beansClassName();
			ConditionOutcome enabled = enabled(family, environment);
			if (!enabled.isMatch()) {
				report.recordConditionEvaluation(source, OnMistralFamily.INSTANCE, enabled);
				continue;
			}
			ConditionMessage.Builder core = ConditionMessage.forCondition("MistralHttp bean");
			if (blockingCore.isEmpty()) {
				report.recordConditionEvaluation(source, OnMistralFamily.INSTANCE,
						ConditionOutcome.noMatch(core.didNotFind("bean of type").items(MistralHttp.class.getName())));
				continue;
			}
			report.recordConditionEvaluation(source, OnMistralFamily.INSTANCE,
					ConditionOutcome.match(core.found("bean", "beans").items(Style.QUOTE, blockingCore)));
			registerProperties(beanFactory, family);
			register(beanFactory, report, family.clientBeanName(), family.client(), family.beansClassName());
			if (!reactiveCore.isEmpty()) {
				Class<?> reactiveClient = ClassUtils.resolveClassName(family.reactiveClientClassName(),
						beanFactory.getBeanClassLoader());
				register(beanFactory, report, family.reactiveClientBeanName(), reactiveClient,
						family.beansClassName() + "$Reactive");
			}
		}
	}

	private static ConditionOutcome enabled(Family family, Environment environment) {
		String property = family.switchProperty();
		String value = environment.getProperty(property);
		ConditionMessage.Builder message = ConditionMessage.forCondition("Mistral family", property);
		if (value != null && !"true".equalsIgnoreCase(value)) {
			return ConditionOutcome.noMatch(message.because("the family is disabled (" + property + "=" + value + ")"));
		}
		return ConditionOutcome.match(message.because("the family is enabled"));
	}

	/**
	 * The family's {@code @ConfigurationProperties} bean, named as
	 * {@code @EnableConfigurationProperties} names it ({@code <prefix>-<class name>}) and
	 * bound by Boot's binding post-processor when first injected; made by the family's
	 * static {@code properties()} factory, so that neither Spring nor Boot reads the
	 * class at start-up. An application's bean of that name stays.
	 */
	private static void registerProperties(ConfigurableListableBeanFactory beanFactory, Family family) {
		String type = family.propertiesClassName();
		String name = "mistral." + family.name() + "-" + type;
		if (beanFactory.containsBeanDefinition(name)) {
			return;
		}
		((BeanDefinitionRegistry) beanFactory).registerBeanDefinition(name,
				factoryMethodDefinition(family.beansClassName(), "properties",
						ClassUtils.resolveClassName(type, beanFactory.getBeanClassLoader())));
	}

	private static void register(ConfigurableListableBeanFactory beanFactory, ConditionEvaluationReport report,
			String beanName, Class<?> type, String factoryClassName) {
		String source = factoryClassName + "#client";
		ConditionMessage.Builder message = ConditionMessage.forCondition("@ConditionalOnMissingBean",
				"(types: " + type.getName() + ")");
		List<String> existing = beans(beanFactory, type);
		if (!existing.isEmpty()) {
			report.recordConditionEvaluation(source, OnMissingClient.INSTANCE,
					ConditionOutcome.noMatch(message.found("bean", "beans").items(Style.QUOTE, existing)));
			return;
		}
		report.recordConditionEvaluation(source, OnMissingClient.INSTANCE,
				ConditionOutcome.match(message.didNotFind("any beans").atAll()));
		((BeanDefinitionRegistry) beanFactory).registerBeanDefinition(beanName,
				factoryMethodDefinition(factoryClassName, "client", type));
	}

	/**
	 * A lazy bean made by the named static method of the factory class, its parameters
	 * injected as a {@code @Bean} method's are, its type given so that the factory class
	 * is neither loaded nor reflected on before the bean is created.
	 */
	private static RootBeanDefinition factoryMethodDefinition(String factoryClassName, String method, Class<?> type) {
		RootBeanDefinition definition = new RootBeanDefinition();
		definition.setBeanClassName(factoryClassName);
		definition.setUniqueFactoryMethodName(method);
		definition.setTargetType(type);
		definition.setAutowireMode(AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR);
		definition.setLazyInit(true);
		return definition;
	}

	/**
	 * The beans of the type that count, as for {@code @ConditionalOnMissingBean}: in this
	 * factory and its ancestors, autowire candidates and default candidates only.
	 */
	private static List<String> beans(ConfigurableListableBeanFactory beanFactory, Class<?> type) {
		List<String> names = new ArrayList<>();
		for (String name : BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, type, true, false)) {
			if (!beanFactory.containsBeanDefinition(name) || isCandidate(beanFactory.getBeanDefinition(name))) {
				names.add(name);
			}
		}
		return names;
	}

	private static boolean isCandidate(BeanDefinition definition) {
		return definition.isAutowireCandidate() && (!(definition instanceof AbstractBeanDefinition abstractDefinition)
				|| abstractDefinition.isDefaultCandidate());
	}

	private static @Nullable Class<?> reactiveCoreType(@Nullable ClassLoader classLoader) {
		if (!OnMistralHttpCondition.isWebFluxPresent(classLoader)) {
			return null;
		}
		return ClassUtils.resolveClassName(REACTIVE_HTTP, classLoader);
	}

	/**
	 * One endpoint family: its switch's name ({@code mistral.<name>.enabled}) and its
	 * blocking client's type, from which the rest is named: the reactive client
	 * ({@code Reactive<Client>}, same package), the factory class
	 * ({@code Mistral<Family>Beans} in the family's package of this module) and the bean
	 * names ({@code mistralChatClient}, {@code reactiveMistralChatClient}).
	 *
	 * @param name the family's name in its properties' prefix
	 * @param client the blocking client's type
	 */
	record Family(String name, Class<?> client) {

		String switchProperty() {
			return "mistral." + this.name + ".enabled";
		}

		String clientBeanName() {
			return StringUtils.uncapitalize(this.client.getSimpleName());
		}

		String reactiveClientBeanName() {
			return "reactive" + this.client.getSimpleName();
		}

		String reactiveClientClassName() {
			return this.client.getPackageName() + ".Reactive" + this.client.getSimpleName();
		}

		String propertiesClassName() {
			return familyClassName("Properties");
		}

		String beansClassName() {
			return familyClassName("Beans");
		}

		private String familyClassName(String suffix) {
			String family = this.client.getSimpleName().replace("Client", "");
			String clientPackage = this.client.getPackageName();
			String segment = clientPackage.substring(clientPackage.lastIndexOf('.') + 1);
			return "dev.mistralboot.autoconfigure." + segment + "." + family + suffix;
		}

	}

	/**
	 * Names the outcome of a family's switch and HTTP core in the conditions report; the
	 * registrar evaluates them, Spring never calls it.
	 */
	static final class OnMistralFamily implements Condition {

		static final OnMistralFamily INSTANCE = new OnMistralFamily();

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return true;
		}

	}

	/**
	 * Names the outcome of the look-up for an application's own client in the conditions
	 * report; the registrar evaluates it, Spring never calls it.
	 */
	static final class OnMissingClient implements Condition {

		static final OnMissingClient INSTANCE = new OnMissingClient();

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return true;
		}

	}

}
