package dev.mistralboot.client.conversations;

import java.util.List;

import dev.mistralboot.client.core.UsageInfo;

/**
 * The outcome of a conversation turn run with tools ({@link ToolCallingConversations},
 * {@link ReactiveToolCallingConversations}): the model's final answer, every entry of the
 * way and every answer.
 *
 * @param response the final answer (the one without function calls to run)
 * @param entries the entries of the turn, in order: the request's inputs, then per tool
 * round the {@code function.call} entries the model made and the {@code function.result}
 * entries appended for them, then the final answer's outputs
 * @param responses every answer of the model, in order, the final one last
 * @param toolRounds how many tool rounds ran
 */
public record ToolCallingTurn(ConversationResponse response, List<ConversationEntry> entries,
		List<ConversationResponse> responses, int toolRounds) {

	/**
	 * Copies the lists.
	 */
	public ToolCallingTurn {
		entries = List.copyOf(entries);
		responses = List.copyOf(responses);
	}

	/**
	 * The conversation's id (append to it to continue).
	 * @return the id
	 */
	public String conversationId() {
		return this.response.conversationId();
	}

	/**
	 * The final answer's text.
	 * @return the text
	 */
	public String text() {
		return this.response.text();
	}

	/**
	 * The function calls the loop ran, in order.
	 * @return the calls
	 */
	public List<FunctionCallEntry> functionCalls() {
		return ConversationOutputs.of(this.entries, FunctionCallEntry.class);
	}

	/**
	 * The function results the loop appended, in order (one per call).
	 * @return the results
	 */
	public List<FunctionResultEntry> functionResults() {
		return ConversationOutputs.of(this.entries, FunctionResultEntry.class);
	}

	/**
	 * The tokens of all the answers added up (prompt, completion and total).
	 * @return the usage; zeros when the API reported none
	 */
	public UsageInfo usage() {
		int prompt = 0;
		int completion = 0;
		int total = 0;
		for (ConversationResponse each : this.responses) {
			UsageInfo usage = each.usage();
			if (usage != null) {
				prompt += usage.promptTokens();
				completion += usage.completionTokens();
				total += usage.totalTokens();
			}
		}
		return UsageInfo.of(prompt, completion, total);
	}

}
