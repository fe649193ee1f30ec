package dev.mistralboot.autoconfigure.files;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.files.MistralFilesClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures {@link MistralFilesClient}. Disable it with
 * {@code mistral.files.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralFilesClient.class)
@ConditionalOnBooleanProperty(name = "mistral.files.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MistralFilesProperties.class)
public final class MistralFilesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MistralHttp.class)
	MistralFilesClient mistralFilesClient(MistralHttp mistralHttp) {
		return new MistralFilesClient(mistralHttp);
	}

}
