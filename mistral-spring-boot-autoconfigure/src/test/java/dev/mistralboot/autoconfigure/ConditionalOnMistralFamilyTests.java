package dev.mistralboot.autoconfigure;

import dev.mistralboot.client.core.MistralHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.AutoConfigureAfter;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ConditionalOnMistralFamily}: the family's {@code enabled} switch, compared as
 * {@code @ConditionalOnBooleanProperty(matchIfMissing = true)} compares it, and the HTTP
 * core.
 */
class ConditionalOnMistralFamilyTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, PaintersConfiguration.class))
		.withPropertyValues("mistral.api-key=sk-test");

	@Test
	void matchesWhenTheSwitchIsNotSetOrTrueInAnyCase() {
		this.runner.run((context) -> assertThat(context).hasBean("painter"));
		for (String value : new String[] { "true", "TRUE", "True" }) {
			this.runner.withPropertyValues("mistral.painters.enabled=" + value)
				.run((context) -> assertThat(context).as(value).hasBean("painter"));
		}
	}

	@Test
	void doesNotMatchWhenTheSwitchIsAnythingElseAndTheReportSaysWhy() {
		for (String value : new String[] { "false", "FALSE", "no", "" }) {
			this.runner.withPropertyValues("mistral.painters.enabled=" + value).run((context) -> {
				assertThat(context).as(value).doesNotHaveBean("painter").hasSingleBean(MistralHttp.class);
				assertThat(ConditionEvaluationReport.get(context.getBeanFactory())
					.getConditionAndOutcomesBySource()
					.get(PaintersConfiguration.class.getName())
					.iterator()
					.next()
					.getOutcome()
					.getMessage()).as(value).contains("mistral.painters.enabled=" + value).contains("disabled");
			});
		}
	}

	@Test
	void doesNotMatchWithoutTheHttpCore() {
		new ApplicationContextRunner().withUserConfiguration(PaintersConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean("painter"));
	}

	@Test
	void matchesOnTheApplicationsOwnHttpCore() {
		new ApplicationContextRunner().withUserConfiguration(OwnCoreConfiguration.class, PaintersConfiguration.class)
			.run((context) -> assertThat(context).hasBean("painter"));
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigureAfter(MistralAutoConfiguration.class)
	@ConditionalOnMistralFamily("painters")
	static class PaintersConfiguration {

		@Bean
		String painter() {
			return "Monet";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCoreConfiguration {

		@Bean
		MistralHttp ownHttp() {
			return MistralHttp.builder().apiKey("sk-own").build();
		}

	}

}
