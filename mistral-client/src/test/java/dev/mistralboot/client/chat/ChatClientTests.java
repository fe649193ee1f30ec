package dev.mistralboot.client.chat;

import dev.mistralboot.client.WireMockTestSupport;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A minimal chat round trip over loopback, so that the chat operation is exercised in
 * this module.
 */
class ChatClientTests extends WireMockTestSupport {

	@Test
	void completesWithTheDefaultModel() {
		stubJson(post(urlEqualTo("/v1/chat/completions")), "chat_completion_v1_chat_completions_post", """
				{"id":"cmpl-e5cc70bb28c444948073e77776eb30ef","object":"chat.completion","model":"mistral-small-latest",
				 "created":1702256327,"usage":{"prompt_tokens":16,"completion_tokens":34,"total_tokens":50},
				 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","tool_calls":null,
				 "content":"Comté, without a doubt."}}]}""");
		MistralChatClient chat = new MistralChatClient(this.http,
				new ChatDefaults("mistral-small-latest", null, null, null));

		ChatCompletionResponse answer = chat
			.complete(ChatCompletionRequest.builder().user("What is the best French cheese?").build());

		assertThat(answer.text()).isEqualTo("Comté, without a doubt.");
		assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
		server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson(
				"""
						{"model":"mistral-small-latest","messages":[{"role":"user","content":"What is the best French cheese?"}]}""",
				true, false)));
	}

}
