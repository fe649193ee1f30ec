package dev.mistralboot.sample.payments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.mistralboot.client.chat.AssistantMessage;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.chat.ToolCall;
import dev.mistralboot.client.chat.ToolMessage;
import dev.mistralboot.client.chat.tools.ToolCallingChat;
import dev.mistralboot.client.chat.tools.ToolConversation;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.sample.Question;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tool calling, the payment-status example of the Mistral documentation:
 * {@code chat.withTools(registry)} offers the {@link PaymentTools} methods to the model,
 * runs the calls it asks for, sends their results back and returns the final answer. The
 * page also shows the calls made, read from the conversation.
 */
@RestController
class PaymentController {

	private final ToolCallingChat chat;

	PaymentController(MistralChatClient chat, ToolRegistry tools) {
		this.chat = chat.withTools(tools);
	}

	@PostMapping("/api/payments/ask")
	Answer ask(@RequestBody Question question) {
		ToolConversation conversation = this.chat
			.complete(ChatCompletionRequest.builder().user(question.text()).build());
		return new Answer(conversation.text(), toolCalls(conversation.messages()));
	}

	/**
	 * Each call as {@code name{arguments} -> result}, in the order the model asked for
	 * them.
	 */
	private static List<String> toolCalls(List<ChatMessage> conversation) {
		Map<String, String> results = new HashMap<>();
		for (ChatMessage message : conversation) {
			if (message instanceof ToolMessage tool && tool.content() != null) {
				results.put(tool.toolCallId(), tool.content().text());
			}
		}
		List<String> calls = new ArrayList<>();
		for (ChatMessage message : conversation) {
			if (message instanceof AssistantMessage assistant) {
				for (ToolCall call : assistant.toolCallsOrEmpty()) {
					calls.add(call.function().name() + call.function().arguments() + " -> " + results.get(call.id()));
				}
			}
		}
		return calls;
	}

	record Answer(String answer, List<String> toolCalls) {
	}

}
