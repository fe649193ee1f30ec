package dev.mistralboot.autoconfigure.fim;

import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.fim.FimDefaults;
import dev.mistralboot.client.fim.MistralFimClient;
import dev.mistralboot.client.fim.ReactiveMistralFimClient;

/**
 * The FIM family's client beans, made by static factory methods that
 * {@link dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration} registers
 * (lazily, and only when the application has no client of its own): {@link #client} for
 * the blocking client and {@link Reactive#client} for the reactive one, with WebFlux.
 */
final class MistralFimBeans {

	private MistralFimBeans() {
	}

	/**
	 * The family's properties, bound by Spring Boot when first injected.
	 * @return new properties, not bound yet
	 */
	static MistralFimProperties properties() {
		return new MistralFimProperties();
	}

	static MistralFimClient client(MistralHttp mistralHttp, MistralFimProperties properties) {
		return new MistralFimClient(fimHttp(mistralHttp, properties), defaults(properties));
	}

	static MistralHttp fimHttp(MistralHttp http, MistralFimProperties properties) {
		if (properties.getBaseUrl() == null && properties.getApiKey() == null) {
			return http;
		}
		MistralHttp.Builder builder = http.mutate();
		if (properties.getBaseUrl() != null) {
			builder.baseUrl(properties.getBaseUrl());
		}
		if (properties.getApiKey() != null) {
			builder.apiKey(properties.getApiKey());
		}
		return builder.build();
	}

	static FimDefaults defaults(MistralFimProperties properties) {
		return new FimDefaults(properties.getModel());
	}

	/**
	 * The reactive client's factory, in a class of its own: its signature names Reactor
	 * types, read only when WebFlux is present.
	 */
	static final class Reactive {

		private Reactive() {
		}

		static ReactiveMistralFimClient client(ReactiveMistralHttp reactiveMistralHttp,
				MistralFimProperties properties) {
			ReactiveMistralHttp http = reactiveMistralHttp;
			if (properties.getBaseUrl() != null || properties.getApiKey() != null) {
				ReactiveMistralHttp.Builder builder = reactiveMistralHttp.mutate();
				if (properties.getBaseUrl() != null) {
					builder.baseUrl(properties.getBaseUrl());
				}
				if (properties.getApiKey() != null) {
					builder.apiKey(properties.getApiKey());
				}
				http = builder.build();
			}
			return new ReactiveMistralFimClient(http, defaults(properties));
		}

	}

}
