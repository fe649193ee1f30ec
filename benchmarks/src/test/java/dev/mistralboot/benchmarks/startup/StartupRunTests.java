package dev.mistralboot.benchmarks.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

	@Test
	void theStepTablePutsWhatTheStarterAddsMostFirst() {
		List<Map<String, long[]>> without = List.of(StartupRun.parseSteps("a=1/100/1000;b=1/50/500"),
				StartupRun.parseSteps("a=1/110/1200;b=1/50/700"));
		List<Map<String, long[]>> with = List.of(StartupRun.parseSteps("a=1/120/1000;b=1/900/9000;c=2/30/100"),
				StartupRun.parseSteps("a=1/130/1400;b=1/1000/9500;c=2/30/300"));

		String table = StartupRun.stepTable(with, without, 2);

		assertThat(table).contains("| `b` | 50 KB | 1000 KB | 950 KB | 0.7 ms | 9.5 ms | 8.8 ms |")
			.contains("| `c` | 0 KB | 30 KB | 30 KB | 0.0 ms | 0.3 ms | 0.3 ms |")
			.contains("| `a` | 110 KB | 130 KB | 20 KB | 1.2 ms | 1.4 ms | 0.2 ms |");
		assertThat(table.indexOf("`b`")).isLessThan(table.indexOf("`c`"));
		assertThat(table.indexOf("`c`")).isLessThan(table.indexOf("`a`"));
	}

}
