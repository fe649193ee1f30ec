package dev.mistralboot.client.chat.tools;

import java.util.List;

import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.core.UsageInfo;

/**
 * The outcome of a tool conversation: the model's final answer, the whole conversation,
 * and every answer of the way.
 *
 * @param response the final answer (the one without tool calls)
 * @param messages the whole conversation: the request's messages, then per tool round the
 * assistant message asking for calls and one tool message per call, then the final
 * assistant message; append a user message to continue it
 * @param responses every answer of the model, in order, the final one last
 * @param toolRounds how many tool rounds ran
 */
public record ToolConversation(ChatCompletionResponse response, List<ChatMessage> messages,
		List<ChatCompletionResponse> responses, int toolRounds) {

	/**
	 * Copies the lists.
	 */
	public ToolConversation {
		messages = List.copyOf(messages);
		responses = List.copyOf(responses);
	}

	/**
	 * The final answer's text.
	 * @return the text
	 */
	public String text() {
		return this.response.text();
	}

	/**
	 * The tokens of all the answers added up (prompt, completion and total).
	 * @return the usage; zeros when the API reported none
	 */
	public UsageInfo usage() {
		int prompt = 0;
		int completion = 0;
		int total = 0;
		for (ChatCompletionResponse each : this.responses) {
			if (each.usage() != null) {
				prompt += each.usage().promptTokens();
				completion += each.usage().completionTokens();
				total += each.usage().totalTokens();
			}
		}
		return UsageInfo.of(prompt, completion, total);
	}

}
