package dev.mistralboot.client.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The chat types against the API description: a request with every field set validates
 * and names every property of every schema it uses; answers with every field parse with
 * nothing lost; enums know every value of the description.
 */
class ChatModelSpecTests {

	private static JsonNode schemas;

	private final JsonMapper mapper = MistralJson.defaultMapper();

	@BeforeAll
	static void readDescription() throws IOException {
		schemas = YAMLMapper.builder()
			.build()
			.readTree(Files.readString(OpenApiContract.get().source()))
			.path("components")
			.path("schemas");
	}

	static ChatCompletionRequest everyField(ToolChoice toolChoice) {
		Map<String, Object> parameters = Map.of("type", "object", "properties",
				Map.of("city", Map.of("type", "string")), "required", List.of("city"));
		ToolConfiguration configuration = new ToolConfiguration(List.of("a"), List.of("b"), List.of("c"));
		return ChatCompletionRequest.builder()
			.model("mistral-large-latest")
			.temperature(0.3)
			.topP(0.9)
			.maxTokens(512)
			.stream(false)
			.stop("\n\n", "END")
			.randomSeed(42L)
			.metadata(Map.of("user", "u-1"))
			.addMessages(new SystemMessage(Content.of("Answer briefly.")),
					ChatMessage.user(ContentChunk.text("Describe these"),
							new ImageUrlChunk(new ImageUrl("https://example.com/cat.png", ImageDetail.HIGH)),
							new DocumentUrlChunk("https://example.com/a.pdf", "a.pdf"),
							new ReferenceChunk(List.of(1, "doc-2")),
							ContentChunk.file("3f1c2e4d-5a6b-4c7d-8e9f-0a1b2c3d4e5f"),
							new ThinkChunk(List.of(new TextChunk("earlier thought"),
									new ToolReferenceChunk("web_search", "Météo", "https://example.com",
											"https://example.com/f.ico", "Forecast")),
									"sig", true),
							new AudioChunk("UklGRiQAAABXQVZFZm10IBAAAAABAAEA")),
					new AssistantMessage(Content.of(""),
							List.of(new ToolCall("D681PevKs", "function",
									new FunctionCall("get_weather", "{\"city\":\"Paris\"}"), 0)),
							false),
					ChatMessage.tool("D681PevKs", "get_weather", "{\"temperature\":18}"))
			.responseFormat(new ResponseFormat(ResponseFormatType.JSON_SCHEMA,
					new JsonSchema("weather", "The weather", parameters, true)))
			.tools(new FunctionTool(new FunctionDefinition("get_weather", "Weather of a city", true, parameters)),
					new WebSearchTool(configuration), new WebSearchPremiumTool(configuration),
					new CodeInterpreterTool(configuration), new ImageGenerationTool(configuration),
					new DocumentLibraryTool(configuration, List.of("lib-1")),
					new ConnectorTool("conn-1", ConnectorAuthorization.apiKey("connector-secret"), configuration))
			.toolChoice(toolChoice)
			.presencePenalty(0.1)
			.frequencyPenalty(0.2)
			.n(2)
			.prediction(new Prediction("expected"))
			.parallelToolCalls(true)
			.reasoningEffort(ReasoningEffort.HIGH)
			.promptMode(PromptMode.REASONING)
			.guardrails(List.of(new GuardrailConfig(true,
					new ModerationLlmV1Config("mistral-moderation-2411",
							new ModerationLlmV1CategoryThresholds(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), true,
							ModerationAction.BLOCK),
					new ModerationLlmV2Config("mistral-moderation-2603",
							new ModerationLlmV2CategoryThresholds(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95,
									0.99),
							false, ModerationAction.NONE))))
			.promptCacheKey("cache-1")
			.serviceTier(ServiceTier.AUTO)
			.safePrompt(true)
			.build();
	}

	@Test
	void requestWithEveryFieldValidates() {
		for (ToolChoice choice : List.of(ToolChoice.ANY, ToolChoice.function("get_weather"))) {
			String json = this.mapper.writeValueAsString(everyField(choice));
			OpenApiContract.get().assertSchemaValid("ChatCompletionRequest", json);
		}
	}

	@Test
	void requestNamesEveryPropertyOfEverySchemaItUses() {
		JsonNode request = this.mapper.valueToTree(everyField(ToolChoice.function("get_weather")));
		Map<String, JsonNode> uses = new LinkedHashMap<>();
		uses.put("ChatCompletionRequest", request);
		uses.put("SystemMessage", request.at("/messages/0"));
		uses.put("UserMessage", request.at("/messages/1"));
		uses.put("TextChunk", request.at("/messages/1/content/0"));
		uses.put("ImageURLChunk", request.at("/messages/1/content/1"));
		uses.put("ImageURL", request.at("/messages/1/content/1/image_url"));
		uses.put("DocumentURLChunk", request.at("/messages/1/content/2"));
		uses.put("ReferenceChunk", request.at("/messages/1/content/3"));
		uses.put("FileChunk", request.at("/messages/1/content/4"));
		uses.put("ThinkChunk", request.at("/messages/1/content/5"));
		uses.put("ToolReferenceChunk", request.at("/messages/1/content/5/thinking/1"));
		uses.put("AudioChunk", request.at("/messages/1/content/6"));
		uses.put("AssistantMessage", request.at("/messages/2"));
		uses.put("ToolCall", request.at("/messages/2/tool_calls/0"));
		uses.put("FunctionCall", request.at("/messages/2/tool_calls/0/function"));
		uses.put("ToolMessage", request.at("/messages/3"));
		uses.put("ResponseFormat", request.at("/response_format"));
		uses.put("JsonSchema", request.at("/response_format/json_schema"));
		uses.put("Tool", request.at("/tools/0"));
		uses.put("Function", request.at("/tools/0/function"));
		uses.put("WebSearchTool", request.at("/tools/1"));
		uses.put("ToolConfiguration", request.at("/tools/1/tool_configuration"));
		uses.put("WebSearchPremiumTool", request.at("/tools/2"));
		uses.put("CodeInterpreterTool", request.at("/tools/3"));
		uses.put("ImageGenerationTool", request.at("/tools/4"));
		uses.put("DocumentLibraryTool", request.at("/tools/5"));
		uses.put("CustomConnector", request.at("/tools/6"));
		uses.put("APIKeyAuth", request.at("/tools/6/authorization"));
		uses.put("ToolChoice", request.at("/tool_choice"));
		uses.put("FunctionName", request.at("/tool_choice/function"));
		uses.put("Prediction", request.at("/prediction"));
		uses.put("GuardrailConfig", request.at("/guardrails/0"));
		uses.put("ModerationLLMV1Config", request.at("/guardrails/0/moderation_llm_v1"));
		uses.put("ModerationLLMV1CategoryThresholds",
				request.at("/guardrails/0/moderation_llm_v1/custom_category_thresholds"));
		uses.put("ModerationLLMV2Config", request.at("/guardrails/0/moderation_llm_v2"));
		uses.put("ModerationLLMV2CategoryThresholds",
				request.at("/guardrails/0/moderation_llm_v2/custom_category_thresholds"));
		List<String> missing = new ArrayList<>();
		uses.forEach((schema, node) -> {
			assertThat(node.isObject()).as("%s is sent as an object", schema).isTrue();
			for (String property : properties(schema)) {
				if (!node.has(property)) {
					missing.add(schema + "." + property);
				}
			}
		});
		assertThat(missing).as("properties of the description the request does not send").isEmpty();
	}

	@Test
	void everyChatCompletionRequestPropertyIsARecordComponent() {
		Set<String> components = new TreeSet<>();
		for (var component : ChatCompletionRequest.class.getRecordComponents()) {
			// every generated request has it: body properties this library does not know
			if (!component.getName().equals("additionalProperties")) {
				components.add(component.getName().replaceAll("([A-Z])", "_$1").toLowerCase());
			}
		}
		assertThat(components).containsExactlyInAnyOrderElementsOf(properties("ChatCompletionRequest"));
	}

	@Test
	void fullResponseParsesWithNothingLost() {
		String fixture = Fixtures.text("chat-response-full.json");
		OpenApiContract.get().assertResponseValid("chat_completion_v1_chat_completions_post", 200, fixture);
		ChatCompletionResponse response = this.mapper.readValue(fixture, ChatCompletionResponse.class);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(response)))
			.isEqualTo(this.mapper.readTree(fixture));
		assertThat(response.text()).isEqualTo("Let me check.");
		assertThat(response.thinking()).isEqualTo("The user wants the weather; ");
		assertThat(response.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("D681PevKs");
			assertThat(call.function().name()).isEqualTo("get_weather");
			assertThat(call.function().arguments()).isEqualTo("{\"city\": \"Paris\"}");
		});
		assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(response.usage().cachedTokens()).isEqualTo(64);
		assertThat(response.usage().promptAudioSeconds()).isEqualTo(3);
	}

	@Test
	void fullChunkParsesWithNothingLost() {
		String fixture = Fixtures.text("chat-chunk-full.json");
		OpenApiContract.get().assertSchemaValid("CompletionChunk", fixture, OpenApiContract.Mode.LIVE_API);
		ChatCompletionChunk chunk = this.mapper.readValue(fixture, ChatCompletionChunk.class);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(chunk)))
			.isEqualTo(this.mapper.readTree(fixture));
		assertThat(chunk.choices().get(0).delta().metadata()).containsEntry("k", "v");
	}

	@Test
	void responseFixturesConformAndParse() {
		for (String name : List.of("chat-response.json", "chat-response-thinking.json",
				"chat-response-tool-calls.json")) {
			String fixture = Fixtures.text(name);
			OpenApiContract.get().assertResponseValid("chat_completion_v1_chat_completions_post", 200, fixture);
			assertThat(this.mapper.readValue(fixture, ChatCompletionResponse.class).choices()).as(name).hasSize(1);
		}
	}

	@Test
	void unknownFieldsChunksAndEnumValuesNeverBreakParsing() {
		String json = """
				{"id":"x","object":"chat.completion","model":"m","created":1,"brand_new":{"a":1},
				 "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2,"request_count":1,"prompt_token_details":null},
				 "choices":[{"index":0,"finish_reason":"content_filter","logprobs":null,"message":{"role":"assistant","tool_calls":null,"audio":null,
				   "content":[{"type":"hologram","data":"..."},{"type":"text","text":"hi"}]}}]}
				""";
		ChatCompletionResponse response = this.mapper.readValue(json, ChatCompletionResponse.class);
		assertThat(response.finishReason()).isEqualTo(FinishReason.UNKNOWN);
		assertThat(response.text()).isEqualTo("hi");
		assertThat(response.message().content().chunks().get(0))
			.isEqualTo(new UnknownChunk("hologram", Map.of("data", "...")));
		assertThat(ReasoningEffort.of("ultra")).isEqualTo(ReasoningEffort.UNKNOWN);
	}

	@Test
	void enumsKnowEveryValueOfTheDescription() {
		assertEnum(ReasoningEffort.values(), ReasoningEffort::value, enumValues("/ReasoningEffort/enum"));
		assertEnum(ServiceTier.values(), ServiceTier::value, enumValues("/RequestedServiceTier/enum"));
		assertEnum(PromptMode.values(), PromptMode::value, enumValues("/MistralPromptMode/enum"));
		assertEnum(ImageDetail.values(), ImageDetail::value, enumValues("/ImageDetail/enum"));
		assertEnum(ModerationAction.values(), ModerationAction::value, enumValues("/ModerationLLMAction/enum"));
		assertEnum(ResponseFormatType.values(), ResponseFormatType::value, enumValues("/ResponseFormats/enum"));
		Set<String> finishReasons = new TreeSet<>(enumValues("/ChatCompletionChoice/properties/finish_reason/enum"));
		finishReasons.addAll(enumValues("/CompletionResponseStreamChoice/properties/finish_reason/enum"));
		assertEnum(FinishReason.values(), FinishReason::value, finishReasons);
	}

	@Test
	void requestValidationSaysWhatToFix() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatCompletionRequest.builder().build())
			.withMessageContaining("add one with ChatCompletionRequest.builder().user(");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatCompletionRequest.builder().user("x").n(0).build())
			.withMessage("n must be at least 1, was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatCompletionRequest.builder().user("x").model(" ").build())
			.withMessageContaining("model must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatCompletionRequest.builder().user("x").maxTokens(-1).build())
			.withMessageContaining("maxTokens must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> ToolChoice.function(" "))
			.withMessageContaining("needs a function name");
	}

	@Test
	void toBuilderKeepsEveryField() {
		ChatCompletionRequest request = everyField(ToolChoice.AUTO);
		assertThat(request.toBuilder().build()).isEqualTo(request);
	}

	@Test
	void secretsOfConnectorsAreMasked() {
		ChatCompletionRequest request = everyField(ToolChoice.AUTO);
		assertThat(request.toString()).doesNotContain("connector-secret").contains("******");
	}

	private static <E> void assertEnum(E[] values, Function<E, String> value, Iterable<String> expected) {
		List<String> known = Arrays.stream(values).map(value).filter((v) -> !v.equals("unknown")).toList();
		assertThat(known).containsExactlyInAnyOrderElementsOf(expected);
	}

	private static List<String> enumValues(String pointer) {
		List<String> values = new ArrayList<>();
		schemas.at(pointer).forEach((node) -> {
			if (!node.isNull()) {
				values.add(node.asString());
			}
		});
		assertThat(values).as(pointer).isNotEmpty();
		return values;
	}

	private static Set<String> properties(String schema) {
		JsonNode node = schemas.path(schema);
		assertThat(node.isMissingNode()).as("schema %s", schema).isFalse();
		Set<String> names = new TreeSet<>();
		node.path("properties").propertyNames().forEach(names::add);
		for (JsonNode part : node.path("allOf")) {
			part.path("properties").propertyNames().forEach(names::add);
		}
		return names;
	}

}
