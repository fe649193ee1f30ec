package dev.mistralboot.autoconfigure.audio;

import dev.mistralboot.client.audio.AudioDefaults;
import dev.mistralboot.client.audio.MistralAudioClient;
import dev.mistralboot.client.audio.ReactiveMistralAudioClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;

/**
 * The audio family's client beans, made by static factory methods that
 * {@link dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration} registers
 * (lazily, and only when the application has no client of its own): {@link #client} for
 * the blocking client and {@link Reactive#client} for the reactive one, with WebFlux.
 */
final class MistralAudioBeans {

	private MistralAudioBeans() {
	}

	/**
	 * The family's properties, bound by Spring Boot when first injected.
	 * @return new properties, not bound yet
	 */
	static MistralAudioProperties properties() {
		return new MistralAudioProperties();
	}

	static MistralAudioClient client(MistralHttp mistralHttp, MistralAudioProperties properties) {
		return new MistralAudioClient(mistralHttp, defaults(properties));
	}

	static AudioDefaults defaults(MistralAudioProperties properties) {
		return new AudioDefaults(properties.getTranscriptionModel(), properties.getSpeechModel(),
				properties.getVoice());
	}

	/**
	 * The reactive client's factory, in a class of its own: its signature names Reactor
	 * types, read only when WebFlux is present.
	 */
	static final class Reactive {

		private Reactive() {
		}

		static ReactiveMistralAudioClient client(ReactiveMistralHttp reactiveMistralHttp,
				MistralAudioProperties properties) {
			return new ReactiveMistralAudioClient(reactiveMistralHttp, defaults(properties));
		}

	}

}
