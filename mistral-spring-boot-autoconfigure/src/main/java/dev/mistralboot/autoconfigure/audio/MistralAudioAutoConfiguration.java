package dev.mistralboot.autoconfigure.audio;

import dev.mistralboot.autoconfigure.ConditionalOnMistralFamily;
import dev.mistralboot.autoconfigure.ConditionalOnReactiveMistralHttp;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.audio.AudioDefaults;
import dev.mistralboot.client.audio.MistralAudioClient;
import dev.mistralboot.client.audio.ReactiveMistralAudioClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures {@link MistralAudioClient} and, with WebFlux,
 * {@link ReactiveMistralAudioClient} (transcription, speech and voices), with the default
 * models and voice of {@code mistral.audio.*}. Disable both with
 * {@code mistral.audio.enabled=false}.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@ConditionalOnClass(MistralAudioClient.class)
@ConditionalOnMistralFamily("audio")
@EnableConfigurationProperties(MistralAudioProperties.class)
@Lazy
public final class MistralAudioAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MistralAudioClient mistralAudioClient(MistralHttp mistralHttp, MistralAudioProperties properties) {
		return new MistralAudioClient(mistralHttp, defaults(properties));
	}

	static AudioDefaults defaults(MistralAudioProperties properties) {
		return new AudioDefaults(properties.getTranscriptionModel(), properties.getSpeechModel(),
				properties.getVoice());
	}

	/**
	 * The reactive audio client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnReactiveMistralHttp
	@Lazy
	static class ReactiveAudioConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMistralAudioClient reactiveMistralAudioClient(ReactiveMistralHttp reactiveMistralHttp,
				MistralAudioProperties properties) {
			return new ReactiveMistralAudioClient(reactiveMistralHttp, defaults(properties));
		}

	}

}
