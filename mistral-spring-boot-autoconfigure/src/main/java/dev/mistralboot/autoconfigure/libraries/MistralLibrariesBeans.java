package dev.mistralboot.autoconfigure.libraries;

import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.libraries.MistralLibrariesClient;
import dev.mistralboot.client.libraries.ReactiveMistralLibrariesClient;

/**
 * The libraries family's client beans, made by static factory methods that
 * {@link dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration} registers
 * (lazily, and only when the application has no client of its own): {@link #client} for
 * the blocking client and {@link Reactive#client} for the reactive one, with WebFlux.
 */
final class MistralLibrariesBeans {

	private MistralLibrariesBeans() {
	}

	/**
	 * The family's properties, bound by Spring Boot when first injected.
	 * @return new properties, not bound yet
	 */
	static MistralLibrariesProperties properties() {
		return new MistralLibrariesProperties();
	}

	static MistralLibrariesClient client(MistralHttp mistralHttp, MistralLibrariesProperties properties) {
		return new MistralLibrariesClient(mistralHttp, poller(properties));
	}

	static JobPoller poller(MistralLibrariesProperties properties) {
		try {
			return JobPoller.of(properties.getPollInterval(), properties.getPollTimeout());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ex.getMessage() + ": set mistral.libraries.poll-interval and "
					+ "mistral.libraries.poll-timeout to positive durations", ex);
		}
	}

	/**
	 * The reactive client's factory, in a class of its own: its signature names Reactor
	 * types, read only when WebFlux is present.
	 */
	static final class Reactive {

		private Reactive() {
		}

		static ReactiveMistralLibrariesClient client(ReactiveMistralHttp reactiveMistralHttp,
				MistralLibrariesProperties properties) {
			return new ReactiveMistralLibrariesClient(reactiveMistralHttp, ReactiveJobPoller.of(poller(properties)));
		}

	}

}
