package dev.mistralboot.client.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void deltaSeconds() {
		assertThat(RetryAfter.parse("7", this.clock)).isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryAfter.parse(" 0 ", this.clock)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.parse("1.5", this.clock)).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void httpDate() {
		assertThat(RetryAfter.parse("Sun, 01 Mar 2026 10:00:30 GMT", this.clock)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void dateInThePastMeansNow() {
		assertThat(RetryAfter.parse("Sun, 01 Mar 2026 09:00:00 GMT", this.clock)).isEqualTo(Duration.ZERO);
	}

	@Test
	void unreadableValuesAreIgnored() {
		assertThat(RetryAfter.parse(null, this.clock)).isNull();
		assertThat(RetryAfter.parse("", this.clock)).isNull();
		assertThat(RetryAfter.parse("soon", this.clock)).isNull();
		assertThat(RetryAfter.parse("-3", this.clock)).isNull();
		assertThat(RetryAfter.parse("NaN", this.clock)).isNull();
		assertThat(RetryAfter.parse("Infinity", this.clock)).isNull();
	}

}
