package dev.mistralboot.sample;

import dev.mistralboot.autoconfigure.MistralConnectionDetails;
import dev.mistralboot.test.MockMistral;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Mock mode: when no API key is configured (neither {@code mistral.api-key} nor
 * {@code MISTRAL_API_KEY}) and {@code mistral.base-url} is Mistral's cloud, the sample
 * starts {@link MockMistral} (from {@code mistral-spring-boot-starter-test}) on a free
 * loopback port, scripts it with {@link SampleMockScript} and points the clients at it
 * through a {@link MistralConnectionDetails} bean. Nothing leaves the machine and nothing
 * is paid. Set a key to talk to the real API.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MockMode.NoApiKey.class)
public class MockMode {

	private static final Log logger = LogFactory.getLog(MockMode.class);

	@Bean(destroyMethod = "close")
	MockMistral mockMistral() {
		MockMistral mock = MockMistral.start();
		SampleMockScript.script(mock);
		logger.warn("""

				**************************************************************************************
				*  MOCK MODE: no MISTRAL_API_KEY is set, so the Mistral clients talk to an embedded  *
				*  mock server (MockMistral) at %-54s*
				*  Answers are scripted, not generated. Set MISTRAL_API_KEY to use the real API.     *
				**************************************************************************************"""
			.formatted(mock.baseUrl()));
		return mock;
	}

	@Bean
	MistralConnectionDetails mockMistralConnectionDetails(MockMistral mockMistral) {
		return new MistralConnectionDetails() {

			@Override
			public String baseUrl() {
				return mockMistral.baseUrl();
			}

			@Override
			public @Nullable String apiKey() {
				return "mock-mode-key";
			}

		};
	}

	/**
	 * Matches when no key is configured for the Mistral cloud.
	 */
	static class NoApiKey implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			String baseUrl = environment.getProperty("mistral.base-url", "https://api.mistral.ai");
			return !StringUtils.hasText(environment.getProperty("mistral.api-key"))
					&& !StringUtils.hasText(environment.getProperty("MISTRAL_API_KEY"))
					&& baseUrl.contains("mistral.ai");
		}

	}

}
