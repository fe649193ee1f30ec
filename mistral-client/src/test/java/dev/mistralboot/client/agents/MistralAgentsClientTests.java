package dev.mistralboot.client.agents;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mistralboot.client.chat.ChatCompletionAccumulator;
import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.chat.FinishReason;
import dev.mistralboot.client.chat.ResponseFormat;
import dev.mistralboot.client.chat.Tool;
import dev.mistralboot.client.chat.ToolChoice;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// exercises /v1/agents/completions, deprecated by Mistral, on purpose
@SuppressWarnings("deprecation")
class MistralAgentsClientTests {

	static final String OPERATION = "agents_completion_v1_agents_completions_post";

	static final String ANSWER = """
			{"id":"cf79f7daaee244b1a0ae5c7b1444424a","object":"chat.completion","model":"mistral-medium-latest",
			 "usage":{"prompt_tokens":24,"completion_tokens":27,"total_tokens":51,"prompt_audio_seconds":null,"request_count":1},
			 "created":1759500534,
			 "choices":[{"index":0,"message":{"content":"Arrr, Claude Monet be the finest French painter, savvy?","tool_calls":null,"prefix":false,"role":"assistant"},"finish_reason":"stop"}]}
			""";

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	WireMockServer server;

	MistralAgentsClient client;

	@BeforeEach
	void start() {
		this.server = wireMock.server();
		this.client = new MistralAgentsClient(wireMock.retryingHttp());
	}

	@Test
	void completeSendsAgentIdMessagesAndChatOptions() {
		this.server.stubFor(post("/v1/agents/completions")
			.willReturn(okJson(MistralWireMock.conformingResponse(OPERATION, ANSWER))));
		AgentsCompletionRequest request = AgentsCompletionRequest.builder()
			.agentId("ag_0198a2b6c1d47e3f")
			.system("Talk like a pirate.")
			.user("Who is the best French painter?")
			.addMessages(ChatMessage.assistant("Let me think."), ChatMessage.user("Answer in one sentence."))
			.maxTokens(100)
			.stop("\n\n")
			.randomSeed(7L)
			.tools(Tool.function("get_painter", "Finds a painter", Map.of("type", "object", "properties", Map.of())))
			.toolChoice(ToolChoice.function("get_painter"))
			.responseFormat(ResponseFormat.TEXT)
			.presencePenalty(0.1)
			.frequencyPenalty(0.2)
			.n(1)
			.parallelToolCalls(false)
			.metadata(Map.of("session", "s1"))
			.promptCacheKey("painters")
			.build();

		ChatCompletionResponse answer = this.client.complete(request);

		assertThat(answer.text()).isEqualTo("Arrr, Claude Monet be the finest French painter, savvy?");
		assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(answer.usage().totalTokens()).isEqualTo(51);
		this.server.verify(postRequestedFor(urlEqualTo("/v1/agents/completions"))
			.withHeader("Authorization", equalTo("Bearer " + MistralWireMock.API_KEY))
			.withRequestBody(equalToJson(
					"""
							{"agent_id":"ag_0198a2b6c1d47e3f","max_tokens":100,"stop":["\\n\\n"],"random_seed":7,
							 "metadata":{"session":"s1"},
							 "messages":[{"role":"system","content":"Talk like a pirate."},
							             {"role":"user","content":"Who is the best French painter?"},
							             {"role":"assistant","content":"Let me think."},
							             {"role":"user","content":"Answer in one sentence."}],
							 "response_format":{"type":"text"},
							 "tools":[{"type":"function","function":{"name":"get_painter","description":"Finds a painter","parameters":{"type":"object","properties":{}}}}],
							 "tool_choice":{"type":"function","function":{"name":"get_painter"}},
							 "presence_penalty":0.1,"frequency_penalty":0.2,"n":1,"parallel_tool_calls":false,
							 "prompt_cache_key":"painters"}
							""",
					true, false)));
	}

	@Test
	void streamSendsStreamTrueAndFoldsToolCalls() {
		this.server.stubFor(post("/v1/agents/completions").willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody(MistralWireMock.events(
					"{\"id\":\"a1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"mistral-medium-latest\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}",
					"{\"id\":\"a1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"mistral-medium-latest\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"id\":\"D681PevKs\",\"function\":{\"name\":\"get_painter\",\"arguments\":\"{\\\"country\\\": \\\"France\\\"}\"},\"index\":0}]},\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":70,\"completion_tokens\":20,\"total_tokens\":90}}"))));

		ChatCompletionResponse folded;
		try (MistralStream<ChatCompletionChunk> chunks = this.client
			.stream(AgentsCompletionRequest.builder().agentId("ag_1").user("Best French painter?").build())) {
			folded = ChatCompletionAccumulator.fold(chunks);
		}

		assertThat(folded.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(folded.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("D681PevKs");
			assertThat(call.function().name()).isEqualTo("get_painter");
		});
		this.server.verify(postRequestedFor(urlEqualTo("/v1/agents/completions"))
			.withHeader("Accept", equalTo("text/event-stream"))
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.withRequestBody(matchingJsonPath("$.agent_id", equalTo("ag_1"))));
	}

	@Test
	void reactiveCompletesAndStreams() {
		ReactiveMistralAgentsClient reactive = new ReactiveMistralAgentsClient(wireMock.reactiveHttp());
		this.server.stubFor(post("/v1/agents/completions")
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(MistralWireMock.events(
						"{\"id\":\"a2\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Mo\"},\"finish_reason\":null}]}",
						"{\"id\":\"a2\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"net\"},\"finish_reason\":\"stop\"}]}"))));
		this.server.stubFor(post("/v1/agents/completions").withRequestBody(matchingJsonPath("$[?(!@.stream)]"))
			.willReturn(okJson(ANSWER)));
		AgentsCompletionRequest request = AgentsCompletionRequest.builder().agentId("ag_1").user("Painter?").build();

		assertThat(reactive.complete(request).block().model()).isEqualTo("mistral-medium-latest");
		List<String> pieces = reactive.stream(request).map(ChatCompletionChunk::text).collectList().block();
		assertThat(pieces).containsExactly("Mo", "net");
	}

	@Test
	void unknownAgentIsNotFound() {
		this.server.stubFor(post("/v1/agents/completions").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"object\":\"error\",\"message\":\"Agent not found: ag_missing\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"3000\"}")));

		assertThatThrownBy(
				() -> this.client.complete(AgentsCompletionRequest.builder().agentId("ag_missing").user("hi").build()))
			.isInstanceOf(MistralNotFoundException.class)
			.hasMessageContaining("Agent not found: ag_missing")
			.hasMessageNotContaining(MistralWireMock.API_KEY);
	}

	@Test
	void badInputIsRejectedBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> AgentsCompletionRequest.builder().user("hi").build())
			.withMessageContaining("agent id");
		assertThatIllegalArgumentException().isThrownBy(() -> AgentsCompletionRequest.builder().agentId("ag_1").build())
			.withMessageContaining("at least one message");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AgentsCompletionRequest.builder().agentId("ag_1").user("hi").n(0).build())
			.withMessageContaining("n must be at least 1");
	}

}
