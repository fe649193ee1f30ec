package dev.mistralboot.coexistence;

import dev.mistralboot.autoconfigure.MistralDependencyVersionException;
import dev.mistralboot.test.MockMistral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With Spring AI's older victools on the class path, start-up fails early with a failure
 * analysis that names the library, both versions and the fix, instead of a
 * {@code NoSuchMethodError} in {@code mistralToolRegistry}.
 */
@ExtendWith(OutputCaptureExtension.class)
class OldVictoolsStartupTests {

	@Test
	void startupExplainsTheVersionConflict(CapturedOutput output) {
		try (MockMistral mock = MockMistral.start()) {
			SpringApplication application = new SpringApplication(Application.class);
			assertThatThrownBy(() -> application.run("--mistral.base-url=" + mock.baseUrl(), "--mistral.api-key=k",
					"--spring.ai.mistralai.api-key=k", "--spring.main.web-application-type=none"))
				.hasRootCauseInstanceOf(MistralDependencyVersionException.class);
		}
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("com.github.victools:jsonschema-generator 5.0.0 or later, but version 4.38.0")
			.contains("jsonschema-generator-4.38.0.jar")
			.contains("<version>5.0.0</version>")
			.doesNotContain("NoSuchMethodError");
	}

	@SpringBootApplication
	static class Application {

	}

}
