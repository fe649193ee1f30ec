package dev.mistralboot.autoconfigure.ocr;

import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.ocr.MistralOcrClient;
import dev.mistralboot.client.ocr.OcrDefaults;
import dev.mistralboot.client.ocr.ReactiveMistralOcrClient;

/**
 * The ocr family's client beans, made by static factory methods that
 * {@link dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration} registers
 * (lazily, and only when the application has no client of its own): {@link #client} for
 * the blocking client and {@link Reactive#client} for the reactive one, with WebFlux.
 */
final class MistralOcrBeans {

	private MistralOcrBeans() {
	}

	/**
	 * The family's properties, bound by Spring Boot when first injected.
	 * @return new properties, not bound yet
	 */
	static MistralOcrProperties properties() {
		return new MistralOcrProperties();
	}

	static MistralOcrClient client(MistralHttp mistralHttp, MistralOcrProperties properties) {
		return new MistralOcrClient(mistralHttp, new OcrDefaults(properties.getModel()));
	}

	/**
	 * The reactive client's factory, in a class of its own: its signature names Reactor
	 * types, read only when WebFlux is present.
	 */
	static final class Reactive {

		private Reactive() {
		}

		static ReactiveMistralOcrClient client(ReactiveMistralHttp reactiveMistralHttp,
				MistralOcrProperties properties) {
			return new ReactiveMistralOcrClient(reactiveMistralHttp, new OcrDefaults(properties.getModel()));
		}

	}

}
