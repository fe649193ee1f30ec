package dev.mistralboot.sample.payments;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.mistralboot.client.chat.AssistantMessage;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.chat.Content;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.chat.ToolCall;
import dev.mistralboot.client.chat.ToolChoice;
import dev.mistralboot.client.chat.ToolMessage;
import dev.mistralboot.client.chat.UserMessage;

/**
 * Tool calling, the wire-level loop: send the question with the tool declarations; while the model asks for
 * function calls, run them and send their results back; return the final answer and the calls made.
 * (Once {@code @MistralTool} lands, the loop shrinks to annotated methods.)
 */
@RestController
class PaymentController {

	private static final int MAX_ROUNDS = 5;

	private final MistralChatClient chat;

	private final PaymentTools tools;

	PaymentController(MistralChatClient chat, PaymentTools tools) {
		this.chat = chat;
		this.tools = tools;
	}

	@PostMapping("/api/payments/ask")
	Answer ask(@RequestBody Question question) {
		List<ChatMessage> messages = new ArrayList<>();
		messages.add(new UserMessage(Content.of(question.message())));
		List<String> calls = new ArrayList<>();
		for (int round = 0; round < MAX_ROUNDS; round++) {
			ChatCompletionResponse response = this.chat.complete(ChatCompletionRequest.builder()
				.messages(messages)
				.tools(this.tools.declarations())
				.toolChoice(ToolChoice.AUTO)
				.build());
			if (response.toolCalls().isEmpty()) {
				return new Answer(response.text(), calls);
			}
			messages.add(AssistantMessage.ofToolCalls(response.toolCalls()));
			for (ToolCall call : response.toolCalls()) {
				String result = this.tools.call(call.function().name(), call.function().arguments());
				calls.add(call.function().name() + call.function().arguments() + " -> " + result);
				messages.add(new ToolMessage(Content.of(result), call.id(), call.function().name()));
			}
		}
		return new Answer("Stopped after " + MAX_ROUNDS + " rounds of tool calls.", calls);
	}

	record Question(String message) {
	}

	record Answer(String answer, List<String> toolCalls) {
	}

}
