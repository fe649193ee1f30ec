package dev.mistralboot.autoconfigure.batch;

import dev.mistralboot.autoconfigure.ConditionalOnMistralFamily;
import dev.mistralboot.autoconfigure.ConditionalOnReactiveMistralHttp;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.batch.MistralBatchClient;
import dev.mistralboot.client.batch.ReactiveMistralBatchClient;
import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.core.ReactiveMistralHttp;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures {@link MistralBatchClient} and, with WebFlux,
 * {@link ReactiveMistralBatchClient}, polling jobs as {@code mistral.batch.poll-*} says.
 * Disable both with {@code mistral.batch.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralBatchClient.class)
@ConditionalOnMistralFamily("batch")
@EnableConfigurationProperties(MistralBatchProperties.class)
@Lazy
public final class MistralBatchAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
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
	@ConditionalOnReactiveMistralHttp
	@Lazy
	static class ReactiveBatchConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMistralBatchClient reactiveMistralBatchClient(ReactiveMistralHttp reactiveMistralHttp,
				MistralBatchProperties properties) {
			return new ReactiveMistralBatchClient(reactiveMistralHttp, ReactiveJobPoller.of(poller(properties)));
		}

	}

}
