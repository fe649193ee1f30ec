package dev.mistralboot.client;

import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatDefaults;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.embeddings.EmbeddingsDefaults;
import dev.mistralboot.client.embeddings.MistralEmbeddingsClient;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Without Spring Boot" lines, as they are written there (only the base URL
 * points at the test server), so that they keep compiling and working.
 */
class WithoutSpringBootTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	@Test
	void theReadmeLinesBuildWorkingClients() {
		wireMock.stubJson(post(urlPathEqualTo("/v1/chat/completions")), "chat_completion_v1_chat_completions_post",
				Fixtures.text("chat-response.json"));
		String apiKey = MistralWireMock.API_KEY;

		// README: "Without Spring Boot"
		MistralHttp http = MistralHttp.builder()
			.baseUrl(wireMock.baseUrl()) // leave out for https://api.mistral.ai
			.apiKey(apiKey)
			.build();
		MistralChatClient chat = new MistralChatClient(http, ChatDefaults.ofModel("mistral-small-latest"));
		MistralEmbeddingsClient embeddings = new MistralEmbeddingsClient(http,
				EmbeddingsDefaults.ofModel("mistral-embed"));
		String answer = chat.complete(ChatCompletionRequest.builder().user("Which cheese?").build()).text();

		assertThat(answer).isEqualTo("Comté is the best.");
		assertThat(embeddings).isNotNull();
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withHeader("Authorization",
					equalTo("Bearer " + apiKey)));
	}

}
