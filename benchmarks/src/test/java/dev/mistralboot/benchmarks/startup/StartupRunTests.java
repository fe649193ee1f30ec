package dev.mistralboot.benchmarks.startup;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interval {@link StartupRun} prints around the median of the paired differences.
 */
class StartupRunTests {

	@Test
	void identicalDifferencesGiveAnIntervalOfThatValue() {
		assertThat(StartupRun.bootstrapInterval(List.of(7L, 7L, 7L, 7L, 7L))).containsExactly(7L, 7L);
	}

	@Test
	void theIntervalHoldsTheMedianWithinTheRangeOfTheDifferences() {
		List<Long> differences = new ArrayList<>();
		for (long i = 0; i < 21; i++) {
			differences.add(i * 10);
		}
		long[] interval = StartupRun.bootstrapInterval(differences);
		assertThat(interval[0]).isLessThanOrEqualTo(100L).isGreaterThanOrEqualTo(0L);
		assertThat(interval[1]).isGreaterThanOrEqualTo(100L).isLessThanOrEqualTo(200L);
		assertThat(interval[1] - interval[0]).isPositive();
	}

	@Test
	void theIntervalIsTheSameFromRunToRun() {
		List<Long> differences = List.of(40L, 55L, 61L, 12L, 85L, 69L, 47L, 50L, 58L);
		assertThat(StartupRun.bootstrapInterval(differences))
			.containsExactly(StartupRun.bootstrapInterval(differences));
	}

}
