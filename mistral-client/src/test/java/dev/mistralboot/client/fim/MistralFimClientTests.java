package dev.mistralboot.client.fim;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mistralboot.client.chat.ChatCompletionAccumulator;
import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.FinishReason;
import dev.mistralboot.client.core.MistralBadRequestException;
import dev.mistralboot.client.core.MistralResponse;
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

class MistralFimClientTests {

	static final String OPERATION = "fim_completion_v1_fim_completions_post";

	static final String ANSWER = """
			{"id":"447e3e0d457e42e98248b5d2ef52a2a3","object":"chat.completion","model":"codestral-2508",
			 "usage":{"prompt_tokens":8,"completion_tokens":12,"total_tokens":20,"prompt_tokens_details":null},
			 "created":1759496862,
			 "choices":[{"index":0,"message":{"content":"    if n < 2:\\n        return n\\n","tool_calls":null,"prefix":false,"role":"assistant"},"finish_reason":"stop"}]}
			""";

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	WireMockServer server;

	MistralFimClient client;

	@BeforeEach
	void start() {
		this.server = wireMock.server();
		this.client = new MistralFimClient(wireMock.retryingHttp(), new FimDefaults("codestral-latest"));
	}

	@Test
	void completeSendsPromptSuffixAndEveryOption() {
		this.server.stubFor(
				post("/v1/fim/completions").willReturn(okJson(MistralWireMock.conformingResponse(OPERATION, ANSWER))));
		FimCompletionRequest request = FimCompletionRequest.builder()
			.model("codestral-2508")
			.prompt("def fibonacci(n: int):\n")
			.suffix("\nprint(fibonacci(10))")
			.temperature(0.2)
			.topP(0.9)
			.maxTokens(64)
			.minTokens(4)
			.stop("\n\n", "def ")
			.randomSeed(42L)
			.metadata(Map.of("user", "u1"))
			.promptCacheKey("fib")
			.build();

		MistralResponse<ChatCompletionResponse> response = this.client.completeWithResponse(request);

		assertThat(response.body().text()).isEqualTo("    if n < 2:\n        return n\n");
		assertThat(response.body().finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(response.body().model()).isEqualTo("codestral-2508");
		assertThat(response.body().usage().totalTokens()).isEqualTo(20);
		assertThat(response.metadata().statusCode()).isEqualTo(200);
		this.server.verify(postRequestedFor(urlEqualTo("/v1/fim/completions"))
			.withHeader("Authorization", equalTo("Bearer " + MistralWireMock.API_KEY))
			.withRequestBody(equalToJson("""
					{"model":"codestral-2508","temperature":0.2,"top_p":0.9,"max_tokens":64,"stop":["\\n\\n","def "],
					 "random_seed":42,"metadata":{"user":"u1"},"prompt":"def fibonacci(n: int):\\n",
					 "suffix":"\\nprint(fibonacci(10))","min_tokens":4,"prompt_cache_key":"fib"}
					""")));
	}

	@Test
	void completeUsesTheDefaultModel() {
		this.server.stubFor(post("/v1/fim/completions").willReturn(okJson(ANSWER)));
		this.client.complete(FimCompletionRequest.builder().prompt("x = ").build());
		this.server.verify(postRequestedFor(urlEqualTo("/v1/fim/completions"))
			.withRequestBody(equalToJson("{\"model\":\"codestral-latest\",\"prompt\":\"x = \"}")));
	}

	@Test
	void streamSendsStreamTrueAndReadsChunks() {
		String first = MistralWireMock.conformingSchema("CompletionChunk",
				"""
						{"id":"c1","object":"chat.completion.chunk","created":1759496862,"model":"codestral-2508","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}""");
		String second = MistralWireMock.conformingSchema("CompletionChunk",
				"""
						{"id":"c1","object":"chat.completion.chunk","created":1759496862,"model":"codestral-2508","choices":[{"index":0,"delta":{"content":"return "},"finish_reason":null}],"p":"abcdef"}""");
		String last = MistralWireMock.conformingSchema("CompletionChunk",
				"""
						{"id":"c1","object":"chat.completion.chunk","created":1759496862,"model":"codestral-2508","choices":[{"index":0,"delta":{"content":"n"},"finish_reason":"stop"}],"usage":{"prompt_tokens":8,"completion_tokens":2,"total_tokens":10}}""");
		this.server
			.stubFor(post("/v1/fim/completions").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(MistralWireMock.events(first, second, last))));

		ChatCompletionResponse folded;
		try (MistralStream<ChatCompletionChunk> chunks = this.client
			.stream(FimCompletionRequest.builder().prompt("def f(n):\n    ").suffix("").build())) {
			folded = ChatCompletionAccumulator.fold(chunks);
		}

		assertThat(folded.text()).isEqualTo("return n");
		assertThat(folded.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(folded.usage().completionTokens()).isEqualTo(2);
		this.server.verify(
				postRequestedFor(urlEqualTo("/v1/fim/completions")).withHeader("Accept", equalTo("text/event-stream"))
					.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
					.withRequestBody(matchingJsonPath("$.model", equalTo("codestral-latest"))));
	}

	@Test
	void reactiveCompletesAndStreams() {
		ReactiveMistralFimClient reactive = new ReactiveMistralFimClient(wireMock.reactiveHttp(),
				new FimDefaults("codestral-latest"));
		this.server.stubFor(post("/v1/fim/completions").withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(MistralWireMock.events(
						"{\"id\":\"c2\",\"model\":\"codestral-2508\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":null}]}",
						"{\"id\":\"c2\",\"model\":\"codestral-2508\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}]}"))));
		this.server.stubFor(post("/v1/fim/completions").withRequestBody(matchingJsonPath("$[?(!@.stream)]"))
			.willReturn(okJson(ANSWER)));

		ChatCompletionResponse whole = reactive.complete(FimCompletionRequest.builder().prompt("p").build()).block();
		List<String> pieces = reactive.stream(FimCompletionRequest.builder().prompt("p").build())
			.map(ChatCompletionChunk::text)
			.collectList()
			.block();

		assertThat(whole.text()).startsWith("    if n < 2:");
		assertThat(pieces).containsExactly("a", "b");
	}

	@Test
	void aModelWithoutFimIsABadRequest() {
		this.server.stubFor(post("/v1/fim/completions").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withHeader("mistral-correlation-id", "0199-fim")
			.withBody(
					"{\"object\":\"error\",\"message\":\"Invalid model: mistral-small-latest\",\"type\":\"invalid_model\",\"param\":null,\"code\":\"1500\",\"raw_status_code\":400}")));

		assertThatThrownBy(() -> this.client
			.complete(FimCompletionRequest.builder().model("mistral-small-latest").prompt("p").build()))
			.isInstanceOf(MistralBadRequestException.class)
			.hasMessageContaining("Invalid model: mistral-small-latest")
			.hasMessageNotContaining(MistralWireMock.API_KEY)
			.satisfies((ex) -> {
				MistralBadRequestException bad = (MistralBadRequestException) ex;
				assertThat(bad.getType()).isEqualTo("invalid_model");
				assertThat(bad.getCorrelationId()).isEqualTo("0199-fim");
			});
		assertThat(this.server.getAllServeEvents()).hasSize(1);
	}

	@Test
	void badInputIsRejectedBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> FimCompletionRequest.builder().suffix("x").build())
			.withMessageContaining("prompt");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FimCompletionRequest.builder().prompt("p").minTokens(10).maxTokens(5).build())
			.withMessageContaining("minTokens (10) must not exceed maxTokens (5)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MistralFimClient(wireMock.retryingHttp())
				.complete(FimCompletionRequest.builder().prompt("p").build()))
			.withMessageContaining("mistral.fim.model");
		assertThat(this.server.getAllServeEvents()).isEmpty();
	}

}
