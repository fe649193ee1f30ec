package dev.mistralboot.client.core;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryPolicyTests {

	private final RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(8),
			Duration.ofSeconds(60));

	@Test
	void backoffIsExponentialWithJitterAndCapped() {
		assertThat(this.policy.backoff(1, () -> 0.0)).isEqualTo(Duration.ofMillis(250));
		assertThat(this.policy.backoff(1, () -> 1.0)).isEqualTo(Duration.ofMillis(500));
		assertThat(this.policy.backoff(2, () -> 1.0)).isEqualTo(Duration.ofMillis(1000));
		assertThat(this.policy.backoff(3, () -> 0.5)).isEqualTo(Duration.ofMillis(1500));
		assertThat(this.policy.backoff(5, () -> 1.0)).isEqualTo(Duration.ofSeconds(8));
		assertThat(this.policy.backoff(6, () -> 1.0)).isEqualTo(Duration.ofSeconds(8));
		assertThat(this.policy.backoff(40, () -> 0.0)).isEqualTo(Duration.ofSeconds(4));
	}

	@Test
	void retryableKinds() {
		assertThat(RetryPolicy.isRetryable(api(429, null))).isTrue();
		assertThat(RetryPolicy.isRetryable(api(500, null))).isTrue();
		assertThat(RetryPolicy.isRetryable(api(502, null))).isTrue();
		assertThat(RetryPolicy.isRetryable(api(503, null))).isTrue();
		assertThat(RetryPolicy.isRetryable(api(504, null))).isTrue();
		assertThat(RetryPolicy.isRetryable(api(400, null))).isFalse();
		assertThat(RetryPolicy.isRetryable(api(401, null))).isFalse();
		assertThat(RetryPolicy.isRetryable(api(422, null))).isFalse();
		assertThat(RetryPolicy.isRetryable(api(501, null))).isFalse();
		assertThat(RetryPolicy.isRetryable(new MistralIoException("x", new ConnectException(), true))).isTrue();
		assertThat(RetryPolicy.isRetryable(new MistralIoException("x", new IOException(), false))).isFalse();
		assertThat(RetryPolicy.isRetryable(new IllegalStateException())).isFalse();
	}

	@Test
	void retryAfterIsHonouredUpToTheCap() {
		assertThat(this.policy.delayBeforeRetry(api(429, "3"), 1)).isEqualTo(Duration.ofSeconds(3));
		assertThat(this.policy.delayBeforeRetry(api(503, "60"), 1)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.policy.delayBeforeRetry(api(429, "61"), 1)).isNull();
	}

	@Test
	void noDelayOnceAttemptsAreUsed() {
		RetryPolicy three = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(1));
		assertThat(three.delayBeforeRetry(api(500, null), 1)).isNotNull();
		assertThat(three.delayBeforeRetry(api(500, null), 2)).isNotNull();
		assertThat(three.delayBeforeRetry(api(500, null), 3)).isNull();
		assertThat(RetryPolicy.NONE.delayBeforeRetry(api(500, null), 1)).isNull();
	}

	@Test
	void invalidPoliciesSayWhatToFix() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
			.withMessageContaining("maxAttempts must be at least 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO))
			.withMessageContaining("must not be negative");
	}

	static MistralApiException api(int status, String retryAfter) {
		HttpHeaders headers = new HttpHeaders();
		if (retryAfter != null) {
			headers.add("Retry-After", retryAfter);
		}
		return new ErrorResponses(MistralJson.defaultMapper()).toException("POST", "/v1/chat/completions", status,
				headers, "{}".getBytes(StandardCharsets.UTF_8), 1);
	}

}
