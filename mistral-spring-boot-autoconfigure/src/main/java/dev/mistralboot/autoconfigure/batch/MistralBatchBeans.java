package dev.mistralboot.autoconfigure.batch;

import dev.mistralboot.client.batch.MistralBatchClient;
import dev.mistralboot.client.batch.ReactiveMistralBatchClient;
import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.core.ReactiveMistralHttp;

/**
 * The batch family's client beans, made by static factory methods that
 * {@link dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration} registers
 * (lazily, and only when the application has no client of its own): {@link #client} for
 * the blocking client and {@link Reactive#client} for the reactive one, with WebFlux.
 */
final class MistralBatchBeans {

	private MistralBatchBeans() {
	}

	/**
	 * The family's properties, bound by Spring Boot when first injected.
	 * @return new properties, not bound yet
	 */
	static MistralBatchProperties properties() {
		return new MistralBatchProperties();
	}

	static MistralBatchClient client(MistralHttp mistralHttp, MistralBatchProperties properties) {
		return new MistralBatchClient(mistralHttp, poller(properties));
	}

	static JobPoller poller(MistralBatchProperties properties) {
		try {
			return JobPoller.of(properties.getPollInterval(), properties.getPollTimeout());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ex.getMessage() + ": set mistral.batch.poll-interval and "
					+ "mistral.batch.poll-timeout to positive durations", ex);
		}
	}

	/**
	 * The reactive client's factory, in a class of its own: its signature names Reactor
	 * types, read only when WebFlux is present.
	 */
	static final class Reactive {

		private Reactive() {
		}

		static ReactiveMistralBatchClient client(ReactiveMistralHttp reactiveMistralHttp,
				MistralBatchProperties properties) {
			return new ReactiveMistralBatchClient(reactiveMistralHttp, ReactiveJobPoller.of(poller(properties)));
		}

	}

}
