package dev.mistralboot.client.chat.tools;

import java.util.List;

import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.core.MistralException;

/**
 * The model still asked for tool calls after the allowed number of tool rounds
 * ({@code mistral.tools.max-rounds}). Holds the conversation so far, ending with the
 * assistant message whose calls were not run, so it can be inspected or continued.
 */
public class MistralToolRoundsExceededException extends MistralException {

	private static final long serialVersionUID = 1L;

	private final int maxRounds;

	private final transient List<ChatMessage> messages;

	private final transient ChatCompletionResponse lastResponse;

	/**
	 * Creates the exception.
	 * @param maxRounds the limit that was reached
	 * @param messages the conversation so far
	 * @param lastResponse the answer that asked for more calls
	 */
	public MistralToolRoundsExceededException(int maxRounds, List<ChatMessage> messages,
			ChatCompletionResponse lastResponse) {
		super("The model still asked for tool calls (" + names(lastResponse) + ") after " + maxRounds
				+ " tool rounds. Raise mistral.tools.max-rounds (or ToolCallingChat.maxRounds) if the task needs more, "
				+ "or check that the tools give the model what it needs. The conversation so far is attached.");
		this.maxRounds = maxRounds;
		this.messages = List.copyOf(messages);
		this.lastResponse = lastResponse;
	}

	private static String names(ChatCompletionResponse response) {
		return String.join(", ", response.toolCalls().stream().map((call) -> call.function().name()).toList());
	}

	/**
	 * The limit that was reached.
	 * @return the maximum number of tool rounds
	 */
	public int getMaxRounds() {
		return this.maxRounds;
	}

	/**
	 * The conversation so far: the request's messages, every assistant and tool message
	 * of the rounds run, and the last assistant message, whose calls were not run.
	 * @return the messages
	 */
	public List<ChatMessage> getMessages() {
		return this.messages;
	}

	/**
	 * The answer that asked for more tool calls.
	 * @return the last answer
	 */
	public ChatCompletionResponse getLastResponse() {
		return this.lastResponse;
	}

}
