package dev.mistralboot.contract;

import dev.mistralboot.contract.OpenApiContract.Mode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenApiContractResponseTests {

	static final String CHAT_ID = "chat_completion_v1_chat_completions_post";

	/**
	 * Shaped like a 2026 recording: no "data", explicit nulls, extra usage fields,
	 * logprobs.
	 */
	static final String REAL_CHAT_RESPONSE = """
			{"id":"cmpl-e5cc70bb28c444948073e77776eb30ef","object":"chat.completion","created":1767225600,
			 "model":"mistral-small-latest",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"Paris.","tool_calls":null,"prefix":false},
			             "finish_reason":"stop","logprobs":null}],
			 "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,"num_cached_tokens":0,
			          "prompt_tokens_details":{"cached_tokens":0},"prompt_token_details":null,
			          "request_count":1,"service_tier":"standard","prompt_audio_seconds":null}}
			""";

	static OpenApiContract contract;

	@BeforeAll
	static void loadContract() {
		contract = OpenApiContract.get();
	}

	@Test
	void realisticChatResponsePassesWithTheLiveApiRelaxations() {
		assertThat(contract.validateResponse(CHAT_ID, 200, REAL_CHAT_RESPONSE)).isEmpty();
		assertThat(contract.validateResponse("POST", "/v1/chat/completions", 200, REAL_CHAT_RESPONSE)).isEmpty();
		contract.assertResponseValid(CHAT_ID, 200, REAL_CHAT_RESPONSE);
		contract.assertSchemaValid("ChatCompletionResponse", REAL_CHAT_RESPONSE, Mode.LIVE_API);
	}

	@Test
	void theSameResponseFailsStrictlyForExactlyTheDocumentedDifferences() {
		assertThat(contract.validateResponse(CHAT_ID, 200, REAL_CHAT_RESPONSE, Mode.STRICT))
			.anySatisfy((e) -> assertThat(e).isEqualTo("response: required property 'data' not found"))
			.anySatisfy((e) -> assertThat(e).startsWith("response /usage: property 'num_cached_tokens' is not defined"))
			.allSatisfy((e) -> assertThat(e).matches(".*('data'|/usage: property).*"));
		assertThat(OpenApiContract.liveApiRelaxations()).hasSize(2)
			.anySatisfy((r) -> assertThat(r).startsWith("ChatCompletionResponse"))
			.anySatisfy((r) -> assertThat(r).startsWith("UsageInfo"));
	}

	@Test
	void relaxationsStillRejectAResponseWithoutChoicesOrWithBadUsage() {
		String withoutChoices = REAL_CHAT_RESPONSE.replaceFirst("(?s)\"choices\":\\[.*?\\}\\],\\s*", "");
		assertThat(withoutChoices).doesNotContain("choices");
		assertThat(contract.validateResponse(CHAT_ID, 200, withoutChoices))
			.containsExactly("response: required property 'choices' not found");

		String usageWithoutTotal = REAL_CHAT_RESPONSE.replace("\"total_tokens\":15,", "");
		assertThat(contract.validateResponse(CHAT_ID, 200, usageWithoutTotal))
			.containsExactly("response /usage: required property 'total_tokens' not found");

		String badFinishReason = REAL_CHAT_RESPONSE.replace("\"finish_reason\":\"stop\"", "\"finish_reason\":3");
		assertThat(contract.validateResponse(CHAT_ID, 200, badFinishReason)).isNotEmpty();
	}

	@Test
	void streamChunksWithPaddingAndExtraUsageValidateInLiveApiMode() {
		String lastChunk = """
				{"id":"c1","object":"chat.completion.chunk","created":1767225600,"model":"mistral-small-latest",
				 "choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop"}],
				 "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,"num_cached_tokens":0},
				 "p":"abcdefghij"}
				""";
		assertThat(contract.validateSchema("CompletionChunk", lastChunk, Mode.LIVE_API)).isEmpty();
		assertThat(contract.validateSchema("CompletionChunk", lastChunk)).singleElement()
			.asString()
			.contains("num_cached_tokens");
	}

	@Test
	void undeclaredStatusesAndNonJsonBodiesAreNotChecked() {
		assertThat(contract.validateResponse(CHAT_ID, 429, "{\"message\":\"Requests rate limit exceeded\"}")).isEmpty();
		assertThat(contract.validateResponse(CHAT_ID, 422,
				"{\"detail\":[{\"loc\":[\"body\",\"model\"]," + "\"msg\":\"Field required\",\"type\":\"missing\"}]}"))
			.isEmpty();
		assertThat(contract.validateResponse(CHAT_ID, 422, "{\"detail\":\"nope\"}")).isNotEmpty();
		assertThat(contract.validateResponse(CHAT_ID, 200, "not json")).singleElement()
			.asString()
			.startsWith("response body is not valid JSON");
	}

	@Test
	void unknownSchemaOrOperationIsAProgrammingError() {
		assertThatThrownBy(() -> contract.validateSchema("NoSuchSchema", "{}"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("NoSuchSchema");
		assertThatThrownBy(() -> contract.validateResponse("no_such_operation", 200, "{}"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no_such_operation");
		assertThat(contract.validateResponse("GET", "/v1/nowhere", 200, "{}")).singleElement()
			.asString()
			.startsWith("no operation GET /v1/nowhere");
	}

	@Test
	void assertSchemaValidReportsErrorsAndJson() {
		assertThatThrownBy(() -> contract.assertSchemaValid("UsageInfo", "{\"prompt_tokens\":\"many\"}"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("#/components/schemas/UsageInfo (STRICT)")
			.hasMessageContaining("  - /prompt_tokens: string found, integer expected")
			.hasMessageContaining("{\"prompt_tokens\":\"many\"}");
	}

}
