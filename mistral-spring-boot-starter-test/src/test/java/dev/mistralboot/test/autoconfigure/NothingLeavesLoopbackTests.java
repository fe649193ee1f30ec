package dev.mistralboot.test.autoconfigure;

import dev.mistralboot.test.MockMistral;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * With every base URL of the starter pointing at non-loopback addresses (documentation
 * addresses, unreachable) and real-looking keys, {@link AutoConfigureMockMistral} sends
 * every family's requests to the mock, with the dummy key: nothing leaves loopback. A
 * leaked request would fail (connect timeout) or miss the mock's request count.
 */
@SpringBootTest(properties = { "mistral.base-url=http://203.0.113.1", "mistral.api-key=real-key-1",
		"mistral.fim.base-url=http://203.0.113.2", "mistral.fim.api-key=real-codestral-key",
		"mistral.http.connect-timeout=2s", "mistral.retry.max-attempts=1" })
@AutoConfigureMockMistral
class NothingLeavesLoopbackTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MockMistral mistral;

	@Test
	void everyFamilyTalksToTheMock() {
		EveryFamily.call(this.context);
		EveryFamily.assertAllReachedTheMock(this.mistral);
	}

	@Test
	void environmentVariableFormsAreRedirectedToo() {
		org.springframework.core.env.StandardEnvironment environment = new org.springframework.core.env.StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new org.springframework.core.env.MapPropertySource("test",
					java.util.Map.of("MISTRAL_FIM_BASE_URL", "http://203.0.113.2", "mistral.ocr.baseUrl",
							"http://203.0.113.4", "mistral.other.api-key", "secret", "unrelated.base-url", "x")));
		java.util.Map<String, Object> redirected = MockMistralContextCustomizer.redirected(environment,
				"http://127.0.0.1:1");
		org.assertj.core.api.Assertions.assertThat(redirected)
			.containsEntry("MISTRAL_FIM_BASE_URL", "http://127.0.0.1:1")
			.containsEntry("mistral.ocr.baseUrl", "http://127.0.0.1:1")
			.containsEntry("mistral.other.api-key", MockMistralContextCustomizer.DUMMY_API_KEY)
			.containsEntry("mistral.fim.api-key", MockMistralContextCustomizer.DUMMY_API_KEY)
			.doesNotContainKey("unrelated.base-url");
	}

}
