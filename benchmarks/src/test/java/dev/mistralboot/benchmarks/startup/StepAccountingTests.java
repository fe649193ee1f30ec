package dev.mistralboot.benchmarks.startup;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.metrics.StartupStep;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StepAccounting} counts each step's own bytes and CPU time, less its nested
 * steps', and writes a line {@link StartupRun} reads back.
 */
class StepAccountingTests {

	private final FakeMeter meter = new FakeMeter();

	private final StepAccounting accounting = new StepAccounting(this.meter);

	@Test
	void aStepCountsItsOwnCostNotThatOfTheStepsNestedInIt() {
		StartupStep refresh = this.accounting.start("spring.context.refresh");
		this.meter.spend(1000, 10_000);
		StartupStep bean = this.accounting.start("spring.beans.instantiate").tag("beanName", "jacksonJsonMapper");
		this.meter.spend(4096, 300_000);
		bean.end();
		this.meter.spend(2048, 20_000);
		refresh.end();

		Map<String, long[]> totals = this.accounting.totals();
		assertThat(totals.get("spring.context.refresh")).containsExactly(1, 3048, 30_000);
		assertThat(totals.get("spring.beans.instantiate")).containsExactly(1, 4096, 300_000);
	}

	@Test
	void mistralBeansAreCountedApartAndEachKindAddsUp() {
		for (String name : new String[] { "mistralHttp", "jacksonJsonMapper", "mistralChatClient" }) {
			StartupStep step = this.accounting.start("spring.beans.instantiate").tag("beanName", () -> name);
			this.meter.spend(2048, 1_000_000);
			step.end();
		}

		Map<String, long[]> totals = this.accounting.totals();
		assertThat(totals.get("spring.beans.instantiate:mistral")).containsExactly(2, 4096, 2_000_000);
		assertThat(totals.get("spring.beans.instantiate")).containsExactly(1, 2048, 1_000_000);
	}

	@Test
	void aStepEndedTwiceCountsOnce() {
		StartupStep step = this.accounting.start("spring.context.refresh");
		this.meter.spend(1024, 1000);
		step.end();
		step.end();

		assertThat(this.accounting.totals().get("spring.context.refresh")).containsExactly(1, 1024, 1000);
	}

	@Test
	void theLineIsReadBackInKilobytesAndMicroseconds() {
		StartupStep parse = this.accounting.start("spring.context.config-classes.parse");
		this.meter.spend(5 * 1024 * 1024, 42_000_000);
		parse.end();
		StartupStep bean = this.accounting.start("spring.beans.instantiate").tag("beanName", "mistralHttp");
		this.meter.spend(2048, 7_000);
		bean.end();

		assertThat(this.accounting.line())
			.isEqualTo("spring.beans.instantiate:mistral=1/2/7;spring.context.config-classes.parse=1/5120/42000");
		Map<String, long[]> read = StartupRun.parseSteps(this.accounting.line());
		assertThat(read.get("spring.context.config-classes.parse")).containsExactly(1, 5120, 42_000);
		assertThat(read.get("spring.beans.instantiate:mistral")).containsExactly(1, 2, 7);
	}

	static final class FakeMeter implements StepAccounting.Meter {

		private long bytes;

		private long cpu;

		void spend(long bytes, long cpuNanos) {
			this.bytes += bytes;
			this.cpu += cpuNanos;
		}

		@Override
		public long allocatedBytes() {
			return this.bytes;
		}

		@Override
		public long cpuNanos() {
			return this.cpu;
		}

	}

}
