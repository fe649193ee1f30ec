package dev.mistralboot.autoconfigure.finetuning;

import dev.mistralboot.autoconfigure.ConditionalOnMistralFamily;
import dev.mistralboot.autoconfigure.ConditionalOnReactiveMistralHttp;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.finetuning.MistralFineTuningClient;
import dev.mistralboot.client.finetuning.ReactiveMistralFineTuningClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures {@link MistralFineTuningClient} and, with WebFlux,
 * {@link ReactiveMistralFineTuningClient}, polling jobs as
 * {@code mistral.fine-tuning.poll-*} says. Disable both with
 * {@code mistral.fine-tuning.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralFineTuningClient.class)
@ConditionalOnMistralFamily("fine-tuning")
@EnableConfigurationProperties(MistralFineTuningProperties.class)
@Lazy
public final class MistralFineTuningAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MistralFineTuningClient mistralFineTuningClient(MistralHttp mistralHttp, MistralFineTuningProperties properties) {
		return new MistralFineTuningClient(mistralHttp, poller(properties));
	}

	static JobPoller poller(MistralFineTuningProperties properties) {
		try {
			return JobPoller.of(properties.getPollInterval(), properties.getPollTimeout());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ex.getMessage() + ": set mistral.fine-tuning.poll-interval and "
					+ "mistral.fine-tuning.poll-timeout to positive durations", ex);
		}
	}

	/**
	 * The reactive fine-tuning client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnReactiveMistralHttp
	@Lazy
	static class ReactiveFineTuningConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMistralFineTuningClient reactiveMistralFineTuningClient(ReactiveMistralHttp reactiveMistralHttp,
				MistralFineTuningProperties properties) {
			return new ReactiveMistralFineTuningClient(reactiveMistralHttp, ReactiveJobPoller.of(poller(properties)));
		}

	}

}
