package dev.mistralboot.autoconfigure.health;

import java.time.Duration;

import dev.mistralboot.client.core.MistralException;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The reactive {@link MistralHealthIndicator}, for reactive applications: the same check
 * ({@code GET /v1/models}), details, DOWN reasons and cache, without blocking a thread.
 */
public class MistralReactiveHealthIndicator extends AbstractReactiveHealthIndicator {

	private final ReactiveMistralHttp http;

	private final MistralHealth health;

	/**
	 * Creates an indicator.
	 * @param http the reactive core to call, ideally with a short response timeout and no
	 * retries
	 * @param timeout the timeout of that core, for the DOWN reason of a timeout
	 * @param cacheTtl how long a result is reused; {@link Duration#ZERO} disables the
	 * cache
	 */
	public MistralReactiveHealthIndicator(ReactiveMistralHttp http, Duration timeout, Duration cacheTtl) {
		super("Mistral API health check failed");
		this.http = http;
		this.health = new MistralHealth(http.baseUrl(), timeout, cacheTtl, System::nanoTime);
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return Mono.defer(() -> {
			Health cached = this.health.fresh();
			if (cached != null) {
				return Mono.just(cached);
			}
			return this.http.execute(MistralHealth.request(), JsonNode.class)
				.map(this.health::up)
				.onErrorResume(MistralException.class, (ex) -> Mono.just(this.health.down(ex)))
				.map(this.health::remember);
		});
	}

}
