package dev.mistralboot.autoconfigure.observation;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralHttpCustomizer;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.core.DefaultMistralObservationConvention;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralMeterObservationHandler;
import dev.mistralboot.client.core.MistralObservationContext;
import dev.mistralboot.client.core.MistralObservationConvention;
import dev.mistralboot.client.core.ObservationFixtures;
import dev.mistralboot.client.test.MistralWireMock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-configuration of observations and metrics, with Spring Boot's own observation and
 * metrics auto-configurations, against WireMock.
 */
class MistralObservationAutoConfigurationTests {

	@RegisterExtension
	static final MistralWireMock mistral = new MistralWireMock();

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		mistral.server()
			.stubFor(post("/v1/chat/completions")
				.willReturn(ObservationFixtures.json(200, ObservationFixtures.CHAT_COMPLETION)));
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class,
					MistralObservationAutoConfiguration.class))
			.withPropertyValues("mistral.api-key=test-key-abc", "mistral.base-url=" + mistral.baseUrl(),
					"mistral.chat.model=mistral-small-latest");
	}

	@Test
	void callsAreObservedAndMeteredThroughTheApplicationsRegistries() {
		this.runner.withUserConfiguration(TestRegistryConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MistralMeterObservationHandler.class)
				.hasBean("mistralObservationHttpCustomizer");
			context.getBean(MistralChatClient.class).complete(request());

			TestObservationRegistry observations = context.getBean(TestObservationRegistry.class);
			observations.assertThat()
				.hasObservationWithNameEqualTo("gen_ai.client.operation")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
				.hasLowCardinalityKeyValue("gen_ai.request.model", "mistral-small-latest")
				.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.prompt");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("gen_ai.client.operation").tag("gen_ai.operation.name", "chat").timer().count())
				.isEqualTo(1);
			assertThat(
					meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input").summary().totalAmount())
				.isEqualTo(12);
			assertThat(
					meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "output").summary().totalAmount())
				.isEqualTo(7);
			assertThat(meters.get("mistral.client.rate_limit.remaining").tag("limit", "tokens-minute").gauge().value())
				.isEqualTo(499981);
		});
	}

	@Test
	void includeContentRecordsPromptAndAnswer() {
		this.runner.withUserConfiguration(TestRegistryConfiguration.class)
			.withPropertyValues("mistral.observations.include-content=true")
			.run((context) -> {
				context.getBean(MistralChatClient.class).complete(request());
				context.getBean(TestObservationRegistry.class)
					.assertThat()
					.hasObservationWithNameEqualTo("gen_ai.client.operation")
					.that()
					.hasHighCardinalityKeyValue("gen_ai.prompt", "user: Which cheese goes with a Jura wine?")
					.hasHighCardinalityKeyValue("gen_ai.completion", "Comté, aged 24 months.");
			});
	}

	@Test
	void aConventionBeanReplacesTheDefault() {
		this.runner.withUserConfiguration(TestRegistryConfiguration.class, CustomConventionConfiguration.class)
			.run((context) -> {
				assertThat(context).getBean(MistralObservationConvention.class)
					.isSameAs(context.getBean("customConvention"));
				context.getBean(MistralChatClient.class).complete(request());
				context.getBean(TestObservationRegistry.class)
					.assertThat()
					.hasObservationWithNameEqualTo("gen_ai.client.operation")
					.that()
					.hasLowCardinalityKeyValue("team", "cheese");
			});
	}

	@Test
	void backsOffWithoutAnObservationRegistryBean() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MistralAutoConfiguration.class, MistralObservationAutoConfiguration.class))
			.withPropertyValues("mistral.api-key=test-key-abc")
			.run((context) -> assertThat(context).hasSingleBean(MistralHttp.class)
				.doesNotHaveBean(MistralHttpCustomizer.class)
				.doesNotHaveBean(MistralObservationConvention.class)
				.doesNotHaveBean(MistralMeterObservationHandler.class));
	}

	@Test
	void backsOffWithoutMicrometerObservationOnTheClasspath() {
		this.runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.withUserConfiguration(TestRegistryConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(MistralHttp.class)
				.doesNotHaveBean(MistralHttpCustomizer.class)
				.doesNotHaveBean(MistralMeterObservationHandler.class));
	}

	@Test
	void observesWithoutMetersWhenMicrometerMetricsAreAbsent() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MistralAutoConfiguration.class,
					MistralClientsAutoConfiguration.class, MistralObservationAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withUserConfiguration(TestRegistryConfiguration.class)
			.withPropertyValues("mistral.api-key=test-key-abc", "mistral.base-url=" + mistral.baseUrl())
			.run((context) -> {
				assertThat(context).hasBean("mistralObservationHttpCustomizer")
					.doesNotHaveBean(MistralMeterObservationHandler.class);
				context.getBean(MistralChatClient.class).complete(request());
				context.getBean(TestObservationRegistry.class)
					.assertThat()
					.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1);
			});
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withUserConfiguration(TestRegistryConfiguration.class)
			.withPropertyValues("mistral.observations.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(MistralMeterObservationHandler.class)
					.doesNotHaveBean("mistralObservationHttpCustomizer");
				context.getBean(MistralChatClient.class).complete(request());
				context.getBean(TestObservationRegistry.class)
					.assertThat()
					.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 0);
			});
	}

	private static ChatCompletionRequest request() {
		return ChatCompletionRequest.builder().user("Which cheese goes with a Jura wine?").build();
	}

	@Configuration(proxyBeanMethods = false)
	static class TestRegistryConfiguration {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomConventionConfiguration {

		@Bean
		MistralObservationConvention customConvention() {
			return new DefaultMistralObservationConvention() {

				@Override
				public io.micrometer.common.KeyValues getLowCardinalityKeyValues(MistralObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("team", "cheese");
				}

			};
		}

	}

}
