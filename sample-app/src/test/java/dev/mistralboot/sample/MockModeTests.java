package dev.mistralboot.sample;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralConnectionDetails;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.test.MockMistral;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mock mode starts only without a key for the Mistral cloud (the environment variables of
 * the machine running the tests are left out, so a MISTRAL_API_KEY set there changes
 * nothing).
 */
class MockModeTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> context.getEnvironment().getPropertySources().remove("systemEnvironment"))
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class))
		.withUserConfiguration(MockMode.class);

	@Test
	void withoutKeyTheClientsTalkToTheMockServer() {
		this.runner.run((context) -> {
			MockMistral mock = context.getBean(MockMistral.class);
			assertThat(context.getBean(MistralConnectionDetails.class).baseUrl()).isEqualTo(mock.baseUrl());
			assertThat(context.getBean(MistralHttp.class).baseUrl()).isEqualTo(mock.baseUrl());
			assertThat(mock.chat()).isNotNull();
		});
	}

	@Test
	void withKeyPropertyTheRealApiIsUsed() {
		this.runner.withPropertyValues("mistral.api-key=sk-test").run((context) -> {
			assertThat(context).doesNotHaveBean(MockMistral.class);
			assertThat(context.getBean(MistralHttp.class).baseUrl()).isEqualTo("https://api.mistral.ai");
		});
	}

	@Test
	void withKeyVariableTheRealApiIsUsed() {
		this.runner.withPropertyValues("MISTRAL_API_KEY=sk-test")
			.run((context) -> assertThat(context).doesNotHaveBean(MockMistral.class));
	}

	@Test
	void selfHostedServerWithoutKeyIsNotMocked() {
		this.runner.withPropertyValues("mistral.base-url=http://localhost:9999").run((context) -> {
			assertThat(context).doesNotHaveBean(MockMistral.class);
			assertThat(context.getBean(MistralHttp.class).baseUrl()).isEqualTo("http://localhost:9999");
		});
	}

}
