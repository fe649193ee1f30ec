package dev.mistralboot.client.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An API key a header cannot carry is refused when the client is configured, with a typed
 * exception that never shows the key.
 */
class ApiKeyValidationTests {

	private static final String SECRET = "sk-7f3a9c1e5b2d";

	@Test
	void aKeyHoldingALineBreakIsRefusedWithoutShowingIt() {
		for (String key : new String[] { SECRET + "\r\nX-Injected: 1", SECRET + "\n" + SECRET, "a\rb" }) {
			assertThatExceptionOfType(MistralConfigurationException.class)
				.isThrownBy(() -> MistralHttp.builder().apiKey(key))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET)
					.doesNotContain("X-Injected")
					.contains("mistral.api-key")
					.contains("a line break"));
			assertThatExceptionOfType(MistralConfigurationException.class)
				.isThrownBy(() -> ReactiveMistralHttp.builder().apiKey(key))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET));
		}
	}

	@Test
	void aKeyHoldingAControlOrNonAsciiCharacterIsRefused() {
		assertThatExceptionOfType(MistralConfigurationException.class)
			.isThrownBy(() -> MistralHttp.builder().apiKey(SECRET + "\u0000"))
			.withMessageContaining("position 16 of 16")
			.withMessageNotContaining(SECRET);
		assertThatExceptionOfType(MistralConfigurationException.class)
			.isThrownBy(() -> MistralHttp.builder().apiKey("sk é"))
			.withMessageNotContaining("sk");
	}

	@Test
	void surroundingWhiteSpaceIsRemovedAndIsNotAnError() {
		assertThat(MistralHttp.builder().apiKey("  " + SECRET + "\n").toString()).contains("apiKey=(set)")
			.doesNotContain(SECRET);
	}

}
