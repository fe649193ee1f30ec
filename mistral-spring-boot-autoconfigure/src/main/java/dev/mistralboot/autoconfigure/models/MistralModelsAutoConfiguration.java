package dev.mistralboot.autoconfigure.models;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.models.MistralModelsClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures {@link MistralModelsClient}. Disable it with
 * {@code mistral.models.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralModelsClient.class)
@ConditionalOnBooleanProperty(name = "mistral.models.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MistralModelsProperties.class)
public final class MistralModelsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MistralHttp.class)
	MistralModelsClient mistralModelsClient(MistralHttp mistralHttp) {
		return new MistralModelsClient(mistralHttp);
	}

}
