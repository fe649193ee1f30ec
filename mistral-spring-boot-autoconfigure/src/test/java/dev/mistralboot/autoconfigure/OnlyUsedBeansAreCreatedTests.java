package dev.mistralboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.mistralboot.autoconfigure.chat.MistralChatProperties;
import dev.mistralboot.autoconfigure.health.MistralHealthProperties;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter creates only the beans the application uses: with every Mistral
 * auto-configuration of the starter (read from its {@code AutoConfiguration.imports}, so
 * a new family is covered without touching this test) and WebFlux on the class path, a
 * start creates the blocking core (which fails a start without an API key) and what
 * Actuator uses, and no family's client, properties or configuration until the
 * application injects one. Counted from the bean factory's singletons, not timed.
 */
class OnlyUsedBeansAreCreatedTests {

	/**
	 * What every start creates: the blocking core and, Actuator being on this class path,
	 * what Actuator uses (the health indicator, the secrets sanitizing function).
	 */
	private static final Set<String> CORE = Set.of(MistralAutoConfiguration.class.getName(),
			"mistral-" + MistralProperties.class.getName(), "mistralConnectionDetails", "mistralHttp",
			"mistralEventListenerScanExclusion",
			MistralAutoConfiguration.class.getName() + "$ActuatorSanitizingConfiguration",
			"mistralSecretsSanitizingFunction",
			"dev.mistralboot.autoconfigure.health.MistralHealthContributorAutoConfiguration",
			"dev.mistralboot.autoconfigure.health.MistralHealthContributorAutoConfiguration$BlockingHealthConfiguration",
			"mistral.health-" + MistralHealthProperties.class.getName(), "mistralHealthIndicator");

	private static ApplicationContextRunner runner() {
		List<Class<?>> configurations = new ArrayList<>(
				List.of(JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
						ImperativeHttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, WebClientAutoConfiguration.class));
		ClassLoader classLoader = OnlyUsedBeansAreCreatedTests.class.getClassLoader();
		for (String name : ImportCandidates.load(AutoConfiguration.class, classLoader)) {
			if (name.startsWith("dev.mistralboot.")) {
				configurations.add(ClassUtils.resolveClassName(name, classLoader));
			}
		}
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(configurations.toArray(new Class<?>[0])))
			.withPropertyValues("mistral.api-key=sk-test");
	}

	/**
	 * The singletons created from the starter's bean definitions.
	 */
	private static Set<String> createdMistralSingletons(AssertableApplicationContext context) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		Set<String> created = new TreeSet<>();
		for (String name : beanFactory.getSingletonNames()) {
			Object bean = beanFactory.getSingleton(name);
			if (bean != null && bean.getClass().getName().startsWith("dev.mistralboot.")
					&& !bean.getClass().getName().startsWith(OnlyUsedBeansAreCreatedTests.class.getName())) {
				created.add(name);
			}
		}
		return created;
	}

	/**
	 * The bean definitions of family clients: every type of
	 * {@code dev.mistralboot.client.<family>} (not the core).
	 */
	private static Set<String> familyClientDefinitions(AssertableApplicationContext context) {
		Set<String> names = new TreeSet<>();
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getBeanFactory().getType(name, false);
			if (type != null && type.getName().startsWith("dev.mistralboot.client.")
					&& !type.getPackageName().equals("dev.mistralboot.client.core")) {
				names.add(name);
			}
		}
		return names;
	}

	@Test
	void anApplicationThatUsesNoFamilyGetsTheCoreOnly() {
		runner().run((context) -> {
			assertThat(context).hasNotFailed();
			Set<String> families = familyClientDefinitions(context);
			assertThat(families).as("family clients defined")
				.contains("mistralChatClient", "reactiveMistralChatClient", "mistralAudioClient",
						"reactiveMistralAudioClient", "mistralConversationsClient",
						"reactiveMistralConversationsClient");
			assertThat(families).as("family clients defined").hasSizeGreaterThanOrEqualTo(27);
			assertThat(createdMistralSingletons(context))
				.as("Mistral singletons created by a start (a family's properties class needs @Lazy, an"
						+ " auto-configuration and its nested configurations too: see CONTRIBUTING.md, How to add a family)")
				.containsExactlyInAnyOrderElementsOf(CORE);
			assertThat(context.getBeanFactory().containsSingleton("reactiveMistralHttp")).isFalse();
			assertThat(context).hasSingleBean(ReactiveMistralHttp.class);
		});
	}

	@Test
	void anApplicationThatInjectsTheChatClientGetsTheChatBeansAndNoOthers() {
		runner().withUserConfiguration(ChatUser.class).run((context) -> {
			assertThat(context).hasNotFailed();
			Set<String> expected = new TreeSet<>(CORE);
			expected.addAll(Set.of("mistral.chat-" + MistralChatProperties.class.getName(), "mistralChatClient"));
			assertThat(createdMistralSingletons(context)).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(context.getBean(ChatUser.class).chat).isSameAs(context.getBean(MistralChatClient.class));
		});
	}

	@Test
	void aFamilyIsCreatedWhenFirstAskedFor() {
		runner().run((context) -> {
			assertThat(context.getBeanFactory().containsSingleton("mistralChatClient")).isFalse();
			MistralChatClient chat = context.getBean(MistralChatClient.class);
			assertThat(context.getBeanFactory().getSingleton("mistralChatClient")).isSameAs(chat);
			assertThat(context.getBeanFactory().containsSingleton("reactiveMistralChatClient")).isFalse();
		});
	}

	@Test
	void withoutActuatorNoHttpCoreIsCreatedUntilAClientIsUsed() {
		runner()
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.endpoint",
					"org.springframework.boot.health.contributor"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(createdMistralSingletons(context)).containsExactlyInAnyOrder(
						MistralAutoConfiguration.class.getName(), "mistral-" + MistralProperties.class.getName(),
						"mistralConnectionDetails", "mistralEventListenerScanExclusion");
				context.getBean(MistralChatClient.class);
				assertThat(context.getBeanFactory().containsSingleton("mistralHttp")).isTrue();
			});
	}

	@Test
	void eventListenerScanSkipsTheStartersBeansOnly() {
		runner().withUserConfiguration(ChatUser.class, Listening.class).run((context) -> {
			assertThat(context).hasNotFailed();
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			Set<String> families = familyClientDefinitions(context);
			assertThat(families).hasSizeGreaterThanOrEqualTo(27);
			for (String name : families) {
				// the class Spring's EventListenerMethodProcessor scans instead of the
				// client's
				assertThat(AutoProxyUtils.determineTargetClass(beanFactory, name)).as(name).isEqualTo(Object.class);
			}
			assertThat(AutoProxyUtils.determineTargetClass(beanFactory, "mistralHttp")).isEqualTo(Object.class);
			assertThat(AutoProxyUtils.determineTargetClass(beanFactory, MistralAutoConfiguration.class.getName()))
				.isEqualTo(Object.class);
			// the application's own beans are scanned as before, and their listeners work
			String listening = context.getBeanNamesForType(Listening.class)[0];
			assertThat(AutoProxyUtils.determineTargetClass(beanFactory, listening)).isEqualTo(Listening.class);
			assertThat(context.getBean(Listening.class).refreshed).isEqualTo(1);
			assertThat(context.getBean(ChatUser.class).chat).isNotNull();
		});
	}

	@Test
	void theScanExclusionKnowsTheStartersConfigurationsByNameExactly() {
		List<String> imports = new ArrayList<>();
		ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).forEach(imports::add);
		List<String> ours = imports.stream().filter((name) -> name.startsWith("dev.mistralboot.")).toList();
		assertThat(ours).hasSizeGreaterThanOrEqualTo(6)
			.allSatisfy((name) -> assertThat(EventListenerScanExclusion.isOurs(name)).as(name).isTrue())
			.allSatisfy((name) -> assertThat(EventListenerScanExclusion.isOurs(name + "$Nested")).as(name + "$Nested")
				.isTrue());
		// and the families' factory classes, which the clients' definitions name
		assertThat(MistralClientsRegistrar.FAMILIES).hasSize(13).allSatisfy((family) -> {
			assertThat(EventListenerScanExclusion.isOurs(family.beansClassName())).as(family.name()).isTrue();
			assertThat(EventListenerScanExclusion.isOurs(family.beansClassName() + "$Reactive")).as(family.name())
				.isTrue();
		});
		// the application's classes, Boot's and the properties classes are not ours
		assertThat(imports.stream().filter((name) -> !name.startsWith("dev.mistralboot.")))
			.noneMatch(EventListenerScanExclusion::isOurs);
		assertThat(EventListenerScanExclusion.isOurs(MistralProperties.class.getName())).isFalse();
		assertThat(EventListenerScanExclusion.isOurs(MistralChatProperties.class.getName())).isFalse();
		assertThat(EventListenerScanExclusion.isOurs(Listening.class.getName())).isFalse();
		assertThat(EventListenerScanExclusion.isOurs(null)).isFalse();
	}

	/**
	 * An application bean with an event listener method.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Listening {

		int refreshed;

		@EventListener
		void on(ContextRefreshedEvent event) {
			this.refreshed++;
		}

	}

	/**
	 * An application bean that uses the chat client.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ChatUser {

		final MistralChatClient chat;

		ChatUser(MistralChatClient chat) {
			this.chat = chat;
		}

	}

}
