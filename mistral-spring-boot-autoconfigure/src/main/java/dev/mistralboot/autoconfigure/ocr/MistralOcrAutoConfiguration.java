package dev.mistralboot.autoconfigure.ocr;

import dev.mistralboot.autoconfigure.ConditionalOnMistralFamily;
import dev.mistralboot.autoconfigure.ConditionalOnReactiveMistralHttp;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.ocr.MistralOcrClient;
import dev.mistralboot.client.ocr.OcrDefaults;
import dev.mistralboot.client.ocr.ReactiveMistralOcrClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures {@link MistralOcrClient} and, with WebFlux,
 * {@link ReactiveMistralOcrClient}. Disable with {@code mistral.ocr.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralOcrClient.class)
@ConditionalOnMistralFamily("ocr")
@EnableConfigurationProperties(MistralOcrProperties.class)
@Lazy
public final class MistralOcrAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MistralOcrClient mistralOcrClient(MistralHttp mistralHttp, MistralOcrProperties properties) {
		return new MistralOcrClient(mistralHttp, new OcrDefaults(properties.getModel()));
	}

	/**
	 * The reactive ocr client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnReactiveMistralHttp
	@Lazy
	static class ReactiveOcrConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMistralOcrClient reactiveMistralOcrClient(ReactiveMistralHttp reactiveMistralHttp,
				MistralOcrProperties properties) {
			return new ReactiveMistralOcrClient(reactiveMistralHttp, new OcrDefaults(properties.getModel()));
		}

	}

}
