package dev.mistralboot.autoconfigure.agents;

import dev.mistralboot.client.agents.MistralAgentsClient;
import dev.mistralboot.client.agents.ReactiveMistralAgentsClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;

/**
 * The agents family's client beans, made by static factory methods that
 * {@link dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration} registers
 * (lazily, and only when the application has no client of its own): {@link #client} for
 * the blocking client and {@link Reactive#client} for the reactive one, with WebFlux.
 */
final class MistralAgentsBeans {

	private MistralAgentsBeans() {
	}

	/**
	 * The family's properties, bound by Spring Boot when first injected.
	 * @return new properties, not bound yet
	 */
	static MistralAgentsProperties properties() {
		return new MistralAgentsProperties();
	}

	static MistralAgentsClient client(MistralHttp mistralHttp) {
		return new MistralAgentsClient(mistralHttp);
	}

	/**
	 * The reactive client's factory, in a class of its own: its signature names Reactor
	 * types, read only when WebFlux is present.
	 */
	static final class Reactive {

		private Reactive() {
		}

		static ReactiveMistralAgentsClient client(ReactiveMistralHttp reactiveMistralHttp) {
			return new ReactiveMistralAgentsClient(reactiveMistralHttp);
		}

	}

}
