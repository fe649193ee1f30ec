package dev.mistralboot.client.core;

import java.util.List;
import java.util.Map;

/**
 * Requests the core tests send: real operations of the API with bodies that conform to
 * it.
 */
final class TestRequests {

	static final String CHAT = "/v1/chat/completions";

	private TestRequests() {
	}

	static Map<String, Object> chatBody(boolean stream) {
		return (stream)
				? Map.of("model", "mistral-small-latest", "stream", true, "messages",
						List.of(Map.of("role", "user", "content", "Which cheese?")))
				: Map.of("model", "mistral-small-latest", "messages",
						List.of(Map.of("role", "user", "content", "Which cheese?")));
	}

	static ApiRequest chat() {
		return ApiRequest.post(CHAT).operation("chat").model("mistral-small-latest").json(chatBody(false)).build();
	}

	static ApiRequest chatStream() {
		return ApiRequest.post(CHAT).operation("chat").model("mistral-small-latest").json(chatBody(true)).build();
	}

}
