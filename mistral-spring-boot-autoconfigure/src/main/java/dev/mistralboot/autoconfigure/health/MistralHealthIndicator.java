package dev.mistralboot.autoconfigure.health;

import java.time.Duration;

import dev.mistralboot.client.core.BucketRequestPacer;
import dev.mistralboot.client.core.MistralException;
import dev.mistralboot.client.core.MistralHttp;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the Mistral API: a cheap authenticated call ({@code GET /v1/models}). UP with
 * the host, the response time and the number of models; UP with {@code rateLimited} for a
 * 429 (the integration works, it is throttled); DOWN with the reason for a rejected key
 * (401), missing credit (402), another error status, an unreachable host or a timeout.
 * Results are reused for a while, so that frequent probes do not call the API each time.
 * No key or secret appears in any detail.
 */
public class MistralHealthIndicator extends AbstractHealthIndicator {

	private final MistralHttp http;

	private final MistralHealth health;

	private final @Nullable BucketRequestPacer pacer;

	/**
	 * Creates an indicator.
	 * @param http the core to call, ideally with a short response timeout and no retries
	 * @param timeout the timeout of that core, for the DOWN reason of a timeout
	 * @param cacheTtl how long a result is reused; {@link Duration#ZERO} disables the
	 * cache
	 */
	public MistralHealthIndicator(MistralHttp http, Duration timeout, Duration cacheTtl) {
		this(http, timeout, cacheTtl, null);
	}

	/**
	 * Creates an indicator that also shows the client-side pacing (where the budget is
	 * kept: {@code redis}, {@code local}, or {@code local-fallback} while Redis is
	 * unreachable).
	 * @param http the core to call, ideally with a short response timeout, no retries and
	 * no pacing
	 * @param timeout the timeout of that core, for the DOWN reason of a timeout
	 * @param cacheTtl how long a result is reused; {@link Duration#ZERO} disables the
	 * cache
	 * @param pacer the application's pacer, if pacing is on
	 */
	public MistralHealthIndicator(MistralHttp http, Duration timeout, Duration cacheTtl,
			@Nullable BucketRequestPacer pacer) {
		super("Mistral API health check failed");
		this.http = http;
		this.health = new MistralHealth(http.baseUrl(), timeout, cacheTtl, System::nanoTime);
		this.pacer = pacer;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Health result = MistralHealth.withPacing(check(), this.pacer);
		builder.status(result.getStatus()).withDetails(result.getDetails());
	}

	/**
	 * No lock: a lock held across the call would make every probe wait for the slowest
	 * one (up to the timeout). Concurrent probes with a stale cache each call; the last
	 * result is kept.
	 */
	private Health check() {
		Health cached = this.health.fresh();
		if (cached != null) {
			return cached;
		}
		Health result;
		try {
			result = this.health.up(this.http.execute(MistralHealth.request(), JsonNode.class));
		}
		catch (MistralException ex) {
			result = this.health.failed(ex);
		}
		return this.health.remember(result);
	}

}
