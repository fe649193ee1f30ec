package dev.mistralboot.sample;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.MistralChatClient;

/**
 * The sample application: asks one question from the command line.
 *
 * <pre>
 * MISTRAL_API_KEY=... ./mvnw -pl sample-app -am spring-boot:run -Dspring-boot.run.arguments="Why is the sky blue?"
 * </pre>
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	@Bean
	ApplicationRunner askOnce(MistralChatClient chat) {
		return (args) -> {
			String question = args.getNonOptionArgs().isEmpty() ? "Say hello in French, in one sentence."
					: String.join(" ", args.getNonOptionArgs());
			ChatCompletionResponse answer = chat.complete(ChatCompletionRequest.builder().user(question).build());
			System.out.println("Q: " + question);
			System.out.println("A: " + answer.text());
		};
	}

}
