package dev.mistralboot.autoconfigure.ocr;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.ocr.MistralOcrClient;
import dev.mistralboot.client.ocr.OcrDefaults;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures {@link MistralOcrClient}. Disable with
 * {@code mistral.ocr.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralOcrClient.class)
@ConditionalOnBooleanProperty(name = "mistral.ocr.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MistralOcrProperties.class)
public final class MistralOcrAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MistralHttp.class)
	MistralOcrClient mistralOcrClient(MistralHttp mistralHttp, MistralOcrProperties properties) {
		return new MistralOcrClient(mistralHttp, new OcrDefaults(properties.getModel()));
	}

}
