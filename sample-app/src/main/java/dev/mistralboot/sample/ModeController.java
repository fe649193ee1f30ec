package dev.mistralboot.sample;

import java.util.Map;

import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.test.MockMistral;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the page whether it talks to the real API or to the mock server.
 */
@RestController
class ModeController {

	private final boolean mock;

	private final String baseUrl;

	ModeController(ObjectProvider<MockMistral> mockMistral, MistralHttp http) {
		this.mock = mockMistral.getIfAvailable() != null;
		this.baseUrl = http.baseUrl();
	}

	@GetMapping("/api/mode")
	Map<String, Object> mode() {
		return Map.of("mode", this.mock ? "mock" : "live", "baseUrl", this.baseUrl);
	}

}
