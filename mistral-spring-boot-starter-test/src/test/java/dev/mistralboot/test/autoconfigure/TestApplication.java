package dev.mistralboot.test.autoconfigure;

import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.MistralChatClient;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A user's application: one service calling Mistral.
 */
@SpringBootApplication
class TestApplication {

	@Bean
	Advisor advisor(MistralChatClient chat) {
		return new Advisor(chat);
	}

	/**
	 * The code under test.
	 */
	static class Advisor {

		private final MistralChatClient chat;

		Advisor(MistralChatClient chat) {
			this.chat = chat;
		}

		String advise(String question) {
			return this.chat
				.complete(ChatCompletionRequest.builder().system("Answer in one sentence.").user(question).build())
				.text();
		}

	}

}
