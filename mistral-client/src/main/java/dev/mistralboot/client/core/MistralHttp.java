package dev.mistralboot.client.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.core.util.RecyclerPool;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The blocking HTTP core every Mistral client is built on (Spring's {@link RestClient}):
 * base URL, {@code Authorization: Bearer}, {@code User-Agent}, JSON through Jackson,
 * error mapping to the {@link MistralException} hierarchy, retries with backoff and
 * {@code Retry-After}, timeouts, and server-sent event streams.
 * <p>
 * Two request factories are used: one for ordinary calls, whose read timeout is the
 * response timeout, and one for streams, which has no read timeout of its own: the
 * longest silence between two events is enforced by this class
 * ({@code streamIdleTimeout}), so a long answer that keeps streaming is never cut.
 * <p>
 * Thread-safe; create one per base URL and key and share it.
 */
public final class MistralHttp {

	private static final Log logger = LogFactory.getLog(MistralHttp.class);

	/** How much of an unreadable answer an exception shows. */
	private static final int RAW_TEXT_LIMIT = 10_000;

	/**
	 * Answers of known length up to this size are read whole into a pooled buffer and
	 * parsed from it; larger or chunked answers are parsed as they arrive.
	 */
	private static final int POOLED_BODY_LIMIT = 64 * 1024;

	/**
	 * Jackson's own buffer pool, for the pooled answers: the bytes kept to show an
	 * unreadable answer are then not copied on every call.
	 */
	private static final RecyclerPool<BufferRecycler> BODY_BUFFERS = JsonRecyclerPools.newBoundedPool(32);

	/** The Mistral cloud. */
	public static final String DEFAULT_BASE_URL = "https://api.mistral.ai";

	private final Builder settings;

	/** The transport, built on first use; shared by the views of {@link #withOptions}. */
	private final AtomicReference<@Nullable Transport> transport;

	/**
	 * What this view applies to every call ({@link RequestOptions#NONE} for the base).
	 */
	private final RequestOptions options;

	private final JsonMapper mapper;

	private final ErrorResponses errors;

	private final ModelDeprecations deprecations;

	private final MistralObservations observations;

	private MistralHttp(Builder builder) {
		this.settings = builder.copy();
		this.transport = new AtomicReference<>();
		this.options = RequestOptions.NONE;
		this.mapper = Objects.requireNonNullElseGet(builder.jsonMapper, MistralJson::defaultMapper);
		this.errors = new ErrorResponses(this.mapper);
		this.deprecations = Objects.requireNonNullElseGet(builder.deprecations, ModelDeprecations::new);
		this.settings.deprecations = this.deprecations;
		this.observations = new MistralObservations(builder.observationRegistry, builder.observationConvention,
				builder.baseUrl);
	}

	private MistralHttp(MistralHttp base, RequestOptions options) {
		this.settings = base.settings;
		this.transport = base.transport;
		this.options = options;
		this.mapper = base.mapper;
		this.errors = base.errors;
		this.deprecations = base.deprecations;
		this.observations = base.observations;
	}

	/**
	 * A view of this core that applies options to every call (over the ones this view
	 * already applies) and shares everything else: connections, observations, the
	 * rate-limit budget. Cheap enough to derive per call.
	 * @param options the options
	 * @return the view, or this core when the options are empty
	 */
	public MistralHttp withOptions(RequestOptions options) {
		if (options.isEmpty()) {
			return this;
		}
		return new MistralHttp(this, this.options.and(options));
	}

	/**
	 * The options this view applies to every call.
	 * @return the options, {@link RequestOptions#NONE} for a core built by its builder
	 */
	public RequestOptions options() {
		return this.options;
	}

	/**
	 * The HTTP clients, built on first use: an application that never calls the API never
	 * builds them (a JDK client sets up TLS and starts a selector thread).
	 */
	private Transport transport() {
		Transport transport = this.transport.get();
		if (transport == null) {
			synchronized (this.transport) {
				transport = this.transport.get();
				if (transport == null) {
					transport = buildTransport(this.settings);
					this.transport.set(transport);
				}
			}
		}
		return transport;
	}

	private static Transport buildTransport(Builder builder) {
		ClientHttpRequestFactory factory = get(builder.requestFactory);
		ClientHttpRequestFactory streamingFactory = get(builder.streamingRequestFactory);
		boolean ownJdkFactory = (factory == null);
		if (factory == null || streamingFactory == null) {
			// HTTP/2 over TLS (ALPN); plain http stays on HTTP/1.1: no h2c upgrade, which
			// servers often mishandle
			// The JDK's default executor (a pool) handles answers: a direct one, measured
			// about 35%
			// cheaper per small call, would run every connection's TLS and HTTP/2 work on
			// the single
			// selector thread (see JdkRequestFactory)
			HttpClient configured = get(builder.httpClient);
			HttpClient jdk = (configured != null) ? configured
					: HttpClient.newBuilder()
						.connectTimeout(builder.connectTimeout)
						.version(httpVersion(builder.baseUrl))
						.build();
			if (factory == null) {
				// no read timeout of its own: the guard below bounds the whole answer
				factory = new JdkRequestFactory(jdk, null);
			}
			if (streamingFactory == null) {
				streamingFactory = new JdkRequestFactory(jdk, null);
			}
		}
		// one failure behaviour on every transport: response timeout from the end of the
		// upload, upload timeout, typed failures (see GuardedRequestFactory)
		factory = new GuardedRequestFactory(factory, builder.responseTimeout, builder.uploadTimeout);
		streamingFactory = new GuardedRequestFactory(streamingFactory, null, builder.uploadTimeout);
		RestClient.Builder configured = get(builder.restClientBuilder);
		RestClient.Builder base = (configured != null) ? configured.clone() : RestClient.builder();
		base.baseUrl(builder.baseUrl).defaultHeaders((headers) -> {
			headers.set(HttpHeaders.USER_AGENT, builder.userAgent);
			if (builder.apiKey != null) {
				headers.setBearerAuth(builder.apiKey);
			}
		});
		// the core's own JDK client and no RestClient.Builder of the application (which
		// may carry interceptors, observation, or customizers): calls skip RestClient's
		// pipeline, with their headers built once here
		Direct direct = (configured == null && ownJdkFactory)
				? new Direct((GuardedRequestFactory) factory, builder.userAgent, builder.apiKey) : null;
		return new Transport(base.clone().requestFactory(factory).build(),
				base.requestFactory(streamingFactory).build(), direct);
	}

	private static <T> @Nullable T get(@Nullable Supplier<? extends @Nullable T> supplier) {
		return (supplier != null) ? supplier.get() : null;
	}

	/**
	 * The HTTP version the core's own JDK client uses for a base URL: HTTP/2 over TLS
	 * (ALPN), HTTP/1.1 for plain {@code http} (no h2c upgrade, which servers often
	 * mishandle).
	 * @param baseUrl the base URL
	 * @return the version
	 */
	public static HttpClient.Version httpVersion(String baseUrl) {
		return baseUrl.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
	}

	/**
	 * Starts a builder with the defaults: the Mistral cloud, {@link RetryPolicy#DEFAULT},
	 * a 10 s connect timeout, a 5 min response timeout and a 60 s stream idle timeout, on
	 * the JDK HTTP client.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding this instance's settings, to derive another (for a different host
	 * or key).
	 * @return a builder
	 */
	public Builder mutate() {
		return this.settings.copy();
	}

	/**
	 * The base URL calls go to.
	 * @return the base URL, such as {@code https://api.mistral.ai}
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
	 * The retry policy.
	 * @return the policy
	 */
	public RetryPolicy retryPolicy() {
		return this.settings.retryPolicy;
	}

	/**
	 * Performs a call and parses the JSON answer.
	 * @param <T> the answer type
	 * @param request the request
	 * @param type the answer type ({@code Void.class} to ignore the body)
	 * @return the answer and its metadata
	 * @throws MistralApiException for an error status, after retries
	 * @throws MistralIoException when the API could not be reached or timed out
	 */
	public <T> MistralResponse<T> execute(ApiRequest request, Class<T> type) {
		return execute(request, this.mapper.constructType(type));
	}

	/**
	 * Performs a call and parses the JSON answer into a generic type.
	 * @param <T> the answer type
	 * @param request the request
	 * @param type the answer type
	 * @return the answer and its metadata
	 */
	public <T> MistralResponse<T> execute(ApiRequest request, TypeReference<T> type) {
		return execute(request, this.mapper.constructType(type));
	}

	private <T> MistralResponse<T> execute(ApiRequest call, JavaType type) {
		ApiRequest request = call.withOptions(this.options);
		MistralObservations.Handle observation = this.observations.start(request, false);
		MistralResponse<T> response;
		try (Observation.Scope scope = observation.openScope()) {
			response = execute(request, type, serialize(request));
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		observation.response(response.metadata(), response.body());
		observation.stop();
		return response;
	}

	private <T> MistralResponse<T> execute(ApiRequest request, JavaType type, byte[] body) {
		long start = System.nanoTime();
		return withRetries(request, (attempt) -> {
			RequestPacer.Permit permit = pace(request, body);
			Transport transport = transport();
			Duration timeout = request.options().responseTimeout();
			Direct direct = transport.direct();
			URI uri = (direct != null && request.multipartBody() == null && request.headers().isEmpty())
					? UriTemplates.constant(this.settings.baseUrl, request) : null;
			if (direct != null && uri != null) {
				return direct.exchange(uri, request, body, timeout,
						(response) -> answer(request, response, type, permit, attempt, start));
			}
			RestClient.RequestBodySpec spec = prepare(transport.restClient(), request, body,
					MediaType.APPLICATION_JSON);
			if (timeout != null) {
				spec.attribute(GuardedRequestFactory.RESPONSE_TIMEOUT_ATTRIBUTE, timeout);
			}
			return spec.exchange((req, response) -> answer(request, response, type, permit, attempt, start), true);
		}, responseTimeout(request), "mistral.http.response-timeout");
	}

	private <T> MistralResponse<T> answer(ApiRequest request, ClientHttpResponse response, JavaType type,
			RequestPacer.Permit permit, int attempt, long start) throws IOException {
		HttpHeaders headers = copy(response.getHeaders());
		int status = response.getStatusCode().value();
		if (status >= 400) {
			permit.answered(status, headers, null);
			throw error(request, status, headers, response, attempt);
		}
		this.deprecations.check(headers, request.model());
		T value = read(request, response, type);
		permit.answered(status, headers, (value instanceof ObservedResponse observed) ? observed.usage() : null);
		ResponseMetadata metadata = new ResponseMetadata(status, headers, attempt, since(start));
		request.options().answered(metadata);
		return new MistralResponse<>(value, metadata);
	}

	/**
	 * Opens a server-sent event stream and parses each event into a chunk. Close the
	 * stream (it is {@link AutoCloseable}) when done; it is read to {@code [DONE]} so the
	 * connection can be reused.
	 * @param <T> the chunk type
	 * @param request the request (its body must ask for streaming)
	 * @param chunkType the chunk type
	 * @return the open stream
	 * @throws MistralApiException for an error status, after retries
	 */
	public <T> MistralStream<T> stream(ApiRequest request, Class<T> chunkType) {
		ApiRequest applied = request.withOptions(this.options);
		byte[] body = serialize(applied);
		ObjectReader reader = this.mapper.readerFor(chunkType);
		return new MistralStream<>(this, applied, body, reader);
	}

	/**
	 * Opens a call whose answer is raw bytes (a file download). The caller must close the
	 * result.
	 * <p>
	 * The headers must arrive, and the body must keep coming, with no silence longer than
	 * the stream idle timeout (time the caller spends between two reads does not count);
	 * see {@link MistralDownload} for how failures while reading the body are reported.
	 * Failures before the headers are retried under the retry policy.
	 * @param request the request
	 * @return the open body and its metadata
	 * @throws MistralApiException for an error status, after retries
	 * @throws MistralIoException when the API cannot be reached, or sends no headers in
	 * time
	 */
	public MistralDownload download(ApiRequest request) {
		ApiRequest applied = request.withOptions(this.options);
		MistralObservations.Handle observation = this.observations.start(applied, false);
		MistralDownload download;
		try (Observation.Scope scope = observation.openScope()) {
			download = openDownload(applied);
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		observation.response(download.metadata(), null);
		observation.stop();
		return download;
	}

	private MistralDownload openDownload(ApiRequest request) {
		byte[] body = serialize(request);
		long start = System.nanoTime();
		Duration idle = streamIdleTimeout(request);
		return withRetries(request, (attempt) -> {
			Watched watched = openWatched(request, body, attempt, start, MediaType.ALL);
			MistralDownload download = new MistralDownload(request, watched.open().response(),
					watched.open().metadata(), watched.watchdog(), idle);
			onSilence(watched, request, download::abort);
			return download;
		}, idle, "mistral.http.stream-idle-timeout");
	}

	/**
	 * Sends a request on the streaming client and returns the open response when its
	 * status is a success; an error status is read, closed and thrown.
	 */
	OpenResponse open(ApiRequest request, byte[] body, int attempt, long start, MediaType accept, RestClient client,
			RequestPacer.Permit permit) {
		ClientHttpResponse response = prepare(client, request, body, accept).exchange((req, res) -> res, false);
		Objects.requireNonNull(response, "response");
		try {
			HttpHeaders headers = copy(response.getHeaders());
			int status = response.getStatusCode().value();
			permit.answered(status, headers, null);
			if (status >= 400) {
				throw error(request, status, headers, response, attempt);
			}
			this.deprecations.check(headers, request.model());
			ResponseMetadata metadata = new ResponseMetadata(status, headers, attempt, since(start));
			request.options().answered(metadata);
			return new OpenResponse(response, metadata);
		}
		catch (IOException ex) {
			response.close();
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			response.close();
			throw ex;
		}
	}

	/**
	 * Sends a request on the streaming client (streams and downloads), interrupting the
	 * caller when no headers arrive within the stream idle timeout. The returned watchdog
	 * still holds that interrupt: give it the body's silence action with
	 * {@link #onSilence}.
	 */
	Watched openWatched(ApiRequest request, byte[] body, int attempt, long start, MediaType accept) {
		// the wait for a rate-limit permit is not a silence of the server
		RequestPacer.Permit permit = pace(request, body);
		// built (on the first call) before the silence is counted
		RestClient client = transport().streamingRestClient();
		IdleWatchdog dog = IdleWatchdog.interrupting(streamIdleTimeout(request), Thread.currentThread());
		try {
			return new Watched(open(request, body, attempt, start, accept, client, permit), dog);
		}
		catch (RuntimeException ex) {
			dog.stop();
			if (dog.hasFired()) {
				Thread.interrupted();
				throw noAnswerInTime(request, ex);
			}
			throw ex;
		}
	}

	/**
	 * Replaces the watchdog's interrupt by the action that ends a silent body. When the
	 * watchdog fired in between, the action runs at once and the timeout is thrown.
	 */
	void onSilence(Watched watched, ApiRequest request, Runnable action) {
		IdleWatchdog dog = watched.watchdog();
		if (!dog.replaceAction(action)) {
			dog.stop();
			Thread.interrupted();
			action.run();
			throw noAnswerInTime(request, new IOException("idle timeout"));
		}
	}

	private MistralTimeoutException noAnswerInTime(ApiRequest request, Exception cause) {
		Duration idle = streamIdleTimeout(request);
		return new MistralTimeoutException(
				"No answer to " + request + " within " + idle + ". Raise mistral.http.stream-idle-timeout if needed.",
				idle, cause, false);
	}

	/**
	 * Runs attempts until one succeeds, a failure is not retryable, or attempts run out.
	 */
	<T> T withRetries(ApiRequest request, Attempt<T> attempt, Duration readTimeout, String readTimeoutProperty) {
		return withRetries(request, 1, attempt, readTimeout, readTimeoutProperty);
	}

	<T> T withRetries(ApiRequest request, int firstAttempt, Attempt<T> attempt, Duration readTimeout,
			String readTimeoutProperty) {
		for (int number = firstAttempt;; number++) {
			RuntimeException failure;
			try {
				return attempt.run(number);
			}
			catch (MistralApiException | MistralIoException ex) {
				failure = ex;
			}
			catch (ResourceAccessException | UncheckedIOException ex) {
				failure = Failures.io(ex, request, this.settings.baseUrl, this.settings.connectTimeout, readTimeout,
						readTimeoutProperty);
			}
			// the JDK client's own resend of a GET was an attempt too; retry only when
			// another two fit in
			boolean resent = Failures.isResentByClient(failure);
			if (resent) {
				number++;
			}
			Duration delay = request.repeatable()
					? policy(request).delayBeforeRetry(failure, resent ? number + 1 : number) : null;
			if (delay == null) {
				throw failure;
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Retrying " + request + " in " + delay.toMillis() + " ms after attempt " + number + ": "
						+ failure.getMessage());
			}
			this.settings.listener.onRetry(request, failure, number, delay);
			this.observations.retry(request, failure);
			this.settings.sleeper.sleep(delay);
		}
	}

	/** A transport failure of a call, classified as {@link #withRetries} does. */
	MistralIoException ioFailure(RuntimeException failure, ApiRequest request, Duration readTimeout,
			String readTimeoutProperty) {
		return Failures.io(failure, request, this.settings.baseUrl, this.settings.connectTimeout, readTimeout,
				readTimeoutProperty);
	}

	/**
	 * Takes the rate-limit permits of one attempt, waiting for them on this thread (at
	 * most the pacer's longest wait); the wait shows in the call's observation.
	 */
	RequestPacer.Permit pace(ApiRequest request, byte[] body) {
		RequestPacer pacer = this.settings.requestPacer;
		if (!pacer.isActive()) {
			return RequestPacer.Permit.NONE;
		}
		try {
			RequestPacer.Permit permit = pacer.acquire(request, body).get();
			this.observations.paced(request, permit.waited());
			return permit;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MistralRateLimitWaitException(
					"Interrupted while waiting for a rate-limit permit for " + request + ": the call was not sent",
					BucketRequestPacer.REQUESTS, Duration.ZERO, ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new MistralException("Rate-limit pacing failed for " + request, cause);
		}
	}

	/** The retry policy of a call: the configured one, with the call's attempts. */
	RetryPolicy policy(ApiRequest request) {
		return request.options().policy(this.settings.retryPolicy);
	}

	Sleeper sleeper() {
		return this.settings.sleeper;
	}

	Listener listener() {
		return this.settings.listener;
	}

	/** The idle timeout of a stream or download: the call's, or the configured one. */
	Duration streamIdleTimeout(ApiRequest request) {
		Duration idle = request.options().streamIdleTimeout();
		return (idle != null) ? idle : this.settings.streamIdleTimeout;
	}

	/** The response timeout of a call: the call's, or the configured one. */
	Duration responseTimeout(ApiRequest request) {
		Duration timeout = request.options().responseTimeout();
		return (timeout != null) ? timeout : this.settings.responseTimeout;
	}

	ErrorResponses errors() {
		return this.errors;
	}

	MistralObservations observations() {
		return this.observations;
	}

	private MistralApiException error(ApiRequest request, int status, HttpHeaders headers, ClientHttpResponse response,
			int attempt) throws IOException {
		byte[] bytes;
		try (InputStream in = response.getBody()) {
			bytes = StreamUtils.copyToByteArray(in);
		}
		catch (IOException ex) {
			bytes = new byte[0];
		}
		return this.errors.toException(request.method().name(), request.path(), status, headers, bytes, attempt);
	}

	private <T> T read(ApiRequest request, ClientHttpResponse response, JavaType type) throws IOException {
		if (type.getRawClass() == Void.class) {
			StreamUtils.drain(response.getBody());
			return null;
		}
		long contentLength = response.getHeaders().getContentLength();
		if (contentLength >= 0 && contentLength <= POOLED_BODY_LIMIT) {
			return readPooled(request, response, type, (int) contentLength);
		}
		// Parsed as it arrives: copying a large answer (embeddings: megabytes) into a
		// growing array
		// first would allocate it about three times over
		RecordingInputStream in = new RecordingInputStream(response.getBody(), RAW_TEXT_LIMIT,
				response.getHeaders().getContentLength());
		try {
			return this.mapper.readValue(in, type);
		}
		catch (JacksonIOException ex) {
			// the answer could not be received (not: it was received and is unreadable)
			IOException cause = ex.getCause();
			throw (cause != null) ? cause : new IOException(ex.getMessage(), ex);
		}
		catch (JacksonException ex) {
			throw new MistralInvalidResponseException("The answer to " + request + " could not be read as "
					+ type.getRawClass().getSimpleName() + ": " + ex.getOriginalMessage(), in.recorded(), ex);
		}
	}

	/**
	 * Reads an answer of known, small length into a buffer of Jackson's pool and parses
	 * it from there; the same buffer shows the answer when it cannot be read.
	 */
	private <T> T readPooled(ApiRequest request, ClientHttpResponse response, JavaType type, int contentLength)
			throws IOException {
		BufferRecycler recycler = BODY_BUFFERS.acquireAndLinkPooled();
		byte[] buffer = recycler.allocByteBuffer(BufferRecycler.BYTE_READ_IO_BUFFER, contentLength);
		try {
			// a body cut before its length raises the transport's IOException here
			int length = response.getBody().readNBytes(buffer, 0, contentLength);
			try {
				return this.mapper.readValue(buffer, 0, length, type);
			}
			catch (JacksonException ex) {
				throw new MistralInvalidResponseException(
						"The answer to " + request + " could not be read as " + type.getRawClass().getSimpleName()
								+ ": " + ex.getOriginalMessage(),
						new String(buffer, 0, Math.min(length, RAW_TEXT_LIMIT), StandardCharsets.UTF_8), ex);
			}
		}
		finally {
			recycler.releaseByteBuffer(BufferRecycler.BYTE_READ_IO_BUFFER, buffer);
			recycler.releaseToPool();
		}
	}

	private byte[] serialize(ApiRequest request) {
		Object body = request.jsonBody();
		if (body == null) {
			return new byte[0];
		}
		return this.mapper.writeValueAsBytes(body);
	}

	private RestClient.RequestBodySpec prepare(RestClient client, ApiRequest request, byte[] json, MediaType accept) {
		URI constant = UriTemplates.constant(this.settings.baseUrl, request);
		RestClient.RequestBodySpec spec;
		if (constant != null) {
			// the fast path still tells observations the template (the uri tag)
			spec = client.method(request.method())
				.uri(constant)
				.attribute(UriTemplates.REST_CLIENT_URI_TEMPLATE, request.path());
		}
		else {
			UriTemplates.Expansion uri = UriTemplates.of(request);
			spec = client.method(request.method()).uri(uri.template(), uri.variables());
		}
		if (!request.headers().isEmpty()) {
			spec.headers((headers) -> headers.addAll(request.headers()));
		}
		spec.accept(accept);
		if (request.multipartBody() != null) {
			spec.contentType(MediaType.MULTIPART_FORM_DATA).body(request.multipartBody());
		}
		else if (request.jsonBody() != null) {
			spec.contentType(MediaType.APPLICATION_JSON)
				.contentLength(json.length)
				.body(new JdkRequestFactory.ByteArrayBody(json));
		}
		return spec;
	}

	private static HttpHeaders copy(HttpHeaders headers) {
		if (headers instanceof JdkRequestFactory.SnapshotHeaders) {
			// already a read-only snapshot that outlives the response
			return headers;
		}
		HttpHeaders copy = new HttpHeaders();
		copy.addAll(headers);
		return copy;
	}

	private static Duration since(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos);
	}

	@Override
	public String toString() {
		return "MistralHttp[baseUrl=" + this.settings.baseUrl + ", apiKey="
				+ ((this.settings.apiKey != null) ? "(set)" : "(none)") + "]";
	}

	@FunctionalInterface
	interface Attempt<T> {

		T run(int attempt);

	}

	/**
	 * The clients for calls (with the response timeout) and for streams (without), and
	 * the direct path for calls when the core's own JDK client sends them.
	 */
	private record Transport(RestClient restClient, RestClient streamingRestClient, @Nullable Direct direct) {
	}

	/**
	 * Calls sent straight to the guarded request factory, without {@link RestClient}'s
	 * request spec, header merging and observation context (a quarter of what a small
	 * call allocated): for the core's own JDK client when the application configured no
	 * {@link RestClient.Builder}, and for calls to a constant URI with neither headers of
	 * their own nor a multipart body. The headers are those RestClient would send, built
	 * once.
	 */
	private static final class Direct {

		private final GuardedRequestFactory factory;

		/** User-Agent, Authorization and Accept: calls without a body. */
		private final String[] headers;

		/** The same and Content-Type: calls with a JSON body. */
		private final String[] jsonHeaders;

		Direct(GuardedRequestFactory factory, String userAgent, @Nullable String apiKey) {
			this.factory = factory;
			String json = MediaType.APPLICATION_JSON_VALUE;
			this.headers = (apiKey != null)
					? new String[] { HttpHeaders.USER_AGENT, userAgent, HttpHeaders.AUTHORIZATION, "Bearer " + apiKey,
							HttpHeaders.ACCEPT, json }
					: new String[] { HttpHeaders.USER_AGENT, userAgent, HttpHeaders.ACCEPT, json };
			this.jsonHeaders = Arrays.copyOf(this.headers, this.headers.length + 2);
			this.jsonHeaders[this.headers.length] = HttpHeaders.CONTENT_TYPE;
			this.jsonHeaders[this.headers.length + 1] = json;
		}

		<T> T exchange(URI uri, ApiRequest request, byte[] body, @Nullable Duration timeout, Answer<T> answer) {
			boolean json = request.jsonBody() != null;
			ClientHttpResponse response = null;
			try {
				ClientHttpRequest http = this.factory.createRequest(uri, request.method(),
						json ? this.jsonHeaders : this.headers);
				if (timeout != null) {
					http.getAttributes().put(GuardedRequestFactory.RESPONSE_TIMEOUT_ATTRIBUTE, timeout);
				}
				if (json) {
					((StreamingHttpOutputMessage) http).setBody(new JdkRequestFactory.ByteArrayBody(body));
				}
				response = http.execute();
				return answer.read(response);
			}
			catch (IOException ex) {
				// what RestClient throws
				String target = uri.toString();
				int query = target.indexOf('?');
				throw new ResourceAccessException("I/O error on " + request.method().name() + " request for \""
						+ ((query >= 0) ? target.substring(0, query) : target) + "\": " + ex.getMessage(), ex);
			}
			finally {
				if (response != null) {
					response.close();
				}
			}
		}

	}

	@FunctionalInterface
	private interface Answer<T> {

		T read(ClientHttpResponse response) throws IOException;

	}

	/**
	 * An open response whose body has not been read.
	 *
	 * @param response the response
	 * @param metadata its status, headers and timing
	 */
	record OpenResponse(ClientHttpResponse response, ResponseMetadata metadata) {
	}

	/**
	 * An open response and the watchdog that guards its silences.
	 *
	 * @param open the open response
	 * @param watchdog the watchdog
	 */
	record Watched(OpenResponse open, IdleWatchdog watchdog) {
	}

	/**
	 * Passes an answer's body to the parser while keeping its first bytes, to show them
	 * when the answer cannot be read. Closing it does nothing: the response is closed by
	 * its exchange, which reads it to its end first so the connection can be reused.
	 */
	private static final class RecordingInputStream extends InputStream {

		private final InputStream in;

		private final byte[] recorded;

		private int length;

		RecordingInputStream(InputStream in, int limit, long contentLength) {
			this.in = in;
			this.recorded = new byte[(contentLength >= 0 && contentLength < limit) ? (int) contentLength : limit];
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0 && this.length < this.recorded.length) {
				this.recorded[this.length++] = (byte) b;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int count) throws IOException {
			int read = this.in.read(buffer, offset, count);
			if (read > 0 && this.length < this.recorded.length) {
				int kept = Math.min(read, this.recorded.length - this.length);
				System.arraycopy(buffer, offset, this.recorded, this.length, kept);
				this.length += kept;
			}
			return read;
		}

		@Override
		public int available() throws IOException {
			return this.in.available();
		}

		/**
		 * The first bytes of the answer as text, reading on up to the limit when fewer
		 * were parsed.
		 */
		String recorded() {
			try {
				int read;
				while (this.length < this.recorded.length
						&& (read = this.in.read(this.recorded, this.length, this.recorded.length - this.length)) > 0) {
					this.length += read;
				}
			}
			catch (IOException ex) {
				// show what arrived
			}
			return new String(this.recorded, 0, this.length, StandardCharsets.UTF_8);
		}

		@Override
		public void close() {
			// the exchange closes the response
		}

	}

	/**
	 * Hooks into the core's work, for metrics. Every method has an empty default.
	 */
	public interface Listener {

		/** A listener that does nothing. */
		Listener NONE = new Listener() {
		};

		/**
		 * Called before waiting to retry a failed attempt.
		 * @param request the request
		 * @param failure why the attempt failed
		 * @param attempt the number of the failed attempt
		 * @param delay the wait before the next attempt
		 */
		default void onRetry(ApiRequest request, RuntimeException failure, int attempt, Duration delay) {
		}

	}

	/**
	 * Builds a {@link MistralHttp}.
	 */
	public static final class Builder extends AbstractMistralHttpBuilder<Builder> {

		private @Nullable Supplier<RestClient.Builder> restClientBuilder;

		private @Nullable Supplier<HttpClient> httpClient;

		private @Nullable Supplier<ClientHttpRequestFactory> requestFactory;

		private @Nullable Supplier<ClientHttpRequestFactory> streamingRequestFactory;

		private Sleeper sleeper = Sleeper.THREAD_SLEEP;

		private @Nullable ModelDeprecations deprecations;

		private Builder() {
			super("MistralHttp.Builder");
		}

		@Override
		protected Builder self() {
			return this;
		}

		/**
		 * Sets the {@link RestClient.Builder} to build on (cloned; Spring Boot's carries
		 * its customizers, observation and SSL settings).
		 * @param restClientBuilder the builder
		 * @return this builder
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			Objects.requireNonNull(restClientBuilder, "restClientBuilder");
			this.restClientBuilder = () -> restClientBuilder;
			return this;
		}

		/**
		 * Sets where the {@link RestClient.Builder} to build on comes from, asked once,
		 * on the first call (cloned).
		 * @param restClientBuilder supplies the builder
		 * @return this builder
		 */
		public Builder restClientBuilder(Supplier<RestClient.Builder> restClientBuilder) {
			this.restClientBuilder = Objects.requireNonNull(restClientBuilder, "restClientBuilder");
			return this;
		}

		/**
		 * Sets the JDK HTTP client the core's own request factories use when no request
		 * factory is set (configure its connect timeout, SSL context and proxy on it).
		 * Calls then run on the calling thread, with no thread per call, which Spring's
		 * {@code JdkClientHttpRequestFactory} starts.
		 * @param httpClient the client
		 * @return this builder
		 */
		public Builder httpClient(HttpClient httpClient) {
			Objects.requireNonNull(httpClient, "httpClient");
			this.httpClient = () -> httpClient;
			return this;
		}

		/**
		 * Sets where the JDK HTTP client comes from (see
		 * {@link #httpClient(HttpClient)}), asked once, on the first call: an application
		 * that never calls the API never builds it.
		 * @param httpClient supplies the client
		 * @return this builder
		 */
		public Builder httpClient(Supplier<HttpClient> httpClient) {
			this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
			return this;
		}

		/**
		 * Sets the request factory for non-streaming calls; its read timeout should be
		 * the response timeout. Without it, a JDK HTTP client is created.
		 * @param requestFactory the factory
		 * @return this builder
		 */
		public Builder requestFactory(ClientHttpRequestFactory requestFactory) {
			Objects.requireNonNull(requestFactory, "requestFactory");
			this.requestFactory = () -> requestFactory;
			return this;
		}

		/**
		 * Sets where both request factories come from (see
		 * {@link #requestFactory(ClientHttpRequestFactory)} and
		 * {@link #streamingRequestFactory(ClientHttpRequestFactory)}), each asked once,
		 * on the first call.
		 * @param requestFactory supplies the factory for non-streaming calls
		 * @param streamingRequestFactory supplies the factory for streams and downloads
		 * @return this builder
		 */
		public Builder requestFactories(Supplier<ClientHttpRequestFactory> requestFactory,
				Supplier<ClientHttpRequestFactory> streamingRequestFactory) {
			this.requestFactory = Objects.requireNonNull(requestFactory, "requestFactory");
			this.streamingRequestFactory = Objects.requireNonNull(streamingRequestFactory, "streamingRequestFactory");
			return this;
		}

		/**
		 * Sets the request factory for streams and downloads; it should have no read
		 * timeout of its own (the stream idle timeout is enforced by the core).
		 * @param streamingRequestFactory the factory
		 * @return this builder
		 */
		public Builder streamingRequestFactory(ClientHttpRequestFactory streamingRequestFactory) {
			Objects.requireNonNull(streamingRequestFactory, "streamingRequestFactory");
			this.streamingRequestFactory = () -> streamingRequestFactory;
			return this;
		}

		/**
		 * Sets how the core waits between retries (tests replace it).
		 * @param sleeper the sleeper
		 * @return this builder
		 */
		public Builder sleeper(Sleeper sleeper) {
			this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
			return this;
		}

		/**
		 * Builds the core.
		 * @return the core
		 */
		public MistralHttp build() {
			return new MistralHttp(this);
		}

		Builder copy() {
			Builder copy = copyCommonTo(new Builder());
			copy.restClientBuilder = this.restClientBuilder;
			copy.httpClient = this.httpClient;
			copy.requestFactory = this.requestFactory;
			copy.streamingRequestFactory = this.streamingRequestFactory;
			copy.sleeper = this.sleeper;
			copy.deprecations = this.deprecations;
			return copy;
		}

	}

}
