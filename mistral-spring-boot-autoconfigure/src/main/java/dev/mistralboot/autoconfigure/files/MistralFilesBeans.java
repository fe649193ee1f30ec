package dev.mistralboot.autoconfigure.files;

import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.files.MistralFilesClient;
import dev.mistralboot.client.files.ReactiveMistralFilesClient;

/**
 * The files family's client beans, made by static factory methods that
 * {@link dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration} registers
 * (lazily, and only when the application has no client of its own): {@link #client} for
 * the blocking client and {@link Reactive#client} for the reactive one, with WebFlux.
 */
final class MistralFilesBeans {

	private MistralFilesBeans() {
	}

	/**
	 * The family's properties, bound by Spring Boot when first injected.
	 * @return new properties, not bound yet
	 */
	static MistralFilesProperties properties() {
		return new MistralFilesProperties();
	}

	static MistralFilesClient client(MistralHttp mistralHttp) {
		return new MistralFilesClient(mistralHttp);
	}

	/**
	 * The reactive client's factory, in a class of its own: its signature names Reactor
	 * types, read only when WebFlux is present.
	 */
	static final class Reactive {

		private Reactive() {
		}

		static ReactiveMistralFilesClient client(ReactiveMistralHttp reactiveMistralHttp) {
			return new ReactiveMistralFilesClient(reactiveMistralHttp);
		}

	}

}
