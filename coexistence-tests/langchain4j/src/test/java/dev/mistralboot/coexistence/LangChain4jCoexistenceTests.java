package dev.mistralboot.coexistence;

import java.util.Map;

import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.chat.tools.MistralTool;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.test.MockMistral;
import dev.mistralboot.test.autoconfigure.AutoConfigureMockMistral;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our starter beside LangChain4j's Mistral module in one application: our context starts
 * and our clients and tool loop work, and LangChain4j's chat model, built by the
 * application, talks to the same (mock) server.
 */
@SpringBootTest
@AutoConfigureMockMistral
class LangChain4jCoexistenceTests {

	@Autowired
	private MistralChatClient chat;

	@Autowired
	private ToolRegistry tools;

	@Autowired
	private MockMistral mistral;

	@Test
	void bothWork() {
		this.mistral.chat().replyWithToolCall("time", "{}").reply("It is noon.");
		assertThat(
				this.chat.withTools(this.tools).complete(ChatCompletionRequest.builder().user("Time?").build()).text())
			.isEqualTo("It is noon.");

		this.mistral.chat().reply("Bonjour from LangChain4j.");
		MistralAiChatModel langchain4j = MistralAiChatModel.builder()
			.baseUrl(this.mistral.baseUrl() + "/v1")
			.apiKey("not-a-real-key")
			.modelName("mistral-small-latest")
			.maxRetries(0)
			.build();
		assertThat(langchain4j.chat("Hello")).isEqualTo("Bonjour from LangChain4j.");
	}

	@SpringBootApplication
	static class Application {

		@Bean
		Clock clock() {
			return new Clock();
		}

	}

	static class Clock {

		@MistralTool(name = "time", description = "Current time")
		Map<String, String> time() {
			return Map.of("time", "12:00");
		}

	}

}
