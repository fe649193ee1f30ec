package dev.mistralboot.client.core;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The reactive HTTP core (Spring's {@link WebClient}), with the same behaviour as
 * {@link MistralHttp}: authentication, error mapping, retries with backoff and
 * {@code Retry-After}, timeouts, and server-sent event streams as a {@link Flux} whose
 * cancellation closes the connection.
 */
public final class ReactiveMistralHttp {

	/**
	 * The Reactor context key under which Micrometer (and WebClient's own observation)
	 * looks for the parent observation: the value of
	 * {@code ObservationThreadLocalAccessor.KEY}, spelled out so that context-propagation
	 * is not needed on the classpath.
	 */
	private static final String OBSERVATION_KEY = "micrometer.observation";

	/**
	 * Network buffers of a stream asked for ahead of the chunks read from them, a batch
	 * at a time (three quarters of it asked again once delivered): enough to stop asking
	 * for every chunk on its own, few enough that a subscriber that does not keep up only
	 * holds a few of the connection's buffers.
	 */
	private static final int BUFFERS_AHEAD = 32;

	private final Builder settings;

	private final WebClient webClient;

	private final JsonMapper mapper;

	private final ErrorResponses errors;

	private final ModelDeprecations deprecations;

	private final MistralObservations observations;

	/**
	 * What this view applies to every call ({@link RequestOptions#NONE} for the base).
	 */
	private final RequestOptions options;

	private ReactiveMistralHttp(Builder builder) {
		this.settings = builder;
		this.options = RequestOptions.NONE;
		this.deprecations = new ModelDeprecations();
		this.observations = new MistralObservations(builder.observationRegistry, builder.observationConvention,
				builder.baseUrl);
		this.mapper = Objects.requireNonNullElseGet(builder.jsonMapper, MistralJson::defaultMapper);
		this.errors = new ErrorResponses(this.mapper);
		WebClient.Builder base = (builder.webClientBuilder != null) ? builder.webClientBuilder.clone()
				: WebClient.builder();
		if (builder.connector != null) {
			base.clientConnector(builder.connector);
		}
		this.webClient = base.filter(ReactiveExchangeTimer.FILTER)
			.baseUrl(builder.baseUrl)
			.defaultHeaders((headers) -> {
				headers.set(HttpHeaders.USER_AGENT, builder.userAgent);
				if (builder.apiKey != null) {
					headers.setBearerAuth(builder.apiKey);
				}
			})
			.build();
	}

	private ReactiveMistralHttp(ReactiveMistralHttp base, RequestOptions options) {
		this.settings = base.settings;
		this.options = options;
		this.observations = base.observations;
		this.mapper = base.mapper;
		this.errors = base.errors;
		this.webClient = base.webClient;
		this.deprecations = base.deprecations;
	}

	/**
	 * A view of this core that applies options to every call (over the ones this view
	 * already applies) and shares everything else: connections, observations, the
	 * rate-limit budget. Cheap enough to derive per call.
	 * @param options the options
	 * @return the view, or this core when the options are empty
	 */
	public ReactiveMistralHttp withOptions(RequestOptions options) {
		if (options.isEmpty()) {
			return this;
		}
		return new ReactiveMistralHttp(this, this.options.and(options));
	}

	/**
	 * The options this view applies to every call.
	 * @return the options, {@link RequestOptions#NONE} for a core built by its builder
	 */
	public RequestOptions options() {
		return this.options;
	}

	/**
	 * Starts a builder with the same defaults as {@link MistralHttp#builder()}.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder with this instance's settings, to derive another (for another host or
	 * key).
	 * @return a builder
	 */
	public Builder mutate() {
		return this.settings.copy();
	}

	/**
	 * The base URL calls go to.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.settings.baseUrl;
	}

	/**
	 * The JSON mapper used for bodies.
	 * @return the mapper
	 */
	public JsonMapper jsonMapper() {
		return this.mapper;
	}

	/**
	 * Performs a call and parses the JSON answer.
	 * @param <T> the answer type
	 * @param request the request
	 * @param type the answer type
	 * @return the answer and its metadata
	 */
	public <T> Mono<MistralResponse<T>> execute(ApiRequest request, Class<T> type) {
		return execute(request, this.mapper.constructType(type));
	}

	/**
	 * Performs a call and parses the JSON answer into a generic type.
	 * @param <T> the answer type
	 * @param request the request
	 * @param type the answer type
	 * @return the answer and its metadata
	 */
	public <T> Mono<MistralResponse<T>> execute(ApiRequest request, TypeReference<T> type) {
		return execute(request, this.mapper.constructType(type));
	}

	private <T> Mono<MistralResponse<T>> execute(ApiRequest call, JavaType type) {
		ApiRequest request = call.withOptions(this.options);
		return Mono.deferContextual((context) -> {
			MistralObservations.Handle observation = this.observations.start(request, false, parent(context));
			return observe(execute(request, type, observation), observation);
		});
	}

	private <T> Mono<MistralResponse<T>> execute(ApiRequest request, JavaType type,
			MistralObservations.Handle observation) {
		return Mono.defer(() -> {
			// a blank path variable is the caller's mistake, signalled as itself
			UriTemplates.of(request);
			byte[] body = serialize(request);
			long start = System.nanoTime();
			AtomicInteger attempts = new AtomicInteger();
			return Mono.defer(() -> {
				int attempt = attempts.incrementAndGet();
				// the response timeout counts from the end of the upload, which may not
				// stall
				ReactiveExchangeTimer timer = new ReactiveExchangeTimer(responseTimeout(request),
						this.settings.uploadTimeout);
				return paced(request, body, observation).flatMap((permit) -> timer
					.bound(send(request, body, MediaType.APPLICATION_JSON).<MistralResponse<T>>exchangeToMono(
							(response) -> handle(request, response, attempt, start, type, permit))));
			})
				.onErrorMap(
						(ex) -> mapTransport(ex, request, responseTimeout(request), "mistral.http.response-timeout"))
				.retryWhen(retry(request, () -> true, false, observation));
		});
	}

	/**
	 * The caller's observation, from the Reactor context (where WebFlux puts a server
	 * request's observation, and where Micrometer's context propagation keeps it).
	 */
	private static io.micrometer.observation.@Nullable Observation parent(reactor.util.context.ContextView context) {
		Object parent = context.getOrDefault(OBSERVATION_KEY, null);
		return (parent instanceof io.micrometer.observation.Observation observation) ? observation : null;
	}

	private static <T> Mono<MistralResponse<T>> observe(Mono<MistralResponse<T>> call,
			MistralObservations.Handle observation) {
		if (!observation.isActive()) {
			return call;
		}
		return call.doOnSuccess((response) -> {
			if (response != null) {
				observation.response(response.metadata(), response.body());
			}
			observation.stop();
		})
			.doOnError(observation::error)
			.doOnCancel(observation::cancel)
			.contextWrite((context) -> context.put(OBSERVATION_KEY, observation.observation()));
	}

	/**
	 * Opens a server-sent event stream and parses each event into a chunk. Cancelling the
	 * subscription closes the connection. Failures before the first chunk are retried;
	 * after it, never. The longest silence between chunks is the stream idle timeout.
	 * @param <T> the chunk type
	 * @param request the request (its body must ask for streaming)
	 * @param chunkType the chunk type
	 * @return the chunks
	 */
	public <T> Flux<T> stream(ApiRequest request, Class<T> chunkType) {
		ApiRequest applied = request.withOptions(this.options);
		ObjectReader reader = this.mapper.readerFor(chunkType);
		return Flux.deferContextual((callerContext) -> {
			MistralObservations.Handle observation = this.observations.start(applied, true, parent(callerContext));
			Flux<T> chunks = stream(applied, reader, observation);
			if (!observation.isActive()) {
				return chunks;
			}
			return chunks.doOnNext(observation::chunk)
				.doOnComplete(observation::stop)
				.doOnError(observation::error)
				.doOnCancel(observation::cancel)
				.contextWrite((context) -> context.put(OBSERVATION_KEY, observation.observation()));
		});
	}

	private <T> Flux<T> stream(ApiRequest request, ObjectReader reader, MistralObservations.Handle observation) {
		return Flux.defer(() -> {
			// a blank path variable is the caller's mistake, signalled as itself
			UriTemplates.of(request);
			byte[] body = serialize(request);
			long start = System.nanoTime();
			AtomicInteger attempts = new AtomicInteger();
			// counted as each chunk is read: the chunks read before a failure are
			// delivered before it, so a failure after the first chunk is never retried
			AtomicInteger delivered = new AtomicInteger();
			return Flux.defer(() -> {
				int attempt = attempts.incrementAndGet();
				return paced(request, body, observation)
					.flatMapMany(
							(permit) -> idleTimeout(
									(watchdog) -> send(request, body, MediaType.TEXT_EVENT_STREAM)
										.<T>exchangeToFlux((response) -> events(request, response, attempt, start,
												reader, delivered, observation, permit, watchdog)),
									streamIdleTimeout(request)))
					.onErrorMap((ex) -> mapTransport(ex, request, streamIdleTimeout(request),
							"mistral.http.stream-idle-timeout"));
			}).retryWhen(retry(request, () -> delivered.get() == 0, true, observation));
		});
	}

	/**
	 * Downloads a raw answer (a file's content) as it arrives, never held whole in
	 * memory. The subscriber owns each buffer and must release it
	 * ({@link DataBufferUtils#release(DataBuffer)}); {@link DataBufferUtils#write} to a
	 * file does. Cancelling the subscription closes the connection.
	 * <p>
	 * The headers must arrive, and then the body keep coming, with no silence longer than
	 * the stream idle timeout while the subscriber asks for more (time it spends before
	 * asking does not count): a silent body fails with a {@link MistralTimeoutException}.
	 * A body cut before its end, or shorter than its {@code Content-Length}, fails with a
	 * {@link MistralIoException}: it never completes as if it were whole. Failures before
	 * the headers are retried under the retry policy; after them, never.
	 * @param call the request
	 * @return the body's buffers, in order
	 */
	public Flux<DataBuffer> download(ApiRequest call) {
		ApiRequest request = call.withOptions(this.options);
		return Flux.deferContextual((callerContext) -> {
			MistralObservations.Handle observation = this.observations.start(request, false, parent(callerContext));
			Flux<DataBuffer> body = download(request, observation);
			if (!observation.isActive()) {
				return body;
			}
			return body.doOnComplete(observation::stop)
				.doOnError(observation::error)
				.doOnCancel(observation::cancel)
				.contextWrite((context) -> context.put(OBSERVATION_KEY, observation.observation()));
		});
	}

	private Flux<DataBuffer> download(ApiRequest request, MistralObservations.Handle observation) {
		return Flux.defer(() -> {
			// a blank path variable is the caller's mistake, signalled as itself
			UriTemplates.of(request);
			byte[] body = serialize(request);
			long start = System.nanoTime();
			AtomicInteger attempts = new AtomicInteger();
			// once the headers of a success arrived, the body is never sent twice
			AtomicBoolean answered = new AtomicBoolean();
			return Flux.defer(() -> {
				int attempt = attempts.incrementAndGet();
				return paced(request, body, observation)
					.flatMapMany((permit) -> demandIdleTimeout(
							send(request, body, MediaType.ALL).<DataBuffer>exchangeToFlux((response) -> bytes(request,
									response, attempt, start, permit, observation, answered)),
							streamIdleTimeout(request)))
					.onErrorMap((ex) -> mapTransport(ex, request, streamIdleTimeout(request),
							"mistral.http.stream-idle-timeout"));
			}).retryWhen(retry(request, () -> !answered.get(), false, observation));
		});
	}

	private Flux<DataBuffer> bytes(ApiRequest request, ClientResponse response, int attempt, long start,
			RequestPacer.Permit permit, MistralObservations.Handle observation, AtomicBoolean answered) {
		int status = response.statusCode().value();
		HttpHeaders headers = copy(response.headers().asHttpHeaders());
		permit.answered(status, headers, null);
		if (status >= 400) {
			return errorBody(request, response, status, headers, attempt).flatMapMany(Flux::error);
		}
		answered.set(true);
		this.deprecations.check(headers, request.model());
		ResponseMetadata metadata = new ResponseMetadata(status, headers, attempt,
				Duration.ofNanos(System.nanoTime() - start));
		request.options().answered(metadata);
		if (observation.isActive()) {
			observation.response(metadata, null);
		}
		long expected = headers.getContentLength();
		AtomicLong received = new AtomicLong();
		return response.body(BodyExtractors.toDataBuffers())
			.onErrorMap(ReactiveMistralHttp::cut)
			.doOnNext((buffer) -> received.addAndGet(buffer.readableByteCount()))
			.concatWith(
					Mono.defer(() -> (expected >= 0 && received.get() < expected)
							? Mono.error(new Failures.AnswerCutException(new IOException("The body ended after "
									+ received.get() + " of its " + expected + " bytes (Content-Length)")))
							: Mono.empty()));
	}

	/**
	 * Like {@link #idleTimeout}, but silence only counts while the subscriber has asked
	 * for a buffer it has not received: a subscriber that takes its time (writing to a
	 * slow disk) is not a silent server.
	 */
	private static Flux<DataBuffer> demandIdleTimeout(Flux<DataBuffer> buffers, Duration idle) {
		return Flux.defer(() -> {
			Sinks.Empty<Void> timedOut = Sinks.empty();
			IdleWatchdog watchdog = new IdleWatchdog(idle, timedOut::tryEmitEmpty);
			long[] demand = { 0 };
			return buffers.takeUntilOther(timedOut.asMono())
				.concatWith(Mono.defer(() -> watchdog.hasFired()
						? Mono.error(new TimeoutException("No data within " + idle)) : Mono.empty()))
				.doOnNext((buffer) -> {
					synchronized (demand) {
						if (demand[0] != Long.MAX_VALUE && --demand[0] <= 0) {
							demand[0] = 0;
							watchdog.pause();
						}
						else {
							watchdog.touch();
						}
					}
				})
				.doOnRequest((n) -> {
					synchronized (demand) {
						// the silence counts from the first request
						if (demand[0] == 0) {
							watchdog.resume();
						}
						demand[0] = (demand[0] + n < 0) ? Long.MAX_VALUE : demand[0] + n;
					}
				})
				.doOnDiscard(DataBuffer.class, DataBufferUtils::release)
				.doFinally((signal) -> watchdog.stop());
		});
	}

	/**
	 * Fails the stream with a {@link TimeoutException} when no chunk is read for the idle
	 * timeout (the first one counted from the subscription). One timer per stream, which
	 * the reading of a chunk only moves by writing a timestamp
	 * ({@link IdleWatchdog#touch()}, called by {@code chunks}): {@code Flux.timeout}
	 * schedules and cancels a task on another thread for every chunk.
	 */
	private static <T> Flux<T> idleTimeout(Function<IdleWatchdog, Flux<T>> chunks, Duration idle) {
		return Flux.defer(() -> {
			// the watchdog completes the trigger, which cancels the body (closing the
			// connection), then the timeout is signalled
			Sinks.Empty<Void> timedOut = Sinks.empty();
			IdleWatchdog watchdog = new IdleWatchdog(idle, timedOut::tryEmitEmpty);
			return chunks.apply(watchdog)
				.takeUntilOther(timedOut.asMono())
				.concatWith(Mono.defer(() -> watchdog.hasFired()
						? Mono.error(new TimeoutException("No chunk within " + idle)) : Mono.empty()))
				.doFinally((signal) -> watchdog.stop());
		});
	}

	private WebClient.RequestHeadersSpec<?> send(ApiRequest request, byte[] body, MediaType accept) {
		// always a template: WebClient reports it as the uri tag of http.client.requests
		// (a constant URI with the template as an attribute still read uri=none)
		UriTemplates.Expansion uri = UriTemplates.of(request);
		WebClient.RequestBodySpec spec = this.webClient.method(request.method()).uri(uri.template(), uri.variables());
		if (!request.headers().isEmpty()) {
			spec.headers((headers) -> headers.addAll(request.headers()));
		}
		spec.accept(accept);
		if (request.multipartBody() != null) {
			@SuppressWarnings("unchecked")
			org.springframework.util.MultiValueMap<String, Object> parts = (org.springframework.util.MultiValueMap<String, Object>) request
				.multipartBody();
			return spec.contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts));
		}
		if (request.jsonBody() != null) {
			return spec.contentType(MediaType.APPLICATION_JSON).contentLength(body.length).bodyValue(body);
		}
		return spec;
	}

	/**
	 * Takes the rate-limit permits of one attempt without blocking: the pacer's future
	 * completes on its timer thread once the permits are free.
	 */
	private Mono<RequestPacer.Permit> paced(ApiRequest request, byte[] body, MistralObservations.Handle observation) {
		RequestPacer pacer = this.settings.requestPacer;
		if (!pacer.isActive()) {
			return Mono.just(RequestPacer.Permit.NONE);
		}
		return Mono.fromFuture(() -> pacer.acquire(request, body), true)
			.doOnNext((permit) -> observation.paced(permit.waited()));
	}

	private <T> Mono<MistralResponse<T>> handle(ApiRequest request, ClientResponse response, int attempt, long start,
			JavaType type, RequestPacer.Permit permit) {
		int status = response.statusCode().value();
		HttpHeaders headers = copy(response.headers().asHttpHeaders());
		if (status >= 400) {
			permit.answered(status, headers, null);
			return errorBody(request, response, status, headers, attempt).flatMap(Mono::error);
		}
		this.deprecations.check(headers, request.model());
		ResponseMetadata metadata = new ResponseMetadata(status, headers, attempt,
				Duration.ofNanos(System.nanoTime() - start));
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()).onErrorMap(ReactiveMistralHttp::cut))
			.map((buffer) -> {
				T value = read(request, buffer, type);
				permit.answered(status, headers,
						(value instanceof ObservedResponse observed) ? observed.usage() : null);
				request.options().answered(metadata);
				return new MistralResponse<T>(value, metadata);
			})
			.switchIfEmpty(Mono.fromSupplier(() -> {
				permit.answered(status, headers, null);
				request.options().answered(metadata);
				return new MistralResponse<T>(readEmpty(request, type), metadata);
			}));
	}

	private <T> Flux<T> events(ApiRequest request, ClientResponse response, int attempt, long start,
			ObjectReader reader, AtomicInteger delivered, MistralObservations.Handle observation,
			RequestPacer.Permit permit, IdleWatchdog watchdog) {
		int status = response.statusCode().value();
		HttpHeaders headers = copy(response.headers().asHttpHeaders());
		permit.answered(status, headers, null);
		if (status >= 400) {
			return errorBody(request, response, status, headers, attempt).flatMapMany(Flux::error);
		}
		this.deprecations.check(headers, request.model());
		ResponseMetadata metadata = new ResponseMetadata(status, headers, attempt,
				Duration.ofNanos(System.nanoTime() - start));
		request.options().answered(metadata);
		if (observation.isActive()) {
			observation.connected(metadata);
		}
		StreamDecoder<T> decoder = new StreamDecoder<>(reader, this.errors, request.toString());
		List<T> out = new ArrayList<>();
		ServerSentEventParser parser = new ServerSentEventParser((name, data, length) -> {
			if (!decoder.isDone()) {
				T chunk = decoder.decode(name, data, length, delivered.get());
				if (chunk != null) {
					delivered.incrementAndGet();
					watchdog.touch();
					out.add(chunk);
				}
			}
		});
		byte[][] bytes = { new byte[8192] };
		// the buffers are parsed as the subscriber asks for chunks (flatMapIterable maps
		// an element when it needs one), and asked for in batches: concatMap asked for
		// them one by one, a request through every operator up to the connection for
		// each chunk
		return response.body(BodyExtractors.toDataBuffers())
			.onErrorMap(ReactiveMistralHttp::cut)
			.flatMapIterable((buffer) -> {
				try {
					int length = buffer.readableByteCount();
					if (length > bytes[0].length) {
						bytes[0] = new byte[Math.max(length, bytes[0].length * 2)];
					}
					buffer.read(bytes[0], 0, length);
					parser.feed(bytes[0], 0, length);
				}
				catch (RuntimeException ex) {
					// an error event or an unreadable chunk: the chunks before it, then
					// the failure
					return new ThenFail<>(drain(out), ex);
				}
				finally {
					DataBufferUtils.release(buffer);
				}
				return drain(out);
			}, BUFFERS_AHEAD)
			.doOnDiscard(DataBuffer.class, DataBufferUtils::release)
			.concatWith(Flux.defer(() -> {
				try {
					parser.finish();
				}
				catch (MistralInvalidResponseException ex) {
					// an event cut in the middle: the stream was cut, reported below
				}
				if (!decoder.isDone()) {
					return Flux.error(decoder.cutOff(delivered.get(), null));
				}
				return Flux.fromIterable(drain(out));
			}));
	}

	/** The chunks parsed from one network read, handed on (usually none or one). */
	private static <T> List<T> drain(List<T> out) {
		switch (out.size()) {
			case 0:
				return List.of();
			case 1:
				T chunk = out.get(0);
				out.clear();
				return List.of(chunk);
			default:
				List<T> chunks = List.copyOf(out);
				out.clear();
				return chunks;
		}
	}

	private Mono<MistralApiException> errorBody(ApiRequest request, ClientResponse response, int status,
			HttpHeaders headers, int attempt) {
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers())).map((buffer) -> {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		})
			.defaultIfEmpty(new byte[0])
			.onErrorReturn(new byte[0])
			.map((bytes) -> this.errors.toException(request.method().name(), request.path(), status, headers, bytes,
					attempt));
	}

	private <T> T read(ApiRequest request, DataBuffer buffer, JavaType type) {
		byte[] bytes;
		try {
			if (type.getRawClass() == Void.class) {
				return null;
			}
			bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
		try {
			return this.mapper.readValue(bytes, type);
		}
		catch (JacksonException ex) {
			String raw = new String(bytes, 0, Math.min(bytes.length, 10_000), java.nio.charset.StandardCharsets.UTF_8);
			throw new MistralInvalidResponseException("The answer to " + request + " could not be read as "
					+ type.getRawClass().getSimpleName() + ": " + ex.getOriginalMessage(), raw, ex);
		}
	}

	private static <T> @Nullable T readEmpty(ApiRequest request, JavaType type) {
		if (type.getRawClass() == Void.class) {
			return null;
		}
		throw new MistralInvalidResponseException("The answer to " + request + " had an empty body", "", null);
	}

	private Throwable mapTransport(Throwable failure, ApiRequest request, Duration readTimeout, String property) {
		if (failure instanceof MistralException) {
			return failure;
		}
		if (failure instanceof TimeoutException) {
			return new MistralTimeoutException(
					"No " + (property.contains("stream") ? "event" : "complete answer") + " from " + request
							+ " within " + readTimeout + ". Raise " + property + " if needed.",
					readTimeout, failure, false);
		}
		if (failure instanceof WebClientRequestException || failure instanceof IOException) {
			return Failures.io(failure, request, this.settings.baseUrl, this.settings.connectTimeout, readTimeout,
					property);
		}
		if (failure instanceof Error) {
			return failure;
		}
		// anything else a client library signals (Reactor Netty: a malformed chunk is a
		// NumberFormatException) is an I/O failure
		return Failures.io(Failures.toIoException(failure), request, this.settings.baseUrl,
				this.settings.connectTimeout, readTimeout, property);
	}

	/**
	 * Marks a failure while an answer's body is received: the answer had started, so it
	 * is never retried as a connection closed before the answer.
	 */
	private static Throwable cut(Throwable failure) {
		if (failure instanceof MistralException || failure instanceof TimeoutException
				|| failure instanceof Failures.AnswerCutException || failure instanceof Error) {
			return failure;
		}
		return new Failures.AnswerCutException(Failures.toIoException(failure));
	}

	/**
	 * Retries under the policy while {@code allowed}; for a stream, a cut before its
	 * first chunk is retried like a connect failure, as the blocking stream does.
	 */
	private Duration responseTimeout(ApiRequest request) {
		Duration timeout = request.options().responseTimeout();
		return (timeout != null) ? timeout : this.settings.responseTimeout;
	}

	private Duration streamIdleTimeout(ApiRequest request) {
		Duration idle = request.options().streamIdleTimeout();
		return (idle != null) ? idle : this.settings.streamIdleTimeout;
	}

	private Retry retry(ApiRequest request, java.util.function.BooleanSupplier allowed, boolean stream,
			MistralObservations.Handle observation) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			int attempt = (int) signal.totalRetries() + 1;
			// a stream is retried after any failure but a timeout before its first chunk,
			// as the blocking stream is
			boolean beforeFirstChunk = stream && ((failure instanceof MistralStreamException cut
					&& cut.getError() == null)
					|| (failure instanceof MistralIoException && !(failure instanceof MistralTimeoutException)));
			Throwable judged = beforeFirstChunk ? new MistralIoException(failure.getMessage(), failure, true) : failure;
			Duration delay = (judged instanceof RuntimeException runtime && request.repeatable()
					&& allowed.getAsBoolean())
							? request.options().policy(this.settings.retryPolicy).delayBeforeRetry(runtime, attempt)
							: null;
			if (delay == null) {
				return Mono.error(failure);
			}
			this.settings.listener.onRetry(request, (RuntimeException) failure, attempt, delay);
			observation.retry((RuntimeException) failure);
			return Mono.delay(delay).thenReturn(attempt);
		}));
	}

	private byte[] serialize(ApiRequest request) {
		Object body = request.jsonBody();
		return (body != null) ? this.mapper.writeValueAsBytes(body) : new byte[0];
	}

	private static HttpHeaders copy(HttpHeaders headers) {
		HttpHeaders copy = new HttpHeaders();
		copy.addAll(headers);
		return copy;
	}

	@Override
	public String toString() {
		return "ReactiveMistralHttp[baseUrl=" + this.settings.baseUrl + ", apiKey="
				+ ((this.settings.apiKey != null) ? "(set)" : "(none)") + "]";
	}

	/**
	 * Builds a {@link ReactiveMistralHttp}.
	 */
	public static final class Builder extends AbstractMistralHttpBuilder<Builder> {

		private WebClient.@Nullable Builder webClientBuilder;

		private @Nullable ClientHttpConnector connector;

		private Builder() {
			super("ReactiveMistralHttp.Builder");
		}

		@Override
		protected Builder self() {
			return this;
		}

		/**
		 * Sets the {@link WebClient.Builder} to build on (cloned).
		 * @param webClientBuilder the builder
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * Sets the connector (with the connect timeout and SSL settings).
		 * @param connector the connector
		 * @return this builder
		 */
		public Builder connector(ClientHttpConnector connector) {
			this.connector = connector;
			return this;
		}

		/**
		 * Builds the core.
		 * @return the core
		 */
		public ReactiveMistralHttp build() {
			return new ReactiveMistralHttp(copy());
		}

		Builder copy() {
			Builder copy = copyCommonTo(new Builder());
			copy.webClientBuilder = this.webClientBuilder;
			copy.connector = this.connector;
			return copy;
		}

	}

	/**
	 * The chunks read before a failure, then the failure: {@code flatMapIterable}
	 * delivers the chunks, then signals what {@link Iterator#hasNext()} threw.
	 */
	private record ThenFail<T>(List<T> chunks, RuntimeException failure) implements Iterable<T> {

		@Override
		public Iterator<T> iterator() {
			Iterator<T> chunks = this.chunks.iterator();
			return new Iterator<>() {

				@Override
				public boolean hasNext() {
					if (chunks.hasNext()) {
						return true;
					}
					throw ThenFail.this.failure;
				}

				@Override
				public T next() {
					hasNext();
					return chunks.next();
				}

			};
		}

	}

}
