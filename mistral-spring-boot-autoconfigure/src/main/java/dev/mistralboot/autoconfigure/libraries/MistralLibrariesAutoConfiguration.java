package dev.mistralboot.autoconfigure.libraries;

import dev.mistralboot.autoconfigure.ConditionalOnMistralFamily;
import dev.mistralboot.autoconfigure.ConditionalOnReactiveMistralHttp;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.libraries.MistralLibrariesClient;
import dev.mistralboot.client.libraries.ReactiveMistralLibrariesClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures {@link MistralLibrariesClient} and, with WebFlux,
 * {@link ReactiveMistralLibrariesClient}, waiting for document processing as
 * {@code mistral.libraries.poll-*} says. Disable both with
 * {@code mistral.libraries.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralLibrariesClient.class)
@ConditionalOnMistralFamily("libraries")
@EnableConfigurationProperties(MistralLibrariesProperties.class)
@Lazy
public final class MistralLibrariesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MistralLibrariesClient mistralLibrariesClient(MistralHttp mistralHttp, MistralLibrariesProperties properties) {
		return new MistralLibrariesClient(mistralHttp, poller(properties));
	}

	static JobPoller poller(MistralLibrariesProperties properties) {
		try {
			return JobPoller.of(properties.getPollInterval(), properties.getPollTimeout());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ex.getMessage() + ": set mistral.libraries.poll-interval and "
					+ "mistral.libraries.poll-timeout to positive durations", ex);
		}
	}

	/**
	 * The reactive document libraries client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnReactiveMistralHttp
	@Lazy
	static class ReactiveLibrariesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMistralLibrariesClient reactiveMistralLibrariesClient(ReactiveMistralHttp reactiveMistralHttp,
				MistralLibrariesProperties properties) {
			return new ReactiveMistralLibrariesClient(reactiveMistralHttp, ReactiveJobPoller.of(poller(properties)));
		}

	}

}
