package dev.mistralboot.client.chat;

import java.util.List;
import java.util.Map;

import dev.mistralboot.client.agents.AgentsCompletionRequest;
import dev.mistralboot.client.agents.MistralAgentsClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The generated chat requests, messages, thinking chunks and tool calls keep what this
 * library does not know (read, then written back) and send extra body properties.
 */
class ChatTypesSurviveApiChangesTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private static final String ANSWER = """
			{"id":"c1","object":"chat.completion","model":"m","created":1,
			 "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2},
			 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"ok"}}]}""";

	private final JsonMapper json = MistralJson.defaultMapper();

	private MistralHttp http;

	@BeforeEach
	void http() {
		this.http = MistralHttp.builder().baseUrl(wireMock.baseUrl()).apiKey("test-key").build();
	}

	@Test
	void messagesThinkingAndToolCallsKeepUnknownPropertiesAndWriteThemBack() {
		String conversation = """
				[{"role":"system","content":"Be brief.","cache":{"ttl":60}},
				 {"role":"user","content":[{"type":"thinking","thinking":[{"type":"text","text":"hmm"}],
				   "closed":true,"budget":12}],"lang":"fr"},
				 {"role":"assistant","content":"","tool_calls":[{"id":"abcdefghi","type":"function","index":0,
				   "function":{"name":"f","arguments":"{\\"a\\":1}","strict":true},"origin":"model"}],
				   "reasoning_trace":{"id":"rt_1"}},
				 {"role":"tool","content":"{}","tool_call_id":"abcdefghi","name":"f","elapsed_ms":12}]""";

		List<ChatMessage> read = this.json.readValue(conversation, new TypeReference<List<ChatMessage>>() {
		});

		assertThat(read).hasSize(4);
		assertThat(read.get(0)).isInstanceOfSatisfying(SystemMessage.class,
				(message) -> assertThat(message.additionalProperties()).containsOnlyKeys("cache"));
		assertThat(read.get(1)).isInstanceOfSatisfying(UserMessage.class, (message) -> {
			assertThat(message.additionalProperties()).containsOnlyKeys("lang");
			assertThat(message.content().chunks().get(0)).isInstanceOfSatisfying(ThinkChunk.class, (chunk) -> {
				assertThat(chunk.text()).isEqualTo("hmm");
				assertThat(chunk.additionalProperties()).containsOnlyKeys("budget");
			});
		});
		assertThat(read.get(2)).isInstanceOfSatisfying(AssistantMessage.class, (message) -> {
			assertThat(message.additionalProperties()).containsOnlyKeys("reasoning_trace");
			ToolCall call = message.toolCallsOrEmpty().get(0);
			assertThat(call.additionalProperties()).containsOnlyKeys("origin");
			assertThat(call.function().additionalProperties()).containsOnlyKeys("strict");
			assertThat(call.function().arguments()).isEqualTo("{\"a\":1}");
		});
		assertThat(read.get(3)).isInstanceOfSatisfying(ToolMessage.class,
				(message) -> assertThat(message.additionalProperties()).containsOnlyKeys("elapsed_ms"));
		JsonNode written = this.json.readTree(this.json.writerFor(new TypeReference<List<ChatMessage>>() {
		}).writeValueAsString(read));
		assertThat(written).isEqualTo(this.json.readTree(conversation));
	}

	@Test
	void functionArgumentsSentAsAnObjectAreReadAsJsonTextAndSentAsAString() {
		ToolCall call = this.json.readValue("""
				{"id":"abcdefghi","function":{"name":"f","arguments":{"city":"Paris"}}}""", ToolCall.class);

		assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
		assertThat(this.json.valueToTree(call).path("function").path("arguments").asString())
			.isEqualTo("{\"city\":\"Paris\"}");
		assertThat(new FunctionCall(null, null).name()).isEmpty();
		assertThat(new FunctionCall(null, null).arguments()).isEmpty();
	}

	@Test
	void aNullContentOfAUserOrToolMessageIsSentAsNullAndOtherNullsAreLeftOut() {
		JsonNode user = this.json.valueToTree(new UserMessage(null));
		JsonNode tool = this.json.valueToTree(new ToolMessage(null, "abcdefghi", null));

		assertThat(user.has("content")).isTrue();
		assertThat(user.path("content").isNull()).isTrue();
		assertThat(user.path("role").asString()).isEqualTo("user");
		assertThat(tool.path("content").isNull()).isTrue();
		assertThat(tool.has("content")).isTrue();
		assertThat(tool.has("name")).isFalse();
		assertThat(this.json.valueToTree(AssistantMessage.prefix("Once")).has("tool_calls")).isFalse();
	}

	@Test
	void aResponseFormatKeepsUnknownPropertiesAndItsFactoriesStay() {
		ResponseFormat read = this.json.readValue("""
				{"type":"json_object","strictness":"high"}""", ResponseFormat.class);

		assertThat(read.type()).isEqualTo(ResponseFormatType.JSON_OBJECT);
		assertThat(read.additionalProperties()).containsOnlyKeys("strictness");
		assertThat(this.json.valueToTree(read).path("strictness").asString()).isEqualTo("high");
		assertThat(ResponseFormat.TEXT.type()).isEqualTo(ResponseFormatType.TEXT);
		assertThat(ResponseFormat.jsonSchema("s", Map.of("type", "object"), true).jsonSchema().name()).isEqualTo("s");
		assertThatIllegalArgumentException().isThrownBy(() -> new ResponseFormat(ResponseFormatType.JSON_SCHEMA, null))
			.withMessage("A json_schema response format needs a json_schema");
	}

	@Test
	void aChatRequestReadKeepsUnknownPropertiesAndItsBuilderSendsExtraOnes() {
		ChatCompletionRequest read = this.json.readValue("""
				{"model":"m","messages":[{"role":"user","content":"hi"}],"verbosity":"low"}""",
				ChatCompletionRequest.class);
		assertThat(read.additionalProperties()).containsOnlyKeys("verbosity");
		assertThat(this.json.valueToTree(read).path("verbosity").asString()).isEqualTo("low");
		// unknown to the description too: its check is skipped for this request
		wireMock.skipContractCheck();
		wireMock.server().stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(ANSWER)));

		new MistralChatClient(this.http).complete(read.toBuilder().putAdditionalProperty("seed_mode", "fixed").build());

		wireMock.server().verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
				{"model":"m","messages":[{"role":"user","content":"hi"}],"verbosity":"low","seed_mode":"fixed"}""")));
	}

	@Test
	void anAgentsRequestSendsExtraBodyProperties() {
		wireMock.skipContractCheck();
		wireMock.server().stubFor(post(urlEqualTo("/v1/agents/completions")).willReturn(okJson(ANSWER)));
		AgentsCompletionRequest request = AgentsCompletionRequest.builder()
			.agentId("ag_1")
			.user("hi")
			.putAdditionalProperty("handoff", Map.of("mode", "auto"))
			.build();

		new MistralAgentsClient(this.http).complete(request);

		wireMock.server().verify(postRequestedFor(urlEqualTo("/v1/agents/completions")).withRequestBody(equalToJson("""
				{"agent_id":"ag_1","messages":[{"role":"user","content":"hi"}],"handoff":{"mode":"auto"}}""")));
	}

}
