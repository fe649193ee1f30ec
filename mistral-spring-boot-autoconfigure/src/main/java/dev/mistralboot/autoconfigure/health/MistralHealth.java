package dev.mistralboot.autoconfigure.health;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralApiException;
import dev.mistralboot.client.core.MistralIoException;
import dev.mistralboot.client.core.MistralPaymentRequiredException;
import dev.mistralboot.client.core.MistralRateLimitException;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.MistralTimeoutException;
import dev.mistralboot.client.core.MistralUnauthorizedException;
import dev.mistralboot.client.core.ResponseMetadata;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.health.contributor.Health;

/**
 * What the blocking and reactive indicators share: the request, how an answer or a
 * failure becomes a {@link Health}, and the cache. Details never hold the key: only the
 * host, times, counts, statuses and the API's own error messages.
 */
final class MistralHealth {

	static final String PATH = "/v1/models";

	private final String host;

	private final Duration timeout;

	private final long ttlNanos;

	private final LongSupplier nanoClock;

	private volatile @Nullable Cached cached;

	MistralHealth(String baseUrl, Duration timeout, Duration cacheTtl, LongSupplier nanoClock) {
		check(timeout, cacheTtl);
		this.host = host(baseUrl);
		this.timeout = timeout;
		this.ttlNanos = cacheTtl.toNanos();
		this.nanoClock = nanoClock;
	}

	static void check(@Nullable Duration timeout, @Nullable Duration cacheTtl) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("mistral.health.timeout must be positive, was " + timeout);
		}
		if (cacheTtl == null || cacheTtl.isNegative()) {
			throw new IllegalArgumentException(
					"mistral.health.cache-ttl must not be negative (0 disables the cache), was " + cacheTtl);
		}
	}

	static ApiRequest request() {
		return ApiRequest.get(PATH).operation("models.list").build();
	}

	/** The cached result, when it is still fresh. */
	@Nullable Health fresh() {
		Cached current = this.cached;
		if (current != null && this.nanoClock.getAsLong() - current.nanos() < this.ttlNanos) {
			return current.health();
		}
		return null;
	}

	Health remember(Health health) {
		if (this.ttlNanos > 0) {
			this.cached = new Cached(health, this.nanoClock.getAsLong());
		}
		return health;
	}

	Health up(MistralResponse<JsonNode> response) {
		ResponseMetadata metadata = response.metadata();
		JsonNode data = (response.body() != null) ? response.body().get("data") : null;
		Health.Builder builder = Health.up()
			.withDetail("host", this.host)
			.withDetail("responseTime", metadata.elapsed().toMillis() + "ms")
			.withDetail("models", (data != null && data.isArray()) ? data.size() : 0);
		String correlationId = metadata.correlationId();
		if (correlationId != null) {
			builder.withDetail("correlationId", correlationId);
		}
		return builder.build();
	}

	Health down(Throwable failure) {
		Health.Builder builder = Health.down().withDetail("host", this.host).withDetail("reason", reason(failure));
		if (failure instanceof MistralApiException api) {
			builder.withDetail("status", api.getStatusCode());
			String correlationId = api.getHeaders().getFirst(ResponseMetadata.CORRELATION_ID_HEADER);
			if (correlationId != null) {
				builder.withDetail("correlationId", correlationId);
			}
		}
		builder.withDetail("error", failure.getClass().getName() + ": " + failure.getMessage());
		return builder.build();
	}

	private String reason(Throwable failure) {
		if (failure instanceof MistralUnauthorizedException) {
			return "The API key was rejected (401): check mistral.api-key or MISTRAL_API_KEY";
		}
		if (failure instanceof MistralPaymentRequiredException) {
			return "No active subscription or credit (402): check the workspace's billing";
		}
		if (failure instanceof MistralRateLimitException) {
			return "Rate limit or quota exhausted (429)";
		}
		if (failure instanceof MistralApiException api) {
			return "The API answered " + api.getStatusCode();
		}
		if (failure instanceof MistralTimeoutException) {
			return "No answer from " + this.host + " within " + this.timeout + " (mistral.health.timeout)";
		}
		if (failure instanceof MistralIoException io && io.isConnectFailure()) {
			return "Cannot reach " + this.host + ": check mistral.base-url, DNS, proxies and the network";
		}
		if (failure instanceof MistralIoException) {
			return "The connection to " + this.host + " failed before an answer arrived";
		}
		return "Health check failed: " + failure.getClass().getSimpleName();
	}

	private static String host(String baseUrl) {
		try {
			URI uri = URI.create(baseUrl);
			return Objects.requireNonNullElse(uri.getHost(), baseUrl)
					+ ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
		}
		catch (IllegalArgumentException ex) {
			return baseUrl;
		}
	}

	private record Cached(Health health, long nanos) {
	}

}
