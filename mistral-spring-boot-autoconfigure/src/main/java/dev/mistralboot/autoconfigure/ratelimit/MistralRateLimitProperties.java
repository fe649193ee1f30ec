package dev.mistralboot.autoconfigure.ratelimit;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Client-side pacing of calls to stay within the workspace's rate limits
 * ({@code mistral.rate-limit.*}), alone or shared by every instance through Redis.
 */
@ConfigurationProperties("mistral.rate-limit")
public class MistralRateLimitProperties {

	/**
	 * Whether to pace calls on the client before the API answers 429: each attempt takes
	 * a request and its estimated tokens from a budget, and waits when it is spent.
	 */
	private boolean enabled;

	/**
	 * Requests per minute of the workspace. When unset, learnt from the
	 * x-ratelimit-limit-req-minute header; when both are known, the lower applies.
	 */
	private @Nullable Long requestsPerMinute;

	/**
	 * Tokens per minute of the workspace. When unset, learnt from the
	 * x-ratelimit-limit-tokens-minute header; when both are known, the lower applies.
	 */
	private @Nullable Long tokensPerMinute;

	/**
	 * Period the budget is counted in: each budget refills at its per-minute limit and
	 * holds at most what that limit allows in one period. A minute, as Mistral counts; a
	 * shorter period spreads a burst over time without changing the rate. Positive and at
	 * most a minute.
	 */
	private Duration period = Duration.ofMinutes(1);

	/**
	 * Longest wait for a permit; a call that would wait longer fails at once with
	 * MistralRateLimitWaitException and is not sent. Keep it below the response and
	 * stream idle timeouts.
	 */
	private Duration maxWait = Duration.ofSeconds(30);

	/**
	 * Key of the budget: instances with the same key (and Redis) share one budget. Use
	 * one key per API key.
	 */
	private String key = "mistral";

	/**
	 * Redis that shares the budget between instances.
	 */
	private final Redis redis = new Redis();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Long getRequestsPerMinute() {
		return this.requestsPerMinute;
	}

	public void setRequestsPerMinute(@Nullable Long requestsPerMinute) {
		this.requestsPerMinute = requestsPerMinute;
	}

	public @Nullable Long getTokensPerMinute() {
		return this.tokensPerMinute;
	}

	public void setTokensPerMinute(@Nullable Long tokensPerMinute) {
		this.tokensPerMinute = tokensPerMinute;
	}

	public Duration getPeriod() {
		return this.period;
	}

	public void setPeriod(Duration period) {
		this.period = period;
	}

	public Duration getMaxWait() {
		return this.maxWait;
	}

	public void setMaxWait(Duration maxWait) {
		this.maxWait = maxWait;
	}

	public String getKey() {
		return this.key;
	}

	public void setKey(String key) {
		this.key = key;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * Where the shared budget is kept.
	 */
	public static class Redis {

		/**
		 * Whether to share the budget through Redis when a host is set here or the
		 * application has a Lettuce RedisClient bean or a Spring Data Redis
		 * LettuceConnectionFactory bean (in this order of precedence).
		 */
		private boolean enabled = true;

		/**
		 * Redis host. When set, the budget is kept in this Redis server.
		 */
		private @Nullable String host;

		/**
		 * Redis port.
		 */
		private int port = 6379;

		/**
		 * Redis password (never logged).
		 */
		private @Nullable String password;

		/**
		 * Redis database index.
		 */
		private int database;

		/**
		 * Whether to connect to Redis over TLS.
		 */
		private boolean ssl;

		/**
		 * Longest wait for one Redis command; after it the local bucket is used.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		/**
		 * How often Redis is tried again while it is unreachable (pacing uses a bucket in
		 * this JVM meanwhile); with {@code host}, also the longest delay between two
		 * reconnection attempts.
		 */
		private Duration recoveryInterval = Duration.ofSeconds(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public int getDatabase() {
			return this.database;
		}

		public void setDatabase(int database) {
			this.database = database;
		}

		public boolean isSsl() {
			return this.ssl;
		}

		public void setSsl(boolean ssl) {
			this.ssl = ssl;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getRecoveryInterval() {
			return this.recoveryInterval;
		}

		public void setRecoveryInterval(Duration recoveryInterval) {
			this.recoveryInterval = recoveryInterval;
		}

		@Override
		public String toString() {
			return "Redis[host=" + this.host + ", port=" + this.port + ", password="
					+ ((this.password != null) ? "******" : "(none)") + "]";
		}

	}

}
