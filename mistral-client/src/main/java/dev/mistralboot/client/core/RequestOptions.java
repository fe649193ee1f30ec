package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Options for the calls of one client view, overriding the client's configuration: every
 * client has {@code withOptions(RequestOptions)}, which returns a client of the same type
 * that applies them to each call it makes, and shares everything else (connections,
 * observations, rate-limit budget) with the client it came from. Deriving a view is
 * cheap: it can be done per call.
 *
 * <pre class="code">
 * FileObject file = files.withOptions(RequestOptions.builder()
 *     .responseTimeout(Duration.ofMinutes(5))
 *     .maxAttempts(1)
 *     .header("X-Request-Tag", "nightly-import")
 *     .onResponse((metadata) -&gt; log.info("correlation id {}", metadata.correlationId()))
 *     .build()).upload(request);
 * </pre>
 *
 * Immutable and thread-safe.
 */
public final class RequestOptions {

	/** No option: every call follows the client's configuration. */
	public static final RequestOptions NONE = new RequestOptions(null, null, null, HttpHeaders.EMPTY, null);

	private final @Nullable Duration responseTimeout;

	private final @Nullable Duration streamIdleTimeout;

	private final @Nullable Integer maxAttempts;

	private final HttpHeaders headers;

	private final @Nullable Consumer<ResponseMetadata> onResponse;

	private RequestOptions(@Nullable Duration responseTimeout, @Nullable Duration streamIdleTimeout,
			@Nullable Integer maxAttempts, HttpHeaders headers, @Nullable Consumer<ResponseMetadata> onResponse) {
		this.responseTimeout = responseTimeout;
		this.streamIdleTimeout = streamIdleTimeout;
		this.maxAttempts = maxAttempts;
		this.headers = headers;
		this.onResponse = onResponse;
	}

	/**
	 * Starts a builder.
	 * @return a builder with no option set
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The longest time from the end of the upload to the end of a (non-streamed) answer,
	 * instead of {@code mistral.http.response-timeout}.
	 * @return the timeout, or {@code null} for the client's
	 */
	public @Nullable Duration responseTimeout() {
		return this.responseTimeout;
	}

	/**
	 * The longest silence of a stream or a download, instead of
	 * {@code mistral.http.stream-idle-timeout}.
	 * @return the timeout, or {@code null} for the client's
	 */
	public @Nullable Duration streamIdleTimeout() {
		return this.streamIdleTimeout;
	}

	/**
	 * How many times a call is sent at most (1: never retried), instead of
	 * {@code mistral.retry.max-attempts}. The other retry settings stay the client's.
	 * @return the attempts, or {@code null} for the client's
	 */
	public @Nullable Integer maxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * Headers sent with every call, beside the client's own (they never replace the
	 * authorization or content headers).
	 * @return the headers, read-only
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * What is told the metadata (status, headers, rate limits, request id, attempts) of
	 * every successful answer: of a call when its answer has been read, of a stream or a
	 * download when its headers arrived.
	 * @return the listener, or {@code null}
	 */
	public @Nullable Consumer<ResponseMetadata> onResponse() {
		return this.onResponse;
	}

	/**
	 * Whether no option is set.
	 * @return {@code true} for the same behaviour as {@link #NONE}
	 */
	public boolean isEmpty() {
		return this.responseTimeout == null && this.streamIdleTimeout == null && this.maxAttempts == null
				&& this.headers.isEmpty() && this.onResponse == null;
	}

	/**
	 * These options with others applied over them: a value set in {@code other} wins,
	 * headers are added (a header of the same name is replaced), both listeners are told.
	 * @param other the options applied last
	 * @return the combined options
	 */
	public RequestOptions and(RequestOptions other) {
		if (other.isEmpty()) {
			return this;
		}
		if (isEmpty()) {
			return other;
		}
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(this.headers);
		headers.putAll(other.headers);
		Consumer<ResponseMetadata> listener = this.onResponse;
		if (listener == null) {
			listener = other.onResponse;
		}
		else if (other.onResponse != null) {
			listener = listener.andThen(other.onResponse);
		}
		return new RequestOptions(first(other.responseTimeout, this.responseTimeout),
				first(other.streamIdleTimeout, this.streamIdleTimeout), first(other.maxAttempts, this.maxAttempts),
				HttpHeaders.readOnlyHttpHeaders(headers), listener);
	}

	/** The retry policy of a call: the client's, with these options' attempts. */
	RetryPolicy policy(RetryPolicy policy) {
		Integer attempts = this.maxAttempts;
		if (attempts == null || attempts == policy.maxAttempts()) {
			return policy;
		}
		return new RetryPolicy(attempts, policy.initialBackoff(), policy.maxBackoff(), policy.maxRetryAfter());
	}

	void answered(ResponseMetadata metadata) {
		Consumer<ResponseMetadata> listener = this.onResponse;
		if (listener != null) {
			listener.accept(metadata);
		}
	}

	private static <T> @Nullable T first(@Nullable T preferred, @Nullable T fallback) {
		return (preferred != null) ? preferred : fallback;
	}

	@Override
	public String toString() {
		// header values may be secrets: names only
		return "RequestOptions{responseTimeout=" + this.responseTimeout + ", streamIdleTimeout="
				+ this.streamIdleTimeout + ", maxAttempts=" + this.maxAttempts + ", headers="
				+ this.headers.headerNames() + "}";
	}

	/** Builds {@link RequestOptions}. */
	public static final class Builder {

		private @Nullable Duration responseTimeout;

		private @Nullable Duration streamIdleTimeout;

		private @Nullable Integer maxAttempts;

		private final HttpHeaders headers = new HttpHeaders();

		private @Nullable Consumer<ResponseMetadata> onResponse;

		private Builder() {
		}

		/**
		 * Sets the response timeout of the calls (see
		 * {@link RequestOptions#responseTimeout()}).
		 * @param timeout a positive duration
		 * @return this builder
		 */
		public Builder responseTimeout(Duration timeout) {
			this.responseTimeout = positive(timeout, "responseTimeout");
			return this;
		}

		/**
		 * Sets the idle timeout of streams and downloads (see
		 * {@link RequestOptions#streamIdleTimeout()}).
		 * @param timeout a positive duration
		 * @return this builder
		 */
		public Builder streamIdleTimeout(Duration timeout) {
			this.streamIdleTimeout = positive(timeout, "streamIdleTimeout");
			return this;
		}

		/**
		 * Sets how many times a call is sent at most.
		 * @param maxAttempts at least 1 (1: no retry)
		 * @return this builder
		 */
		public Builder maxAttempts(int maxAttempts) {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException(
						"maxAttempts must be at least 1 (1 means no retry), not " + maxAttempts);
			}
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * Adds a header to every call.
		 * @param name the header name
		 * @param value the value (no line break)
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(value, "value");
			if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
				throw new IllegalArgumentException("The value of header " + name + " holds a line break: remove it");
			}
			this.headers.add(name, value);
			return this;
		}

		/**
		 * Sets what is told the metadata of every successful answer (see
		 * {@link RequestOptions#onResponse()}).
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder onResponse(Consumer<ResponseMetadata> listener) {
			this.onResponse = Objects.requireNonNull(listener, "listener");
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 */
		public RequestOptions build() {
			HttpHeaders copy = new HttpHeaders();
			copy.putAll(this.headers);
			return new RequestOptions(this.responseTimeout, this.streamIdleTimeout, this.maxAttempts,
					HttpHeaders.readOnlyHttpHeaders(copy), this.onResponse);
		}

		private static Duration positive(Duration duration, String name) {
			Objects.requireNonNull(duration, name);
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, not " + duration);
			}
			return duration;
		}

	}

}
