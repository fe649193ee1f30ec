package dev.mistralboot.autoconfigure.conversations;

import dev.mistralboot.client.conversations.MistralConversationsClient;
import dev.mistralboot.client.conversations.ReactiveMistralConversationsClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;

/**
 * The conversations family's client beans, made by static factory methods that
 * {@link dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration} registers
 * (lazily, and only when the application has no client of its own): {@link #client} for
 * the blocking client and {@link Reactive#client} for the reactive one, with WebFlux.
 */
final class MistralConversationsBeans {

	private MistralConversationsBeans() {
	}

	/**
	 * The family's properties, bound by Spring Boot when first injected.
	 * @return new properties, not bound yet
	 */
	static MistralConversationsProperties properties() {
		return new MistralConversationsProperties();
	}

	static MistralConversationsClient client(MistralHttp mistralHttp, MistralConversationsProperties properties) {
		return new MistralConversationsClient(mistralHttp, properties.getAgentId(), properties.getModel());
	}

	/**
	 * The reactive client's factory, in a class of its own: its signature names Reactor
	 * types, read only when WebFlux is present.
	 */
	static final class Reactive {

		private Reactive() {
		}

		static ReactiveMistralConversationsClient client(ReactiveMistralHttp reactiveMistralHttp,
				MistralConversationsProperties properties) {
			return new ReactiveMistralConversationsClient(reactiveMistralHttp, properties.getAgentId(),
					properties.getModel());
		}

	}

}
