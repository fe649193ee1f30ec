package dev.mistralboot.autoconfigure.chat;

import dev.mistralboot.autoconfigure.MistralDependencyCheck;
import dev.mistralboot.client.chat.ChatDefaults;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.chat.ReactiveMistralChatClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;

import org.springframework.core.io.ResourceLoader;

/**
 * The chat family's client beans, made by static factory methods that
 * {@link dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration} registers
 * (lazily, and only when the application has no client of its own): {@link #client} for
 * the blocking client and {@link Reactive#client} for the reactive one, with WebFlux.
 */
final class MistralChatBeans {

	private MistralChatBeans() {
	}

	/**
	 * The family's properties, bound by Spring Boot when first injected.
	 * @return new properties, not bound yet
	 */
	static MistralChatProperties properties() {
		return new MistralChatProperties();
	}

	static MistralChatClient client(MistralHttp mistralHttp, MistralChatProperties properties,
			ResourceLoader resourceLoader) {
		// structured output generates schemas with victools; checked here too, for an
		// application's own HTTP core (after ours, the class loader is not read again)
		MistralDependencyCheck.verify(resourceLoader.getClassLoader());
		return new MistralChatClient(mistralHttp, defaults(properties));
	}

	static ChatDefaults defaults(MistralChatProperties properties) {
		return new ChatDefaults(properties.getModel(), properties.getTemperature(), properties.getMaxTokens(),
				properties.getSafePrompt());
	}

	/**
	 * The reactive client's factory, in a class of its own: its signature names Reactor
	 * types, read only when WebFlux is present.
	 */
	static final class Reactive {

		private Reactive() {
		}

		static ReactiveMistralChatClient client(ReactiveMistralHttp reactiveMistralHttp,
				MistralChatProperties properties, ResourceLoader resourceLoader) {
			MistralDependencyCheck.verify(resourceLoader.getClassLoader());
			return new ReactiveMistralChatClient(reactiveMistralHttp, defaults(properties));
		}

	}

}
