package dev.mistralboot.client.core;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The meters of a {@link BucketRequestPacer}, tagged {@code key} (the budget's key):
 * <ul>
 * <li>{@value #WAIT}: a timer of the time attempts waited for their permits;</li>
 * <li>{@value #PERMITS}: a counter of attempts, tagged {@code outcome=granted|denied}
 * (denied attempts were not sent);</li>
 * <li>{@value #FALLBACK}: 1 while Redis is unreachable and the budget is kept in this
 * JVM, else 0;</li>
 * <li>{@value #BUDGET_REMAINING} and {@value #BUDGET_LIMIT}: per {@code budget}
 * ({@code requests}, {@code tokens}), the remaining budget the last
 * {@code x-ratelimit-remaining-*} header reported and the limit the pacer enforces
 * (configured or learnt from the headers; absent while unknown).</li>
 * </ul>
 */
public class BucketRequestPacerMetrics implements MeterBinder {

	/** The wait timer. */
	public static final String WAIT = "mistral.client.rate_limit.wait";

	/** The permits counter. */
	public static final String PERMITS = "mistral.client.rate_limit.permits";

	/** The fallback gauge. */
	public static final String FALLBACK = "mistral.client.rate_limit.fallback";

	/** The gauge of the remaining budget learnt from the headers. */
	public static final String BUDGET_REMAINING = "mistral.client.rate_limit.budget.remaining";

	/** The gauge of the enforced limit. */
	public static final String BUDGET_LIMIT = "mistral.client.rate_limit.budget.limit";

	private final BucketRequestPacer pacer;

	/**
	 * Creates the binder.
	 * @param pacer the pacer to observe
	 */
	public BucketRequestPacerMetrics(BucketRequestPacer pacer) {
		this.pacer = pacer;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		String key = this.pacer.key();
		FunctionTimer
			.builder(WAIT, this.pacer, BucketRequestPacer::granted, (pacer) -> (double) pacer.totalWaitNanos(),
					TimeUnit.NANOSECONDS)
			.description("Time Mistral API calls waited for client-side rate-limit permits")
			.tag("key", key)
			.register(registry);
		FunctionCounter.builder(PERMITS, this.pacer, BucketRequestPacer::granted)
			.description("Attempts of Mistral API calls by rate-limit outcome")
			.tags("key", key, "outcome", "granted")
			.register(registry);
		FunctionCounter.builder(PERMITS, this.pacer, BucketRequestPacer::denied)
			.description("Attempts of Mistral API calls by rate-limit outcome")
			.tags("key", key, "outcome", "denied")
			.register(registry);
		Gauge.builder(FALLBACK, this.pacer, (pacer) -> "local-fallback".equals(pacer.mode()) ? 1 : 0)
			.description("1 while the shared rate-limit budget's Redis is unreachable and a local bucket is used")
			.tag("key", key)
			.register(registry);
		for (String budget : new String[] { BucketRequestPacer.REQUESTS, BucketRequestPacer.TOKENS }) {
			Gauge.builder(BUDGET_REMAINING, this.pacer, (pacer) -> {
				long remaining = pacer.remaining(budget);
				return (remaining >= 0) ? remaining : Double.NaN;
			})
				.description("Remaining Mistral rate-limit budget, from the last x-ratelimit-remaining-* header")
				.tags("key", key, "budget", budget)
				.register(registry);
			Gauge.builder(BUDGET_LIMIT, this.pacer, (pacer) -> {
				Long limit = pacer.limit(budget);
				return (limit != null) ? limit : Double.NaN;
			})
				.description("Mistral rate limit the client paces to, per minute")
				.tags("key", key, "budget", budget)
				.register(registry);
		}
	}

}
