package dev.mistralboot.client.core;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTests {

	@Test
	void readsEveryKindOfLimitWhateverTheCase() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-RateLimit-Limit-Tokens-Minute", "500000");
		headers.add("x-ratelimit-remaining-tokens-minute", "499981");
		headers.add("x-ratelimit-tokens-query-cost", "19");
		headers.add("x-ratelimit-limit-req-minute", "60");
		headers.add("x-ratelimit-remaining-req-minute", "59");
		headers.add("x-ratelimit-remaining-tokens-month", "1000000000");
		headers.add("Content-Type", "application/json");
		RateLimits limits = RateLimits.from(headers);
		assertThat(limits.limit())
			.containsExactlyInAnyOrderEntriesOf(java.util.Map.of("tokens-minute", 500000L, "req-minute", 60L));
		assertThat(limits.remaining("tokens-minute")).isEqualTo(499981L);
		assertThat(limits.remaining("req-minute")).isEqualTo(59L);
		assertThat(limits.remaining("tokens-month")).isEqualTo(1000000000L);
		assertThat(limits.tokensQueryCost()).isEqualTo(19L);
	}

	@Test
	void absentOrUnreadableHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-ratelimit-remaining-tokens-minute", "lots");
		RateLimits limits = RateLimits.from(headers);
		assertThat(limits.remaining()).isEmpty();
		assertThat(limits.limit()).isEmpty();
		assertThat(limits.tokensQueryCost()).isNull();
		assertThat(limits.remaining("tokens-minute")).isNull();
	}

}
