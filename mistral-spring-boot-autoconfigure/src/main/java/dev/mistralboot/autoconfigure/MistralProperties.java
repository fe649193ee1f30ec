package dev.mistralboot.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection, timeout and retry settings shared by every Mistral client
 * ({@code mistral.*}).
 */
@ConfigurationProperties("mistral")
public class MistralProperties {

	/**
	 * API key sent as a bearer token. Falls back to the MISTRAL_API_KEY environment
	 * variable. Required for the Mistral cloud; may be empty for a self-hosted server.
	 */
	private @Nullable String apiKey;

	/**
	 * Base URL of the API, without /v1. Change it for a self-hosted or proxied server.
	 */
	private String baseUrl = "https://api.mistral.ai";

	/**
	 * Connect, response and stream idle timeouts.
	 */
	private final Http http = new Http();

	/**
	 * Retries of HTTP 429, 500, 502, 503, 504 and connection failures.
	 */
	private final Retry retry = new Retry();

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Http getHttp() {
		return this.http;
	}

	public Retry getRetry() {
		return this.retry;
	}

	@Override
	public String toString() {
		return "MistralProperties[baseUrl=" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "******" : "(none)")
				+ "]";
	}

	/**
	 * Timeouts.
	 */
	public static class Http {

		/**
		 * Connect timeout. Defaults to spring.http.clients.connect-timeout when that is
		 * set, else 10s.
		 */
		private @Nullable Duration connectTimeout;

		/**
		 * Longest wait for a complete non-streaming answer. Generation can be slow:
		 * minutes.
		 */
		private Duration responseTimeout = Duration.ofMinutes(5);

		/**
		 * Longest silence allowed before the first event of a stream and between two
		 * events.
		 */
		private Duration streamIdleTimeout = Duration.ofSeconds(60);

		/**
		 * Whether to call, when Spring Boot's HTTP client is the JDK one, through a JDK
		 * HttpClient built from the same spring.http.clients.* settings on the calling
		 * thread (Spring's JDK request factory starts a thread or two per call). Set to
		 * false to use Boot's request factory, with its customizers, as it is.
		 */
		private boolean ownJdkClient = true;

		public @Nullable Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(@Nullable Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getResponseTimeout() {
			return this.responseTimeout;
		}

		public void setResponseTimeout(Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
		}

		public boolean isOwnJdkClient() {
			return this.ownJdkClient;
		}

		public void setOwnJdkClient(boolean ownJdkClient) {
			this.ownJdkClient = ownJdkClient;
		}

		public Duration getStreamIdleTimeout() {
			return this.streamIdleTimeout;
		}

		public void setStreamIdleTimeout(Duration streamIdleTimeout) {
			this.streamIdleTimeout = streamIdleTimeout;
		}

	}

	/**
	 * Retries of HTTP 429, 500, 502, 503, 504 and connect failures.
	 */
	public static class Retry {

		/**
		 * Total attempts per call, including the first. 1 disables retries.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first retry; doubled for each further retry, with jitter.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Longest computed wait between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(8);

		/**
		 * Longest Retry-After wait honoured. A 429 asking for longer is thrown at once.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(60);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

}
