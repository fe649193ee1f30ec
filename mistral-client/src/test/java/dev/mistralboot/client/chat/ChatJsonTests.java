package dev.mistralboot.client.chat;

import java.util.List;
import java.util.Map;

import dev.mistralboot.client.core.MistralJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ChatJsonTests {

	private final JsonMapper mapper = MistralJson.defaultMapper();

	@Test
	void writesRequest() {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.model("m")
			.system("be brief")
			.addMessages(ChatMessage.user(ContentChunk.text("hi"), ContentChunk.imageUrl("https://x/y.png")),
					AssistantMessage.ofToolCalls(List.of(ToolCall.of("abcdefghi", "f", "{\"a\":1}"))),
					ChatMessage.tool("abcdefghi", "f", "{}"))
			.tools(Tool.function("f", "does f", Map.of("type", "object")), Tool.webSearch())
			.toolChoice(ToolChoice.function("f"))
			.responseFormat(ResponseFormat.JSON_OBJECT)
			.stop("x")
			.prediction(new Prediction("p"))
			.reasoningEffort(ReasoningEffort.HIGH)
			.build();
		String json = this.mapper.writeValueAsString(request);
		assertThat(json).contains("\"role\":\"system\"")
			.contains("\"type\":\"image_url\"")
			.contains("\"tool_call_id\":\"abcdefghi\"")
			.contains("\"type\":\"web_search\"");
	}

	@Test
	void readsThinkingResponse() {
		String json = """
				{"id":"x","object":"chat.completion","model":"magistral","created":1,"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3,"prompt_tokens_details":{"cached_tokens":5},"foo":1},
				 "choices":[{"index":0,"finish_reason":"weird","message":{"role":"assistant","tool_calls":null,"content":[{"type":"thinking","thinking":[{"type":"text","text":"hmm"}],"closed":true},{"type":"text","text":"4"},{"type":"brand_new","x":1}]}}]}
				""";
		ChatCompletionResponse response = this.mapper.readValue(json, ChatCompletionResponse.class);
		assertThat(response.text()).isEqualTo("4");
		assertThat(response.thinking()).isEqualTo("hmm");
		assertThat(response.finishReason()).isEqualTo(FinishReason.UNKNOWN);
		assertThat(response.usage().cachedTokens()).isEqualTo(5);
	}

}
