package dev.mistralboot.autoconfigure.classifiers;

import dev.mistralboot.client.classifiers.ClassifiersDefaults;
import dev.mistralboot.client.classifiers.MistralClassifiersClient;
import dev.mistralboot.client.classifiers.ReactiveMistralClassifiersClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;

/**
 * The classifiers family's client beans, made by static factory methods that
 * {@link dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration} registers
 * (lazily, and only when the application has no client of its own): {@link #client} for
 * the blocking client and {@link Reactive#client} for the reactive one, with WebFlux.
 */
final class MistralClassifiersBeans {

	private MistralClassifiersBeans() {
	}

	/**
	 * The family's properties, bound by Spring Boot when first injected.
	 * @return new properties, not bound yet
	 */
	static MistralClassifiersProperties properties() {
		return new MistralClassifiersProperties();
	}

	static MistralClassifiersClient client(MistralHttp mistralHttp, MistralClassifiersProperties properties) {
		return new MistralClassifiersClient(mistralHttp, new ClassifiersDefaults(properties.getModerationModel()));
	}

	/**
	 * The reactive client's factory, in a class of its own: its signature names Reactor
	 * types, read only when WebFlux is present.
	 */
	static final class Reactive {

		private Reactive() {
		}

		static ReactiveMistralClassifiersClient client(ReactiveMistralHttp reactiveMistralHttp,
				MistralClassifiersProperties properties) {
			return new ReactiveMistralClassifiersClient(reactiveMistralHttp,
					new ClassifiersDefaults(properties.getModerationModel()));
		}

	}

}
