package dev.mistralboot.autoconfigure.fim;

import dev.mistralboot.autoconfigure.ConditionalOnMistralFamily;
import dev.mistralboot.autoconfigure.ConditionalOnReactiveMistralHttp;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.fim.FimDefaults;
import dev.mistralboot.client.fim.MistralFimClient;
import dev.mistralboot.client.fim.ReactiveMistralFimClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures {@link MistralFimClient} and, with WebFlux,
 * {@link ReactiveMistralFimClient}. When {@code mistral.fim.base-url} or
 * {@code mistral.fim.api-key} is set (Codestral's own host and key), the clients get an
 * HTTP core derived from the global one with those values; every other setting (timeouts,
 * retries, HTTP client, customizers) is kept. Disable with
 * {@code mistral.fim.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralFimClient.class)
@ConditionalOnMistralFamily("fim")
@EnableConfigurationProperties(MistralFimProperties.class)
@Lazy
public final class MistralFimAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MistralFimClient mistralFimClient(MistralHttp mistralHttp, MistralFimProperties properties) {
		return new MistralFimClient(fimHttp(mistralHttp, properties), defaults(properties));
	}

	static MistralHttp fimHttp(MistralHttp http, MistralFimProperties properties) {
		if (properties.getBaseUrl() == null && properties.getApiKey() == null) {
			return http;
		}
		MistralHttp.Builder builder = http.mutate();
		if (properties.getBaseUrl() != null) {
			builder.baseUrl(properties.getBaseUrl());
		}
		if (properties.getApiKey() != null) {
			builder.apiKey(properties.getApiKey());
		}
		return builder.build();
	}

	static FimDefaults defaults(MistralFimProperties properties) {
		return new FimDefaults(properties.getModel());
	}

	/**
	 * The reactive FIM client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnReactiveMistralHttp
	@Lazy
	static class ReactiveFimConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMistralFimClient reactiveMistralFimClient(ReactiveMistralHttp reactiveMistralHttp,
				MistralFimProperties properties) {
			ReactiveMistralHttp http = reactiveMistralHttp;
			if (properties.getBaseUrl() != null || properties.getApiKey() != null) {
				ReactiveMistralHttp.Builder builder = reactiveMistralHttp.mutate();
				if (properties.getBaseUrl() != null) {
					builder.baseUrl(properties.getBaseUrl());
				}
				if (properties.getApiKey() != null) {
					builder.apiKey(properties.getApiKey());
				}
				http = builder.build();
			}
			return new ReactiveMistralFimClient(http, defaults(properties));
		}

	}

}
