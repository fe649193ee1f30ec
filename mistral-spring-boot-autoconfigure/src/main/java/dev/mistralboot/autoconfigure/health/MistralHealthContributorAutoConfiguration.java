package dev.mistralboot.autoconfigure.health;

import java.time.Duration;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.core.BucketRequestPacer;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RequestPacer;
import dev.mistralboot.client.core.RetryPolicy;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;

/**
 * Registers the {@code mistral} health indicator when Actuator's health support is
 * present: {@link MistralReactiveHealthIndicator} in a reactive web application, else
 * {@link MistralHealthIndicator}. The indicator calls the API through a copy of the
 * application's core with {@code mistral.health.timeout} as its timeouts, no retries and
 * no observations (health probes would otherwise swamp the GenAI metrics). Switch off
 * with {@code management.health.mistral.enabled=false}; a bean named
 * {@code mistralHealthIndicator} replaces it.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnEnabledHealthIndicator("mistral")
@EnableConfigurationProperties(MistralHealthProperties.class)
public final class MistralHealthContributorAutoConfiguration {

	private static final String BEAN_NAME = "mistralHealthIndicator";

	/**
	 * The reactive indicator, in a reactive web application.
	 */
	@Configuration(proxyBeanMethods = false)
	@Order(1)
	@ConditionalOnClass(Flux.class)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnBean(ReactiveMistralHttp.class)
	static class ReactiveHealthConfiguration {

		@Bean(BEAN_NAME)
		@ConditionalOnMissingBean(name = BEAN_NAME)
		MistralReactiveHealthIndicator mistralHealthIndicator(ReactiveMistralHttp reactiveMistralHttp,
				MistralHealthProperties properties, ObjectProvider<BucketRequestPacer> pacer) {
			MistralHealth.check(properties.getTimeout(), properties.getCacheTtl());
			ReactiveMistralHttp http = reactiveMistralHttp.mutate()
				.responseTimeout(properties.getTimeout())
				.retryPolicy(RetryPolicy.NONE)
				.observationRegistry(ObservationRegistry.NOOP)
				.requestPacer(RequestPacer.NONE)
				.build();
			return new MistralReactiveHealthIndicator(http, properties.getTimeout(), properties.getCacheTtl(),
					pacer.getIfAvailable());
		}

	}

	/**
	 * The blocking indicator, in every other application.
	 */
	@Configuration(proxyBeanMethods = false)
	@Order(2)
	@ConditionalOnBean(MistralHttp.class)
	static class BlockingHealthConfiguration {

		@Bean(BEAN_NAME)
		@ConditionalOnMissingBean(name = BEAN_NAME)
		MistralHealthIndicator mistralHealthIndicator(MistralHttp mistralHttp, MistralHealthProperties properties,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ResourceLoader resourceLoader,
				ObjectProvider<BucketRequestPacer> pacer) {
			MistralHealth.check(properties.getTimeout(), properties.getCacheTtl());
			Duration timeout = properties.getTimeout();
			HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
				.withConnectTimeout(timeout)
				.withReadTimeout(timeout);
			ClientHttpRequestFactoryBuilder<?> factories = requestFactoryBuilder
				.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader()));
			MistralHttp http = mistralHttp.mutate()
				.requestFactory(factories.build(settings))
				.connectTimeout(timeout)
				.responseTimeout(timeout)
				.retryPolicy(RetryPolicy.NONE)
				.observationRegistry(ObservationRegistry.NOOP)
				.requestPacer(RequestPacer.NONE)
				.build();
			return new MistralHealthIndicator(http, timeout, properties.getCacheTtl(), pacer.getIfAvailable());
		}

	}

}
