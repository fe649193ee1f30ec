package dev.mistralboot.autoconfigure.finetuning;

import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.finetuning.MistralFineTuningClient;
import dev.mistralboot.client.finetuning.ReactiveMistralFineTuningClient;

/**
 * The fine-tuning family's client beans, made by static factory methods that
 * {@link dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration} registers
 * (lazily, and only when the application has no client of its own): {@link #client} for
 * the blocking client and {@link Reactive#client} for the reactive one, with WebFlux.
 */
final class MistralFineTuningBeans {

	private MistralFineTuningBeans() {
	}

	/**
	 * The family's properties, bound by Spring Boot when first injected.
	 * @return new properties, not bound yet
	 */
	static MistralFineTuningProperties properties() {
		return new MistralFineTuningProperties();
	}

	static MistralFineTuningClient client(MistralHttp mistralHttp, MistralFineTuningProperties properties) {
		return new MistralFineTuningClient(mistralHttp, poller(properties));
	}

	static JobPoller poller(MistralFineTuningProperties properties) {
		try {
			return JobPoller.of(properties.getPollInterval(), properties.getPollTimeout());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ex.getMessage() + ": set mistral.fine-tuning.poll-interval and "
					+ "mistral.fine-tuning.poll-timeout to positive durations", ex);
		}
	}

	/**
	 * The reactive client's factory, in a class of its own: its signature names Reactor
	 * types, read only when WebFlux is present.
	 */
	static final class Reactive {

		private Reactive() {
		}

		static ReactiveMistralFineTuningClient client(ReactiveMistralHttp reactiveMistralHttp,
				MistralFineTuningProperties properties) {
			return new ReactiveMistralFineTuningClient(reactiveMistralHttp, ReactiveJobPoller.of(poller(properties)));
		}

	}

}
