package dev.mistralboot.sample;

import dev.mistralboot.client.audio.AudioDefaults;
import dev.mistralboot.client.audio.MistralAudioClient;
import dev.mistralboot.client.conversations.MistralConversationsClient;
import dev.mistralboot.client.core.MistralHttp;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TEMPORARY: the conversations and audio clients until the starter auto-configures them
 * ({@code MistralConversationsAutoConfiguration}, {@code MistralAudioAutoConfiguration},
 * issue 10 and 11). Delete this class once the starter has these beans.
 */
@Configuration(proxyBeanMethods = false)
class TemporaryClientsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MistralConversationsClient sampleConversationsClient(MistralHttp http) {
		return new MistralConversationsClient(http);
	}

	@Bean
	@ConditionalOnMissingBean
	MistralAudioClient sampleAudioClient(MistralHttp http,
			@Value("${mistral.audio.transcription-model:voxtral-mini-latest}") String transcriptionModel,
			@Value("${mistral.audio.speech-model:#{null}}") @Nullable String speechModel,
			@Value("${mistral.audio.voice-id:#{null}}") @Nullable String voiceId) {
		return new MistralAudioClient(http, new AudioDefaults(transcriptionModel, speechModel, voiceId));
	}

}
