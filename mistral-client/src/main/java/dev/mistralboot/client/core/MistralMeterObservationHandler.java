package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Records the meters of Mistral API operations that a timer cannot express, from the
 * {@link MistralObservationContext} of each observation (so streams, reactive calls and
 * every endpoint family are covered alike):
 * <ul>
 * <li>{@value #TOKEN_USAGE}: a distribution summary of tokens per operation, tagged
 * {@code gen_ai.token.type=input|output} plus the observation's low-cardinality tags
 * except {@code error.type}; recorded for whole answers, streams (usage of the final
 * chunk) and embeddings (input only), whenever the answer reports usage;</li>
 * <li>{@value #TIME_TO_FIRST_CHUNK}: a timer of the time from the start of a stream to
 * its first chunk;</li>
 * <li>{@value #RETRIES}: a counter of retries, tagged {@code reason} (the HTTP status
 * such as {@code 429}, {@code io} for connection failures, {@code timeout}, or
 * {@code stream} for a stream cut before its first chunk) and
 * {@code gen_ai.operation.name};</li>
 * <li>{@value #RATE_LIMIT_REMAINING} and {@value #RATE_LIMIT_LIMIT}: gauges of the last
 * {@code x-ratelimit-remaining-*} and {@code x-ratelimit-limit-*} headers seen, tagged
 * {@code limit} (the header's suffix, such as {@code tokens-minute} or
 * {@code req-minute}) and {@code server.address}; error answers (429) count too.</li>
 * </ul>
 * The operation's duration is the timer Micrometer's own
 * {@code DefaultMeterObservationHandler} derives from the observation
 * ({@code gen_ai.client.operation}). Register this handler on the
 * {@code ObservationRegistry} ({@code observationConfig().observationHandler(...)});
 * Spring Boot does it when Micrometer metrics are present. It is deliberately not a
 * {@code MeterObservationHandler}, so that it runs beside the default one rather than
 * instead of it.
 */
public class MistralMeterObservationHandler implements ObservationHandler<MistralObservationContext> {

	/** The token usage distribution summary. */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	/** The time-to-first-chunk timer. */
	public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

	/** The retry counter. */
	public static final String RETRIES = "mistral.client.retries";

	/** The gauge of the remaining rate-limit budget. */
	public static final String RATE_LIMIT_REMAINING = "mistral.client.rate_limit.remaining";

	/** The gauge of the rate limit. */
	public static final String RATE_LIMIT_LIMIT = "mistral.client.rate_limit.limit";

	/** Tag of the token usage summary: {@code input} or {@code output}. */
	public static final String TOKEN_TYPE = "gen_ai.token.type";

	private final MeterRegistry registry;

	private final ConcurrentMap<Tags, AtomicLong> gauges = new ConcurrentHashMap<>();

	/**
	 * Creates a handler.
	 * @param registry where the meters go
	 */
	public MistralMeterObservationHandler(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof MistralObservationContext;
	}

	@Override
	public void onEvent(Observation.Event event, MistralObservationContext context) {
		if (MistralObservationContext.FIRST_CHUNK.getName().equals(event.getName())) {
			Duration elapsed = context.timeToFirstChunk();
			if (elapsed != null) {
				Timer.builder(TIME_TO_FIRST_CHUNK)
					.description("Time from the start of a streamed Mistral API operation to its first chunk")
					.tags(tags(context, true))
					.register(this.registry)
					.record(elapsed);
			}
		}
		else if (MistralObservationContext.RETRY.getName().equals(event.getName())) {
			RuntimeException failure = context.lastRetryFailure();
			this.registry.counter(RETRIES,
					Tags.of(tag(context, DefaultMistralObservationConvention.OPERATION_NAME),
							tag(context, DefaultMistralObservationConvention.PROVIDER_NAME),
							Tag.of("reason", (failure != null) ? reason(failure) : "unknown")))
				.increment();
		}
	}

	@Override
	public void onStop(MistralObservationContext context) {
		UsageInfo usage = context.usage();
		if (usage != null) {
			Tags tags = tags(context, false);
			summary(tags.and(TOKEN_TYPE, "input")).record(usage.promptTokens());
			if (!"embeddings".equals(context.request().operation())) {
				summary(tags.and(TOKEN_TYPE, "output")).record(usage.completionTokens());
			}
		}
		ResponseMetadata metadata = context.metadata();
		RateLimits limits = null;
		if (metadata != null) {
			limits = metadata.rateLimits();
		}
		else if (context.getError() instanceof MistralApiException api) {
			limits = RateLimits.from(api.getHeaders());
		}
		if (limits != null) {
			gauges(RATE_LIMIT_REMAINING, "Remaining Mistral API rate-limit budget, from the last answer's headers",
					limits.remaining(), context.serverAddress());
			gauges(RATE_LIMIT_LIMIT, "Mistral API rate limit, from the last answer's headers", limits.limit(),
					context.serverAddress());
		}
	}

	/**
	 * The retry reason tag of a failure.
	 * @param failure why an attempt failed
	 * @return the HTTP status, {@code timeout}, {@code io}, {@code stream} (a stream cut
	 * before its first chunk), or the exception's simple class name
	 */
	protected String reason(RuntimeException failure) {
		if (failure instanceof MistralApiException api) {
			return Integer.toString(api.getStatusCode());
		}
		if (failure instanceof MistralTimeoutException) {
			return "timeout";
		}
		if (failure instanceof MistralIoException) {
			return "io";
		}
		if (failure instanceof MistralStreamException) {
			return "stream";
		}
		return failure.getClass().getSimpleName();
	}

	private DistributionSummary summary(Tags tags) {
		return DistributionSummary.builder(TOKEN_USAGE)
			.description("Tokens used by Mistral API operations")
			.baseUnit("tokens")
			.tags(tags)
			.register(this.registry);
	}

	private void gauges(String name, String description, Map<String, Long> values, String serverAddress) {
		values.forEach((kind, value) -> {
			Tags tags = Tags.of(Tag.of("limit", kind),
					Tag.of(DefaultMistralObservationConvention.SERVER_ADDRESS, serverAddress), Tag.of("name", name));
			this.gauges.computeIfAbsent(tags, (key) -> {
				AtomicLong holder = new AtomicLong();
				Gauge.builder(name, holder, AtomicLong::get)
					.description(description)
					.tags("limit", kind, DefaultMistralObservationConvention.SERVER_ADDRESS, serverAddress)
					.strongReference(true)
					.register(this.registry);
				return holder;
			}).set(value);
		});
	}

	private static Tags tags(MistralObservationContext context, boolean beforeResponse) {
		Tags tags = Tags.empty();
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			String key = keyValue.getKey();
			if (key.equals(DefaultMistralObservationConvention.ERROR_TYPE)
					|| (beforeResponse && key.equals(DefaultMistralObservationConvention.RESPONSE_MODEL))) {
				continue;
			}
			tags = tags.and(key, keyValue.getValue());
		}
		return tags;
	}

	private static Tag tag(MistralObservationContext context, String key) {
		KeyValue value = context.getLowCardinalityKeyValue(key);
		return Tag.of(key, (value != null) ? value.getValue() : DefaultMistralObservationConvention.NONE);
	}

}
