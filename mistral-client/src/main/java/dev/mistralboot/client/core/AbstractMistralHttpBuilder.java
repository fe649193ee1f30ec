package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.Objects;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings {@link MistralHttp.Builder} and {@link ReactiveMistralHttp.Builder} share:
 * base URL, key, retries, timeouts, JSON mapper, retry listener and observations.
 *
 * @param <B> the concrete builder
 */
public abstract class AbstractMistralHttpBuilder<B extends AbstractMistralHttpBuilder<B>> {

	private final String name;

	String baseUrl = MistralHttp.DEFAULT_BASE_URL;

	@Nullable String apiKey;

	String userAgent = "mistral-spring-boot/" + Version.get();

	RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

	Duration connectTimeout = Duration.ofSeconds(10);

	Duration responseTimeout = Duration.ofMinutes(5);

	Duration streamIdleTimeout = Duration.ofSeconds(60);

	Duration uploadTimeout = Duration.ofSeconds(60);

	@Nullable JsonMapper jsonMapper;

	MistralHttp.Listener listener = MistralHttp.Listener.NONE;

	@Nullable ObservationRegistry observationRegistry;

	@Nullable MistralObservationConvention observationConvention;

	RequestPacer requestPacer = RequestPacer.NONE;

	AbstractMistralHttpBuilder(String name) {
		this.name = name;
	}

	/**
	 * This builder, typed as the concrete builder.
	 * @return this builder
	 */
	protected abstract B self();

	/**
	 * Sets the base URL (default {@code https://api.mistral.ai}).
	 * @param baseUrl the base URL, without {@code /v1}
	 * @return this builder
	 */
	public B baseUrl(String baseUrl) {
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new IllegalArgumentException("baseUrl must not be blank: set mistral.base-url");
		}
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return self();
	}

	/**
	 * Sets the API key sent as {@code Authorization: Bearer}. May be {@code null} for a
	 * self-hosted server without authentication. Leading and trailing white space is
	 * removed; a key holding any other character a header cannot carry (a line break, a
	 * control or non-ASCII character) is refused with a
	 * {@link MistralConfigurationException} whose message never shows the key.
	 * @param apiKey the key
	 * @return this builder
	 * @throws MistralConfigurationException when the key cannot be sent in a header
	 */
	public B apiKey(@Nullable String apiKey) {
		String key = (apiKey == null || apiKey.isBlank()) ? null : apiKey.strip();
		if (key != null) {
			for (int i = 0; i < key.length(); i++) {
				char c = key.charAt(i);
				if (c < 0x21 || c > 0x7e) {
					// never the key itself in the message: it is a secret
					throw new MistralConfigurationException("The API key (mistral.api-key) holds a character an HTTP "
							+ "header cannot carry at position " + (i + 1) + " of " + key.length() + " ("
							+ ((c == '\r' || c == '\n') ? "a line break" : "a space, control or non-ASCII character")
							+ "). Copy the key again without it.");
				}
			}
		}
		this.apiKey = key;
		return self();
	}

	/**
	 * Sets the retry policy.
	 * @param retryPolicy the policy
	 * @return this builder
	 */
	public B retryPolicy(RetryPolicy retryPolicy) {
		this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
		return self();
	}

	/**
	 * Sets the connect timeout: used when the core creates its HTTP client itself, and
	 * named in timeout messages (a client or connector set on the builder carries its
	 * own).
	 * @param connectTimeout the timeout
	 * @return this builder
	 */
	public B connectTimeout(Duration connectTimeout) {
		this.connectTimeout = positive(connectTimeout, "connectTimeout");
		return self();
	}

	/**
	 * Sets the response timeout of non-streaming calls (generation can be slow: minutes).
	 * @param responseTimeout the timeout
	 * @return this builder
	 */
	public B responseTimeout(Duration responseTimeout) {
		this.responseTimeout = positive(responseTimeout, "responseTimeout");
		return self();
	}

	/**
	 * Sets the longest silence allowed before the first event and between two events of a
	 * stream.
	 * @param streamIdleTimeout the timeout
	 * @return this builder
	 */
	public B streamIdleTimeout(Duration streamIdleTimeout) {
		this.streamIdleTimeout = positive(streamIdleTimeout, "streamIdleTimeout");
		return self();
	}

	/**
	 * Sets the upload timeout: the longest time sending a request body (a file upload)
	 * may stall, with no byte accepted by the connection. How long a large upload takes
	 * in all is not limited, and does not count against the response timeout, which
	 * starts when the body has been sent.
	 * @param uploadTimeout the timeout
	 * @return this builder
	 */
	public B uploadTimeout(Duration uploadTimeout) {
		this.uploadTimeout = positive(uploadTimeout, "uploadTimeout");
		return self();
	}

	/**
	 * Sets the JSON mapper (see {@link MistralJson#derive(JsonMapper)}).
	 * @param jsonMapper the mapper
	 * @return this builder
	 */
	public B jsonMapper(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
		return self();
	}

	/**
	 * Sets a listener for retries (metrics).
	 * @param listener the listener
	 * @return this builder
	 */
	public B listener(MistralHttp.Listener listener) {
		this.listener = Objects.requireNonNull(listener, "listener");
		return self();
	}

	/**
	 * Sets the registry that observes every operation ({@code gen_ai.client.operation},
	 * see {@link DefaultMistralObservationConvention}). Without it, or with
	 * {@link ObservationRegistry#NOOP}, nothing is observed.
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public B observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
		return self();
	}

	/**
	 * Sets the convention that names and tags observations, instead of
	 * {@link DefaultMistralObservationConvention}.
	 * @param observationConvention the convention
	 * @return this builder
	 */
	public B observationConvention(MistralObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
		return self();
	}

	/**
	 * Sets the pacer asked for permits before every attempt (client-side rate limiting,
	 * such as a {@link BucketRequestPacer}); {@link RequestPacer#NONE} (the default)
	 * sends at once.
	 * @param requestPacer the pacer
	 * @return this builder
	 */
	public B requestPacer(RequestPacer requestPacer) {
		this.requestPacer = Objects.requireNonNull(requestPacer, "requestPacer");
		return self();
	}

	/**
	 * Copies the shared settings into another builder.
	 * @param copy the builder to fill
	 * @return the same builder
	 */
	B copyCommonTo(B copy) {
		AbstractMistralHttpBuilder<B> target = copy;
		target.baseUrl = this.baseUrl;
		target.apiKey = this.apiKey;
		target.userAgent = this.userAgent;
		target.retryPolicy = this.retryPolicy;
		target.connectTimeout = this.connectTimeout;
		target.responseTimeout = this.responseTimeout;
		target.streamIdleTimeout = this.streamIdleTimeout;
		target.uploadTimeout = this.uploadTimeout;
		target.jsonMapper = this.jsonMapper;
		target.listener = this.listener;
		target.observationRegistry = this.observationRegistry;
		target.observationConvention = this.observationConvention;
		target.requestPacer = this.requestPacer;
		return copy;
	}

	static Duration positive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + duration);
		}
		return duration;
	}

	@Override
	public String toString() {
		return this.name + "[baseUrl=" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "(set)" : "(none)")
				+ "]";
	}

}
