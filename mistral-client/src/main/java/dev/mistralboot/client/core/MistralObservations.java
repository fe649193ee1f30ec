package dev.mistralboot.client.core;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Starts and ends the observations of one core ({@link MistralHttp} or
 * {@link ReactiveMistralHttp}). Without a registry (or with a no-op one) every method
 * does nothing and costs nothing per chunk.
 */
final class MistralObservations {

	private static final MistralObservationConvention DEFAULT_CONVENTION = new DefaultMistralObservationConvention();

	private final @Nullable ObservationRegistry registry;

	private final @Nullable MistralObservationConvention convention;

	private final boolean content;

	private final String host;

	private final int port;

	MistralObservations(@Nullable ObservationRegistry registry, @Nullable MistralObservationConvention convention,
			String baseUrl) {
		this.registry = (registry != null && !registry.isNoop()) ? registry : null;
		this.convention = convention;
		this.content = (convention != null) ? convention.recordsContent() : DEFAULT_CONVENTION.recordsContent();
		URI uri = URI.create(baseUrl);
		this.host = (uri.getHost() != null) ? uri.getHost() : baseUrl;
		this.port = (uri.getPort() != -1) ? uri.getPort() : ("http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443);
	}

	/**
	 * Starts the observation of one operation.
	 * @param request the request
	 * @param streaming whether the answer is a stream
	 * @return a handle; {@link Handle#NOOP} when observations are off
	 */
	Handle start(ApiRequest request, boolean streaming) {
		return start(request, streaming, null);
	}

	/**
	 * Starts the observation of one operation under an explicit parent (a reactive call's
	 * parent comes from the Reactor context, not from the subscribing thread).
	 * @param request the request
	 * @param streaming whether the answer is a stream
	 * @param parent the parent observation, or {@code null} for the one in scope on this
	 * thread
	 * @return a handle; {@link Handle#NOOP} when observations are off
	 */
	Handle start(ApiRequest request, boolean streaming, @Nullable Observation parent) {
		ObservationRegistry target = this.registry;
		if (target == null) {
			return Handle.NOOP;
		}
		MistralObservationContext context = new MistralObservationContext(request, streaming, this.host, this.port,
				this.content);
		Observation observation = Observation.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context,
				target);
		if (parent != null && !parent.isNoop()) {
			observation.parentObservation(parent);
		}
		return new Handle(observation.start(), context);
	}

	/**
	 * Records a retry on the Mistral observation in scope on this thread (blocking calls
	 * open one).
	 */
	void retry(ApiRequest request, RuntimeException failure) {
		ObservationRegistry target = this.registry;
		if (target == null) {
			return;
		}
		Observation current = target.getCurrentObservation();
		if (current != null && current.getContext() instanceof MistralObservationContext context
				&& context.request() == request) {
			context.retry(failure);
			current.event(MistralObservationContext.RETRY);
		}
	}

	/** The event of an attempt that waited for rate-limit permits. */
	static final Observation.Event RATE_LIMIT_WAIT = Observation.Event.of("rate_limit_wait",
			"Waited for client-side rate-limit permits");

	/** The high-cardinality key of the time an attempt waited for permits. */
	static final String RATE_LIMIT_WAIT_KEY = "mistral.rate_limit.wait_ms";

	/**
	 * Records a wait for rate-limit permits on the Mistral observation in scope on this
	 * thread (blocking calls open one).
	 */
	void paced(ApiRequest request, Duration waited) {
		ObservationRegistry target = this.registry;
		if (target == null || waited.isZero()) {
			return;
		}
		Observation current = target.getCurrentObservation();
		if (current != null && current.getContext() instanceof MistralObservationContext context
				&& context.request() == request) {
			paced(current, waited);
		}
	}

	private static void paced(Observation observation, Duration waited) {
		observation.highCardinalityKeyValue(RATE_LIMIT_WAIT_KEY, Long.toString(waited.toMillis()));
		observation.event(RATE_LIMIT_WAIT);
	}

	/**
	 * One running observation. Ending it ({@link #stop}, {@link #error}, {@link #cancel})
	 * is idempotent: the first end wins, also when a cancellation races a completion.
	 */
	static final class Handle {

		static final Handle NOOP = new Handle(null, null);

		private final @Nullable Observation observation;

		private final @Nullable MistralObservationContext context;

		private final AtomicBoolean ended = new AtomicBoolean();

		private Handle(@Nullable Observation observation, @Nullable MistralObservationContext context) {
			this.observation = observation;
			this.context = context;
		}

		boolean isActive() {
			return this.observation != null;
		}

		@Nullable Observation observation() {
			return this.observation;
		}

		Observation.Scope openScope() {
			return (this.observation != null) ? this.observation.openScope() : Observation.Scope.NOOP;
		}

		void connected(ResponseMetadata metadata) {
			if (this.context != null) {
				this.context.connected(metadata);
			}
		}

		void response(ResponseMetadata metadata, @Nullable Object body) {
			if (this.context != null) {
				this.context.response(metadata, body);
			}
		}

		void chunk(Object chunk) {
			if (this.context != null && this.context.chunk(chunk) && this.observation != null) {
				this.observation.event(MistralObservationContext.FIRST_CHUNK);
			}
		}

		void paced(Duration waited) {
			if (this.observation != null && !this.ended.get() && !waited.isZero()) {
				MistralObservations.paced(this.observation, waited);
			}
		}

		void retry(RuntimeException failure) {
			if (this.context != null && this.observation != null && !this.ended.get()) {
				this.context.retry(failure);
				this.observation.event(MistralObservationContext.RETRY);
			}
		}

		void stop() {
			if (this.observation != null && this.ended.compareAndSet(false, true)) {
				this.observation.stop();
			}
		}

		void error(Throwable error) {
			if (this.observation != null && !this.ended.get()) {
				this.observation.error(error);
				stop();
			}
		}

		void cancel() {
			if (this.context != null && !this.ended.get()) {
				this.context.cancel();
				stop();
			}
		}

	}

}
