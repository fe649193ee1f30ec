package dev.mistralboot.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Mistral health indicator ({@code mistral.health.*}). Switch the
 * indicator off with {@code management.health.mistral.enabled=false}.
 */
@ConfigurationProperties("mistral.health")
public class MistralHealthProperties {

	/**
	 * Longest wait for the health check's answer (GET /v1/models), connecting included.
	 * The check is not retried.
	 */
	private Duration timeout = Duration.ofSeconds(5);

	/**
	 * How long a health result is reused before the API is asked again, so that frequent
	 * probes do not call the API each time. 0 disables the cache.
	 */
	private Duration cacheTtl = Duration.ofSeconds(30);

	/**
	 * The health check's timeout.
	 * @return the timeout, 5s by default
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Sets the health check's timeout.
	 * @param timeout the timeout
	 */
	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * How long a result is reused.
	 * @return the time, 30s by default
	 */
	public Duration getCacheTtl() {
		return this.cacheTtl;
	}

	/**
	 * Sets how long a result is reused.
	 * @param cacheTtl the time; 0 disables the cache
	 */
	public void setCacheTtl(Duration cacheTtl) {
		this.cacheTtl = cacheTtl;
	}

}
