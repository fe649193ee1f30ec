package dev.mistralboot.autoconfigure.classifiers;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.classifiers.ClassifiersDefaults;
import dev.mistralboot.client.classifiers.MistralClassifiersClient;
import dev.mistralboot.client.core.MistralHttp;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures {@link MistralClassifiersClient} (moderations and classifications).
 * Disable with {@code mistral.classifiers.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralClassifiersClient.class)
@ConditionalOnBooleanProperty(name = "mistral.classifiers.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MistralClassifiersProperties.class)
public final class MistralClassifiersAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MistralHttp.class)
	MistralClassifiersClient mistralClassifiersClient(MistralHttp mistralHttp,
			MistralClassifiersProperties properties) {
		return new MistralClassifiersClient(mistralHttp, new ClassifiersDefaults(properties.getModerationModel()));
	}

}
