package dev.mistralboot.client.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.MistralStreamException;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.client.test.RecordingSleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link MistralChatClient} over HTTP, with recorded-style answers and streams.
 */
class MistralChatClientTests {

	static final String PATH = "/v1/chat/completions";

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private MistralChatClient client(ChatDefaults defaults) {
		MistralHttp http = MistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey("chat-key")
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)))
			.sleeper(new RecordingSleeper())
			.build();
		return new MistralChatClient(http, defaults);
	}

	private static void answer(String fixture) {
		wireMock.server()
			.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", fixture.endsWith(".sse") ? "text/event-stream" : "application/json")
				.withHeader("mistral-correlation-id", "corr-chat")
				.withHeader("x-ratelimit-remaining-tokens-minute", "12345")
				.withBody(Fixtures.text(fixture))));
	}

	@Test
	void completeWithTheDefaultModelSendsExactlyTheQuestion() {
		wireMock.stubJson(post(urlPathEqualTo(PATH)), "chat_completion_v1_chat_completions_post", """
				{"id":"cmpl-e5cc70bb28c444948073e77776eb30ef","object":"chat.completion","model":"mistral-small-latest",
				 "created":1702256327,"usage":{"prompt_tokens":16,"completion_tokens":34,"total_tokens":50},
				 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","tool_calls":null,
				 "content":"Comté, without a doubt."}}]}""");
		MistralChatClient chat = new MistralChatClient(wireMock.http(),
				new ChatDefaults("mistral-small-latest", null, null, null));

		ChatCompletionResponse answer = chat
			.complete(ChatCompletionRequest.builder().user("What is the best French cheese?").build());

		assertThat(answer.text()).isEqualTo("Comté, without a doubt.");
		assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
		// strict: nothing but the default model and the question is sent
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
					"""
							{"model":"mistral-small-latest","messages":[{"role":"user","content":"What is the best French cheese?"}]}""",
					true, false)));
	}

	@Test
	void completeReadsTheAnswer() {
		answer("chat-response.json");
		ChatCompletionResponse response = client(ChatDefaults.NONE)
			.complete(ChatCompletionRequest.builder().model("mistral-small-latest").user("Which cheese?").build());
		assertThat(response.text()).isEqualTo("Comté is the best.");
		assertThat(response.thinking()).isEmpty();
		assertThat(response.toolCalls()).isEmpty();
		assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(response.usage().totalTokens()).isEqualTo(19);
		assertThat(response.model()).isEqualTo("mistral-small-latest");
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
					"{\"model\":\"mistral-small-latest\",\"messages\":[{\"role\":\"user\",\"content\":\"Which cheese?\"}]}")));
	}

	@Test
	void completeWithResponseHasTheMetadata() {
		answer("chat-response.json");
		MistralResponse<ChatCompletionResponse> response = client(ChatDefaults.NONE)
			.completeWithResponse(ChatCompletionRequest.builder().model("m").user("hi").build());
		assertThat(response.metadata().correlationId()).isEqualTo("corr-chat");
		assertThat(response.metadata().rateLimits().remaining("tokens-minute")).isEqualTo(12345L);
		assertThat(response.body().text()).isEqualTo("Comté is the best.");
	}

	@Test
	void reasoningAnswer() {
		answer("chat-response-thinking.json");
		ChatCompletionResponse response = client(ChatDefaults.ofModel("magistral-medium-latest"))
			.complete(ChatCompletionRequest.builder().user("2+2?").promptMode(PromptMode.REASONING).build());
		assertThat(response.text()).isEqualTo("4");
		assertThat(response.thinking()).isEqualTo("Okay, 2 + 2 is 4.");
	}

	@Test
	void toolCallsWithStringOrObjectArguments() {
		answer("chat-response-tool-calls.json");
		ChatCompletionResponse response = client(ChatDefaults.ofModel("mistral-large-latest"))
			.complete(ChatCompletionRequest.builder()
				.user("Weather and time in Paris?")
				.tools(Tool.function("get_weather", "Weather of a city", java.util.Map.of("type", "object")))
				.toolChoice(ToolChoice.AUTO)
				.build());
		assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(response.text()).isEmpty();
		assertThat(response.toolCalls()).extracting(ToolCall::id).containsExactly("D681PevKs", "Q2x7LmN9p");
		assertThat(response.toolCalls().get(0).function().arguments()).isEqualTo("{\"city\": \"Paris\"}");
		assertThat(response.toolCalls().get(1).function().arguments()).isEqualTo("{\"zone\":\"Europe/Paris\"}");
	}

	@Test
	void defaultsFillWhatTheRequestLeavesOut() {
		answer("chat-response.json");
		client(new ChatDefaults("mistral-small-latest", 0.2, 300, true))
			.complete(ChatCompletionRequest.builder().user("hi").build());
		client(new ChatDefaults("mistral-small-latest", 0.2, 300, true)).complete(ChatCompletionRequest.builder()
			.model("mistral-large-latest")
			.temperature(0.9)
			.maxTokens(10)
			.safePrompt(false)
			.user("hi")
			.build());
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
					"{\"model\":\"mistral-small-latest\",\"temperature\":0.2,\"max_tokens\":300,\"safe_prompt\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
					"{\"model\":\"mistral-large-latest\",\"temperature\":0.9,\"max_tokens\":10,\"safe_prompt\":false,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
	}

	@Test
	void noModelAnywhereSaysWhatToSet() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client(ChatDefaults.NONE).complete(ChatCompletionRequest.builder().user("hi").build()))
			.withMessageContaining("ChatCompletionRequest.builder().model(...)")
			.withMessageContaining("mistral.chat.model");
		assertThat(wireMock.requestCount()).isZero();
	}

	@Test
	void streamSendsStreamTrueAndReadsText() {
		answer("chat-text.sse");
		List<String> texts = new ArrayList<>();
		ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
		try (MistralStream<ChatCompletionChunk> chunks = client(ChatDefaults.ofModel("mistral-small-latest"))
			.stream(ChatCompletionRequest.builder().user("Which cheese?").build())) {
			for (ChatCompletionChunk chunk : chunks) {
				texts.add(accumulator.add(chunk).text());
			}
		}
		assertThat(texts).containsExactly("", "Comté", " is the", " best.");
		ChatCompletionResponse whole = accumulator.toResponse();
		assertThat(whole.text()).isEqualTo("Comté is the best.");
		assertThat(whole.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(whole.usage().totalTokens()).isEqualTo(19);
		assertThat(whole.usage().numCachedTokens()).isZero();
		assertThat(whole.id()).isEqualTo("e5cc70bb28c444948073e77776eb30ef");
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
					"{\"model\":\"mistral-small-latest\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Which cheese?\"}]}")));
	}

	@Test
	void splitToolCallArgumentsAreJoinedByIndex() {
		answer("chat-tool-calls-split.sse");
		ChatCompletionResponse whole;
		try (MistralStream<ChatCompletionChunk> chunks = client(ChatDefaults.ofModel("relayed-third-party-model"))
			.stream(ChatCompletionRequest.builder().user("Weather and time?").build())) {
			whole = ChatCompletionAccumulator.fold(chunks);
		}
		assertThat(whole.toolCalls()).hasSize(2);
		ToolCall weather = whole.toolCalls().get(0);
		assertThat(weather.id()).isEqualTo("abcDEF123");
		assertThat(weather.type()).isEqualTo("function");
		assertThat(weather.function().name()).isEqualTo("get_weather");
		assertThat(weather.function().arguments()).isEqualTo("{\"city\": \"Paris\"}");
		ToolCall time = whole.toolCalls().get(1);
		assertThat(time.id()).isEqualTo("xyzUVW789");
		assertThat(time.function().name()).isEqualTo("get_time");
		assertThat(time.function().arguments()).isEqualTo("{\"zone\": \"Europe/Paris\"}");
		assertThat(whole.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(whole.usage().completionTokens()).isEqualTo(40);
	}

	@Test
	void wholeToolCallInOneChunk() {
		answer("chat-tool-call-whole.sse");
		ChatCompletionResponse whole;
		try (MistralStream<ChatCompletionChunk> chunks = client(ChatDefaults.ofModel("mistral-large-latest"))
			.stream(ChatCompletionRequest.builder().user("Weather?").build())) {
			whole = ChatCompletionAccumulator.fold(chunks);
		}
		assertThat(whole.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("D681PevKs");
			assertThat(call.type()).isEqualTo("function");
			assertThat(call.function().arguments()).isEqualTo("{\"city\": \"Paris\", \"unit\": \"celsius\"}");
		});
		assertThat(whole.text()).isEmpty();
		assertThat(whole.usage().totalTokens()).isEqualTo(111);
	}

	@Test
	void thinkingChunksThenPlainText() {
		answer("chat-thinking.sse");
		List<String> thinking = new ArrayList<>();
		ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
		try (MistralStream<ChatCompletionChunk> chunks = client(ChatDefaults.ofModel("magistral-medium-latest"))
			.stream(ChatCompletionRequest.builder().user("2+2?").build())) {
			chunks.forEach((chunk) -> thinking.add(accumulator.add(chunk).thinking()));
		}
		assertThat(thinking).containsExactly("", "Okay", ", 2 + 2 is 4.", "", "", "");
		ChatCompletionResponse whole = accumulator.toResponse();
		assertThat(whole.thinking()).isEqualTo("Okay, 2 + 2 is 4.");
		assertThat(whole.text()).isEqualTo("The answer is 4.");
		assertThat(whole.usage().cachedTokens()).isEqualTo(4);
		assertThat(whole.usage().serviceTier()).isEqualTo("standard");
	}

	@Test
	void cutStreamRaisesAfterTheChunksReceived() {
		answer("chat-cut.sse");
		List<String> texts = new ArrayList<>();
		MistralStreamException ex;
		try (MistralStream<ChatCompletionChunk> chunks = client(ChatDefaults.ofModel("m"))
			.stream(ChatCompletionRequest.builder().user("hi").build())) {
			ex = catchThrowableOfType(MistralStreamException.class, () -> chunks.forEach((c) -> texts.add(c.text())));
		}
		assertThat(texts).containsExactly("", "Comté");
		assertThat(ex.getChunksDelivered()).isEqualTo(2);
	}

	@Test
	void accumulatorJoinsFragmentsWithoutIndex() {
		ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
		accumulator.add(chunk(new ToolCall("aaaaaaaaa", "function", new FunctionCall("f", "{\"a\""), null)));
		accumulator.add(chunk(new ToolCall(null, null, new FunctionCall(null, ":1}"), null)));
		accumulator.add(chunk(new ToolCall("bbbbbbbbb", "function", new FunctionCall("g", "{}"), null)));
		List<ToolCall> calls = accumulator.toResponse().toolCalls();
		assertThat(calls).extracting(ToolCall::id).containsExactly("aaaaaaaaa", "bbbbbbbbb");
		assertThat(calls).extracting((call) -> call.function().arguments()).containsExactly("{\"a\":1}", "{}");
	}

	private static ChatCompletionChunk chunk(ToolCall call) {
		return new ChatCompletionChunk("id", "chat.completion.chunk", 1L, "m", null,
				List.of(new ChatCompletionStreamChoice(0, new DeltaMessage(null, null, List.of(call), null, null, null),
						null)));
	}

}
