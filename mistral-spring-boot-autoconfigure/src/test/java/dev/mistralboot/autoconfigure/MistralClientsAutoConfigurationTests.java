package dev.mistralboot.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.mistralboot.autoconfigure.MistralClientsRegistrar.Family;
import dev.mistralboot.autoconfigure.chat.MistralChatProperties;
import dev.mistralboot.autoconfigure.fim.MistralFimProperties;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.chat.ReactiveMistralChatClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.fim.MistralFimClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MistralClientsAutoConfiguration}: every family's clients from one registrar,
 * with each family's {@code enabled} switch (compared as
 * {@code @ConditionalOnBooleanProperty(matchIfMissing = true)} compares it), the HTTP
 * core, the application's own clients, and the conditions report.
 */
class MistralClientsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=sk-test");

	@Test
	void everyFamilyHasALazyBlockingAndReactiveClientOfItsType() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(MistralClientsRegistrar.FAMILIES).hasSize(13);
			for (Family family : MistralClientsRegistrar.FAMILIES) {
				BeanDefinition blocking = context.getBeanFactory().getBeanDefinition(family.clientBeanName());
				assertThat(blocking.isLazyInit()).as(family.name()).isTrue();
				// the type is known without creating the bean or reading the factory
				// class
				assertThat(context.getBeanFactory().getType(family.clientBeanName(), false)).as(family.name())
					.isEqualTo(family.client());
				assertThat(context.getBeanFactory().containsSingleton(family.clientBeanName())).isFalse();
				Class<?> reactive = ClassUtils.resolveClassName(family.reactiveClientClassName(), null);
				assertThat(context.getBeanFactory().getType(family.reactiveClientBeanName(), false)).as(family.name())
					.isEqualTo(reactive);
				assertThat(context.getBean(family.client())).as(family.name()).isNotNull();
				assertThat(context.getBean(reactive)).as(family.name()).isNotNull();
			}
			assertThat(context.getBean(MistralChatClient.class).defaults()).isNotNull();
		});
	}

	@Test
	void aFamilysPropertiesAreBoundWhenFirstInjectedAndAbsentWhenItIsOff() {
		this.runner.withPropertyValues("mistral.chat.model=mistral-small-2506", "mistral.fim.enabled=false")
			.run((context) -> {
				String name = "mistral.chat-" + MistralChatProperties.class.getName();
				assertThat(context.getBeanFactory().getType(name, false)).isEqualTo(MistralChatProperties.class);
				assertThat(context.getBeanFactory().containsSingleton(name)).isFalse();
				assertThat(context.getBean(MistralChatProperties.class).getModel()).isEqualTo("mistral-small-2506");
				assertThat(context.getBean(MistralChatClient.class).defaults().model()).isEqualTo("mistral-small-2506");
				assertThat(context).doesNotHaveBean(MistralFimProperties.class).doesNotHaveBean(MistralFimClient.class);
			});
	}

	@Test
	void eachFamilysFactoryClassIsWhereTheRegistrarNamesIt() throws Exception {
		for (Family family : MistralClientsRegistrar.FAMILIES) {
			Class<?> beans = ClassUtils.forName(family.beansClassName(), null);
			Class<?> reactiveBeans = ClassUtils.forName(family.beansClassName() + "$Reactive", null);
			assertThat(clientMethod(beans).getReturnType()).as(family.name()).isEqualTo(family.client());
			assertThat(clientMethod(reactiveBeans).getReturnType().getName()).as(family.name())
				.isEqualTo(family.reactiveClientClassName());
			assertThat(family.client().getPackageName()).as(family.name())
				.endsWith("." + beans.getPackageName().substring(beans.getPackageName().lastIndexOf('.') + 1));
		}
	}

	private static Method clientMethod(Class<?> type) {
		List<Method> methods = Arrays.stream(type.getDeclaredMethods())
			.filter((method) -> method.getName().equals("client"))
			.toList();
		assertThat(methods).as(type.getName() + ": one static client(...) method").hasSize(1);
		assertThat(Modifier.isStatic(methods.get(0).getModifiers())).isTrue();
		return methods.get(0);
	}

	@Test
	void aFamilyIsOnWhenItsSwitchIsNotSetOrTrueInAnyCase() {
		for (String value : new String[] { "true", "TRUE", "True" }) {
			this.runner.withPropertyValues("mistral.fine-tuning.enabled=" + value)
				.run((context) -> assertThat(context).as(value)
					.hasBean("mistralFineTuningClient")
					.hasBean("reactiveMistralFineTuningClient"));
		}
	}

	@Test
	void aFamilyIsOffWhenItsSwitchIsAnythingElseAndTheReportSaysWhy() {
		for (String value : new String[] { "false", "FALSE", "no", "" }) {
			this.runner.withPropertyValues("mistral.chat.enabled=" + value).run((context) -> {
				assertThat(context).as(value)
					.doesNotHaveBean(MistralChatClient.class)
					.doesNotHaveBean(ReactiveMistralChatClient.class)
					.hasSingleBean(MistralFimClient.class)
					.hasSingleBean(MistralHttp.class);
				assertThat(messages(context, "dev.mistralboot.autoconfigure.chat.MistralChatBeans")).as(value)
					.singleElement()
					.satisfies((message) -> assertThat(message).contains("mistral.chat.enabled=" + value)
						.contains("disabled"));
			});
		}
	}

	@Test
	void noClientWithoutAnHttpCoreAndTheReportSaysWhy() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MistralClientsAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(MistralChatClient.class);
				assertThat(messages(context, "dev.mistralboot.autoconfigure.chat.MistralChatBeans")).singleElement()
					.satisfies((message) -> assertThat(message).contains("did not find bean of type")
						.contains(MistralHttp.class.getName()));
			});
	}

	@Test
	void theClientsUseTheApplicationsOwnHttpCore() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MistralClientsAutoConfiguration.class))
			.withUserConfiguration(OwnCoreConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(MistralChatClient.class)
					.doesNotHaveBean(ReactiveMistralChatClient.class);
				context.getBean(MistralChatClient.class);
				// injected into the factory method as a @Bean method's parameters are
				assertThat(context.getBeanFactory().getDependenciesForBean("mistralChatClient")).contains("ownHttp");
			});
	}

	@Test
	void theApplicationsOwnClientReplacesOursAndTheReportSaysSo() {
		this.runner.withUserConfiguration(OwnChatConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MistralChatClient.class).hasBean("ownChat");
			assertThat(context).doesNotHaveBean("mistralChatClient").hasBean("reactiveMistralChatClient");
			assertThat(messages(context, "dev.mistralboot.autoconfigure.chat.MistralChatBeans#client")).singleElement()
				.satisfies((message) -> assertThat(message).contains("@ConditionalOnMissingBean")
					.contains("found bean 'ownChat'"));
			assertThat(messages(context, "dev.mistralboot.autoconfigure.fim.MistralFimBeans#client")).singleElement()
				.satisfies((message) -> assertThat(message).contains("did not find any beans"));
		});
	}

	@Test
	void aClientThatIsNotADefaultCandidateDoesNotReplaceOurs() {
		this.runner.withUserConfiguration(NonDefaultChatConfiguration.class).run((context) -> {
			assertThat(context).hasBean("mistralChatClient").hasBean("specialChat");
			assertThat(context.getBean(MistralChatClient.class)).isSameAs(context.getBean("mistralChatClient"));
		});
	}

	@Test
	void noReactiveClientWithoutWebFlux() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasSingleBean(MistralChatClient.class)
				.doesNotHaveBean(ReactiveMistralHttp.class)
				.doesNotHaveBean("reactiveMistralChatClient"));
	}

	private static List<String> messages(AssertableApplicationContext context, String source) {
		Map<String, ConditionAndOutcomes> bySource = ConditionEvaluationReport.get(context.getBeanFactory())
			.getConditionAndOutcomesBySource();
		ConditionAndOutcomes outcomes = bySource.get(source);
		assertThat(outcomes).as("outcomes of " + source + " among " + bySource.keySet()).isNotNull();
		return outcomes.stream()
			.map(ConditionAndOutcome::getOutcome)
			.map((outcome) -> outcome.getMessage())
			.collect(Collectors.toList());
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCoreConfiguration {

		@Bean
		MistralHttp ownHttp() {
			return MistralHttp.builder().apiKey("sk-own").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChatConfiguration {

		@Bean
		MistralChatClient ownChat() {
			return new MistralChatClient(MistralHttp.builder().apiKey("sk-own").build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NonDefaultChatConfiguration {

		@Bean(defaultCandidate = false)
		MistralChatClient specialChat() {
			return new MistralChatClient(MistralHttp.builder().apiKey("sk-own").build());
		}

	}

}
