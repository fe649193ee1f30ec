package dev.mistralboot.autoconfigure.models;

import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.models.MistralModelsClient;
import dev.mistralboot.client.models.ReactiveMistralModelsClient;

/**
 * The models family's client beans, made by static factory methods that
 * {@link dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration} registers
 * (lazily, and only when the application has no client of its own): {@link #client} for
 * the blocking client and {@link Reactive#client} for the reactive one, with WebFlux.
 */
final class MistralModelsBeans {

	private MistralModelsBeans() {
	}

	/**
	 * The family's properties, bound by Spring Boot when first injected.
	 * @return new properties, not bound yet
	 */
	static MistralModelsProperties properties() {
		return new MistralModelsProperties();
	}

	static MistralModelsClient client(MistralHttp mistralHttp) {
		return new MistralModelsClient(mistralHttp);
	}

	/**
	 * The reactive client's factory, in a class of its own: its signature names Reactor
	 * types, read only when WebFlux is present.
	 */
	static final class Reactive {

		private Reactive() {
		}

		static ReactiveMistralModelsClient client(ReactiveMistralHttp reactiveMistralHttp) {
			return new ReactiveMistralModelsClient(reactiveMistralHttp);
		}

	}

}
