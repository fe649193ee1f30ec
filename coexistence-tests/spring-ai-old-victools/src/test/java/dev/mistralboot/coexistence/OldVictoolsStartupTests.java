package dev.mistralboot.coexistence;

import dev.mistralboot.autoconfigure.MistralDependencyVersionException;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.test.MockMistral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With Spring AI's older victools on the class path, an application that uses the
 * starter's clients fails to start with a failure analysis that names the library, both
 * versions and the fix, instead of a {@code NoSuchMethodError} in the middle of creating
 * a bean; one that has the starter but uses none of its clients starts, and the first
 * client it asks for fails with the same exception.
 */
@ExtendWith(OutputCaptureExtension.class)
class OldVictoolsStartupTests {

	@Test
	void startupExplainsTheVersionConflictWhenAClientIsUsed(CapturedOutput output) {
		try (MockMistral mock = MockMistral.start()) {
			SpringApplication application = new SpringApplication(ChatApplication.class);
			assertThatThrownBy(() -> application.run(arguments(mock)))
				.hasRootCauseInstanceOf(MistralDependencyVersionException.class);
		}
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("com.github.victools:jsonschema-generator 5.0.0 or later, but version 4.38.0")
			.contains("jsonschema-generator-4.38.0.jar")
			.contains("<version>5.0.0</version>")
			.doesNotContain("NoSuchMethodError");
	}

	@Test
	void anApplicationThatUsesNoClientStartsAndTheFirstClientExplainsTheConflict(CapturedOutput output) {
		try (MockMistral mock = MockMistral.start();
				ConfigurableApplicationContext context = new SpringApplication(Application.class)
					.run(arguments(mock))) {
			assertThatThrownBy(() -> context.getBean(MistralChatClient.class))
				.hasRootCauseInstanceOf(MistralDependencyVersionException.class)
				.rootCause()
				.hasMessageContaining("jsonschema-generator")
				.hasMessageContaining("4.38.0");
		}
		assertThat(output.getAll()).doesNotContain("APPLICATION FAILED TO START").doesNotContain("NoSuchMethodError");
	}

	@Test
	void anApplicationWithItsOwnHttpCoreFailsToStartWhenItInjectsTheChatClient(CapturedOutput output) {
		try (MockMistral mock = MockMistral.start()) {
			SpringApplication application = new SpringApplication(OwnCoreChatApplication.class);
			assertThatThrownBy(() -> application.run(arguments(mock)))
				.hasRootCauseInstanceOf(MistralDependencyVersionException.class);
		}
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("com.github.victools:jsonschema-generator 5.0.0 or later, but version 4.38.0")
			.doesNotContain("NoSuchMethodError");
	}

	private static String[] arguments(MockMistral mock) {
		return new String[] { "--mistral.base-url=" + mock.baseUrl(), "--mistral.api-key=k",
				"--spring.ai.mistralai.api-key=k", "--spring.main.web-application-type=none" };
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ChatUser.class)
	static class ChatApplication {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ChatUser.class)
	static class OwnCoreChatApplication {

		@Bean
		MistralHttp mistralHttp(Environment environment) {
			return MistralHttp.builder()
				.baseUrl(environment.getRequiredProperty("mistral.base-url"))
				.apiKey("k")
				.build();
		}

	}

	/**
	 * A service of the application that injects the chat client.
	 */
	static class ChatUser {

		ChatUser(MistralChatClient chat) {
		}

	}

}
