package dev.mistralboot.autoconfigure.health;

import java.time.Duration;

import dev.mistralboot.client.core.MistralException;
import dev.mistralboot.client.core.MistralHttp;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the Mistral API: a cheap authenticated call ({@code GET /v1/models}). UP with
 * the host, the response time and the number of models; DOWN with the reason for a
 * rejected key (401), missing credit (402), an exhausted rate limit or quota (429),
 * another error status, an unreachable host or a timeout. Results are reused for a while,
 * so that frequent probes do not call the API each time. No key or secret appears in any
 * detail.
 */
public class MistralHealthIndicator extends AbstractHealthIndicator {

	private final MistralHttp http;

	private final MistralHealth health;

	/**
	 * Creates an indicator.
	 * @param http the core to call, ideally with a short response timeout and no retries
	 * @param timeout the timeout of that core, for the DOWN reason of a timeout
	 * @param cacheTtl how long a result is reused; {@link Duration#ZERO} disables the
	 * cache
	 */
	public MistralHealthIndicator(MistralHttp http, Duration timeout, Duration cacheTtl) {
		super("Mistral API health check failed");
		this.http = http;
		this.health = new MistralHealth(http.baseUrl(), timeout, cacheTtl, System::nanoTime);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Health result = check();
		builder.status(result.getStatus()).withDetails(result.getDetails());
	}

	private synchronized Health check() {
		Health cached = this.health.fresh();
		if (cached != null) {
			return cached;
		}
		Health result;
		try {
			result = this.health.up(this.http.execute(MistralHealth.request(), JsonNode.class));
		}
		catch (MistralException ex) {
			result = this.health.down(ex);
		}
		return this.health.remember(result);
	}

}
