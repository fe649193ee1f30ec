package dev.mistralboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistral secrets are masked in Actuator's {@code /env} and {@code /configprops}, even
 * with {@code show-values=always}.
 */
class MistralSecretsSanitizingTests {

	private static final String MASK = SanitizableData.SANITIZED_VALUE;

	@Test
	void environmentEndpointMasksMistralSecrets() {
		MistralAutoConfigurationTests.runner(Map.of("MISTRAL_API_KEY", "env-secret-1"))
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("application.yml",
						Map.of("mistral.api-key", "yaml-secret-2", "mistral.fine-tuning.wandb.api-key",
								"wandb-secret-3", "mistral.fim.api-key", "fim-secret-4", "mistral.chat.model",
								"mistral-small-latest", "mistral.chat.max-tokens", "100", "unrelated.value",
								"visible"))))
			.run((context) -> {
				List<SanitizingFunction> functions = new ArrayList<>(
						context.getBeansOfType(SanitizingFunction.class).values());
				assertThat(functions).hasSize(1);
				EnvironmentEndpoint endpoint = new EnvironmentEndpoint(context.getEnvironment(), functions,
						Show.ALWAYS);
				assertThat(value(endpoint, "mistral.api-key")).isEqualTo(MASK);
				assertThat(value(endpoint, "mistral.fine-tuning.wandb.api-key")).isEqualTo(MASK);
				assertThat(value(endpoint, "mistral.fim.api-key")).isEqualTo(MASK);
				assertThat(value(endpoint, "MISTRAL_API_KEY")).isEqualTo(MASK);
				assertThat(value(endpoint, "mistral.chat.model")).isEqualTo("mistral-small-latest");
				assertThat(value(endpoint, "mistral.chat.max-tokens")).isEqualTo("100");
				assertThat(value(endpoint, "unrelated.value")).isEqualTo("visible");
				String whole = String.valueOf(endpoint.environment(null)
					.getPropertySources()
					.stream()
					.map((source) -> source.getProperties().toString())
					.toList());
				assertThat(whole).doesNotContain("env-secret-1", "yaml-secret-2", "wandb-secret-3", "fim-secret-4");
			});
	}

	@Test
	void configPropsEndpointMasksTheKey() {
		MistralAutoConfigurationTests.runner(Map.of())
			.withPropertyValues("mistral.api-key=props-secret-5", "mistral.chat.model=mistral-large-latest")
			.run((context) -> {
				ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(
						context.getBeansOfType(SanitizingFunction.class).values(), Show.ALWAYS);
				endpoint.setApplicationContext(context);
				Map<String, ConfigurationPropertiesBeanDescriptor> beans = endpoint
					.configurationPropertiesWithPrefix("mistral")
					.getContexts()
					.values()
					.iterator()
					.next()
					.getBeans();
				ConfigurationPropertiesBeanDescriptor mistral = beans.values()
					.stream()
					.filter((bean) -> bean.getPrefix().equals("mistral"))
					.findFirst()
					.orElseThrow();
				assertThat(mistral.getProperties()).containsEntry("apiKey", MASK);
				assertThat(String.valueOf(mistral.getInputs())).doesNotContain("props-secret-5");
				ConfigurationPropertiesBeanDescriptor chat = beans.values()
					.stream()
					.filter((bean) -> bean.getPrefix().equals("mistral.chat"))
					.findFirst()
					.orElseThrow();
				assertThat(chat.getProperties()).containsEntry("model", "mistral-large-latest");
			});
	}

	@Test
	void recognisesEveryFormOfTheKeys() {
		assertThat(MistralSecretsSanitizingFunction.isSecret("mistral.api-key")).isTrue();
		assertThat(MistralSecretsSanitizingFunction.isSecret("mistral.apiKey")).isTrue();
		assertThat(MistralSecretsSanitizingFunction.isSecret("MISTRAL_APIKEY")).isTrue();
		assertThat(MistralSecretsSanitizingFunction.isSecret("MISTRAL_API_KEY")).isTrue();
		assertThat(MistralSecretsSanitizingFunction.isSecret("mistral.fim.api-key")).isTrue();
		assertThat(MistralSecretsSanitizingFunction.isSecret("mistral.fine-tuning.wandb.api-key")).isTrue();
		assertThat(MistralSecretsSanitizingFunction.isSecret("MISTRAL_FINETUNING_WANDB_APIKEY")).isTrue();
		assertThat(MistralSecretsSanitizingFunction.isSecret("mistral.connectors.token")).isTrue();
		assertThat(MistralSecretsSanitizingFunction.isSecret("mistral.chat.max-tokens")).isFalse();
		assertThat(MistralSecretsSanitizingFunction.isSecret("mistral.base-url")).isFalse();
		assertThat(MistralSecretsSanitizingFunction.isSecret("other.api-key")).isFalse();
	}

	@Test
	void absentWithoutActuator() {
		MistralAutoConfigurationTests.runner(Map.of())
			.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.withPropertyValues("mistral.api-key=k")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("mistralSecretsSanitizingFunction");
			});
	}

	private static Object value(EnvironmentEndpoint endpoint, String name) {
		return endpoint.environmentEntry(name).getProperty().getValue();
	}

}
