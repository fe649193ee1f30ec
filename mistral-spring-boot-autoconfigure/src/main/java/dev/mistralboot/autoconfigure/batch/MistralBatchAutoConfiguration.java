package dev.mistralboot.autoconfigure.batch;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.batch.MistralBatchClient;
import dev.mistralboot.client.batch.ReactiveMistralBatchClient;
import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configures {@link MistralBatchClient} and, with WebFlux,
 * {@link ReactiveMistralBatchClient}, polling jobs as {@code mistral.batch.poll-*} says.
 * Disable both with {@code mistral.batch.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralBatchClient.class)
@ConditionalOnBooleanProperty(name = "mistral.batch.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MistralBatchProperties.class)
@Lazy
public final class MistralBatchAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MistralHttp.class)
	MistralBatchClient mistralBatchClient(MistralHttp mistralHttp, MistralBatchProperties properties) {
		return new MistralBatchClient(mistralHttp, poller(properties));
	}

	static JobPoller poller(MistralBatchProperties properties) {
		try {
			return JobPoller.of(properties.getPollInterval(), properties.getPollTimeout());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ex.getMessage() + ": set mistral.batch.poll-interval and "
					+ "mistral.batch.poll-timeout to positive durations", ex);
		}
	}

	/**
	 * The reactive batch client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, Flux.class })
	@Lazy
	static class ReactiveBatchConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(ReactiveMistralHttp.class)
		ReactiveMistralBatchClient reactiveMistralBatchClient(ReactiveMistralHttp reactiveMistralHttp,
				MistralBatchProperties properties) {
			return new ReactiveMistralBatchClient(reactiveMistralHttp, ReactiveJobPoller.of(poller(properties)));
		}

	}

}
