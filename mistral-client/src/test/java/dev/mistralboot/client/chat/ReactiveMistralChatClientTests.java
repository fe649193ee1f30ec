package dev.mistralboot.client.chat;

import java.time.Duration;

import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.MistralStreamException;
import dev.mistralboot.client.core.MistralUnauthorizedException;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ReactiveMistralChatClient} over HTTP.
 */
class ReactiveMistralChatClientTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private ReactiveMistralChatClient client() {
		ReactiveMistralHttp http = ReactiveMistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey("reactive-chat-key")
			.retryPolicy(RetryPolicy.NONE)
			.build();
		return new ReactiveMistralChatClient(http, new ChatDefaults("mistral-small-latest", null, 64, null));
	}

	private static void answer(int status, String contentType, String body) {
		wireMock.server()
			.stubFor(post(urlPathEqualTo(MistralChatClientTests.PATH))
				.willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body)));
	}

	@Test
	void complete() {
		answer(200, "application/json", Fixtures.text("chat-response.json"));
		StepVerifier.create(client().complete(ChatCompletionRequest.builder().user("Which cheese?").build()))
			.assertNext((response) -> {
				assertThat(response.text()).isEqualTo("Comté is the best.");
				assertThat(response.usage().promptTokens()).isEqualTo(12);
			})
			.verifyComplete();
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo(MistralChatClientTests.PATH))
				.withHeader("Authorization", equalTo("Bearer reactive-chat-key"))
				.withRequestBody(equalToJson(
						"{\"model\":\"mistral-small-latest\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"Which cheese?\"}]}")));
	}

	@Test
	void completeFailsWithTypedError() {
		answer(401, "application/json", "{\"detail\":\"Unauthorized\"}");
		StepVerifier.create(client().complete(ChatCompletionRequest.builder().user("hi").build()))
			.expectError(MistralUnauthorizedException.class)
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void streamFoldsToolCalls() {
		answer(200, "text/event-stream", Fixtures.text("chat-tool-calls-split.sse"));
		ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
		StepVerifier
			.create(client().stream(ChatCompletionRequest.builder().user("Weather?").build())
				.doOnNext(accumulator::add))
			.expectNextCount(6)
			.verifyComplete();
		assertThat(accumulator.toResponse().toolCalls()).extracting((call) -> call.function().arguments())
			.containsExactly("{\"city\": \"Paris\"}", "{\"zone\": \"Europe/Paris\"}");
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo(MistralChatClientTests.PATH)).withRequestBody(equalToJson(
					"{\"model\":\"mistral-small-latest\",\"max_tokens\":64,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}]}")));
	}

	@Test
	void streamText() {
		answer(200, "text/event-stream", Fixtures.text("chat-thinking.sse"));
		StepVerifier
			.create(client().stream(ChatCompletionRequest.builder().user("2+2?").build())
				.map(ChatCompletionChunk::text)
				.filter((text) -> !text.isEmpty()))
			.expectNext("The answer", " is 4.")
			.verifyComplete();
	}

	@Test
	void requestErrorsAreRaisedOnSubscription() {
		ReactiveMistralChatClient client = new ReactiveMistralChatClient(
				ReactiveMistralHttp.builder().baseUrl(wireMock.baseUrl()).build(), ChatDefaults.NONE);
		StepVerifier.create(client.complete(ChatCompletionRequest.builder().user("hi").build()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("mistral.chat.model"))
			.verify(Duration.ofSeconds(30));
		assertThat(wireMock.requestCount()).isZero();
	}

	@Test
	void foldGivesTheAnswerTheBlockingFoldGives() {
		answer(200, "text/event-stream", Fixtures.text("chat-tool-calls-split.sse"));
		ChatCompletionRequest request = ChatCompletionRequest.builder().user("Weather?").build();
		ChatCompletionResponse blocking;
		try (MistralStream<ChatCompletionChunk> chunks = blockingClient().stream(request)) {
			blocking = ChatCompletionAccumulator.fold(chunks);
		}

		StepVerifier.create(client().stream(request).as(ReactiveMistralChatClient::fold)).assertNext((folded) -> {
			assertThat(folded).isEqualTo(blocking);
			assertThat(folded.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
			assertThat(folded.toolCalls()).extracting((call) -> call.function().arguments())
				.containsExactly("{\"city\": \"Paris\"}", "{\"zone\": \"Europe/Paris\"}");
		}).verifyComplete();
		assertThat(wireMock.requestCount()).isEqualTo(2);
	}

	@Test
	void foldOfTextAndReasoning() {
		answer(200, "text/event-stream", Fixtures.text("chat-thinking.sse"));
		StepVerifier
			.create(ReactiveMistralChatClient
				.fold(client().stream(ChatCompletionRequest.builder().user("2+2?").build())))
			.assertNext((folded) -> {
				assertThat(folded.text()).isEqualTo("The answer is 4.");
				assertThat(folded.finishReason()).isEqualTo(FinishReason.STOP);
			})
			.verifyComplete();
	}

	@Test
	void aStreamCutBeforeItsEndFailsTheFoldAsTheBlockingStreamFails() {
		answer(200, "text/event-stream", Fixtures.text("chat-cut.sse"));
		ChatCompletionRequest request = ChatCompletionRequest.builder().user("Which cheese?").build();
		String blockingMessage;
		try (MistralStream<ChatCompletionChunk> chunks = blockingClient().stream(request)) {
			blockingMessage = assertThatExceptionOfType(MistralStreamException.class)
				.isThrownBy(() -> ChatCompletionAccumulator.fold(chunks))
				.actual()
				.getMessage();
		}

		StepVerifier.create(ReactiveMistralChatClient.fold(client().stream(request)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(MistralStreamException.class)
				.hasMessage(blockingMessage)
				.hasMessageContaining("ended after 2 chunks without [DONE]"))
			.verify(Duration.ofSeconds(30));
	}

	private MistralChatClient blockingClient() {
		return new MistralChatClient(wireMock.http(), new ChatDefaults("mistral-small-latest", null, 64, null));
	}

}
