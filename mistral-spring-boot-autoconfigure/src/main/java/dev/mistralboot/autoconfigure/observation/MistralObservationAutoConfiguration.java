package dev.mistralboot.autoconfigure.observation;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralHttpCustomizer;
import dev.mistralboot.autoconfigure.ReactiveMistralHttpCustomizer;
import dev.mistralboot.client.core.DefaultMistralObservationConvention;
import dev.mistralboot.client.core.MistralMeterObservationHandler;
import dev.mistralboot.client.core.MistralObservationConvention;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Observes every Mistral API operation with the application's {@link ObservationRegistry}
 * ({@code gen_ai.client.operation}, after the OpenTelemetry GenAI conventions), and, when
 * Micrometer metrics are present, records token usage, time to first chunk, retries and
 * rate limits through a {@link MistralMeterObservationHandler}. Backs off without
 * Micrometer or without a registry bean; switch off with
 * {@code mistral.observations.enabled=false}.
 * <p>
 * A {@link MistralObservationConvention} bean replaces the default convention.
 */
@AutoConfiguration(before = MistralAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "mistral.observations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MistralObservationProperties.class)
public final class MistralObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MistralObservationConvention mistralObservationConvention(MistralObservationProperties properties) {
		return new DefaultMistralObservationConvention(properties.isIncludeContent());
	}

	@Bean
	MistralHttpCustomizer mistralObservationHttpCustomizer(ObservationRegistry observationRegistry,
			MistralObservationConvention mistralObservationConvention) {
		return (builder) -> builder.observationRegistry(observationRegistry)
			.observationConvention(mistralObservationConvention);
	}

	/**
	 * Observations of the reactive core, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, Flux.class })
	static class ReactiveObservationConfiguration {

		@Bean
		ReactiveMistralHttpCustomizer reactiveMistralObservationHttpCustomizer(ObservationRegistry observationRegistry,
				MistralObservationConvention mistralObservationConvention) {
			return (builder) -> builder.observationRegistry(observationRegistry)
				.observationConvention(mistralObservationConvention);
		}

	}

	/**
	 * Token usage, time to first chunk, retries and rate limits, when Micrometer metrics
	 * are present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MistralMeterObservationHandler mistralMeterObservationHandler(MeterRegistry meterRegistry) {
			return new MistralMeterObservationHandler(meterRegistry);
		}

	}

}
