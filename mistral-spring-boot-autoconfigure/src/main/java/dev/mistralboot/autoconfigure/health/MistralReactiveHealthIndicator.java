package dev.mistralboot.autoconfigure.health;

import java.time.Duration;

import dev.mistralboot.client.core.BucketRequestPacer;
import dev.mistralboot.client.core.MistralException;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import org.jspecify.annotations.Nullable;
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

	private final @Nullable BucketRequestPacer pacer;

	/**
	 * Creates an indicator.
	 * @param http the reactive core to call, ideally with a short response timeout and no
	 * retries
	 * @param timeout the timeout of that core, for the DOWN reason of a timeout
	 * @param cacheTtl how long a result is reused; {@link Duration#ZERO} disables the
	 * cache
	 */
	public MistralReactiveHealthIndicator(ReactiveMistralHttp http, Duration timeout, Duration cacheTtl) {
		this(http, timeout, cacheTtl, null);
	}

	/**
	 * Creates an indicator that also shows the client-side pacing.
	 * @param http the reactive core to call, ideally with a short response timeout, no
	 * retries and no pacing
	 * @param timeout the timeout of that core, for the DOWN reason of a timeout
	 * @param cacheTtl how long a result is reused; {@link Duration#ZERO} disables the
	 * cache
	 * @param pacer the application's pacer, if pacing is on
	 */
	public MistralReactiveHealthIndicator(ReactiveMistralHttp http, Duration timeout, Duration cacheTtl,
			@Nullable BucketRequestPacer pacer) {
		super("Mistral API health check failed");
		this.http = http;
		this.health = new MistralHealth(http.baseUrl(), timeout, cacheTtl, System::nanoTime);
		this.pacer = pacer;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return Mono.defer(() -> {
			Health cached = this.health.fresh();
			if (cached != null) {
				return Mono.just(MistralHealth.withPacing(cached, this.pacer));
			}
			return this.http.execute(MistralHealth.request(), JsonNode.class)
				.map(this.health::up)
				.onErrorResume(MistralException.class, (ex) -> Mono.just(this.health.failed(ex)))
				.map(this.health::remember)
				.map((health) -> MistralHealth.withPacing(health, this.pacer));
		});
	}

}
