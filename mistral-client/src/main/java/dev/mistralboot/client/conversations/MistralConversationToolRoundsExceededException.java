package dev.mistralboot.client.conversations;

import java.util.List;

import dev.mistralboot.client.core.MistralException;

/**
 * The model still asked for function calls after the allowed number of tool rounds of a
 * conversation ({@code mistral.tools.max-rounds}): the conversation counterpart of
 * {@link dev.mistralboot.client.chat.tools.MistralToolRoundsExceededException}. Holds the
 * entries so far, ending with the calls that were not run, and the conversation's id: the
 * conversation stays on Mistral's side, waiting for the results of those calls, so it can
 * be inspected or continued.
 */
public class MistralConversationToolRoundsExceededException extends MistralException {

	private static final long serialVersionUID = 1L;

	private final int maxRounds;

	private final String conversationId;

	private final transient List<ConversationEntry> entries;

	private final transient ConversationResponse lastResponse;

	/**
	 * Creates the exception.
	 * @param maxRounds the limit that was reached
	 * @param conversationId the conversation
	 * @param entries the entries of the turn so far
	 * @param lastResponse the answer that asked for more calls
	 */
	public MistralConversationToolRoundsExceededException(int maxRounds, String conversationId,
			List<ConversationEntry> entries, ConversationResponse lastResponse) {
		super("The model still asked for function calls (" + names(lastResponse) + ") after " + maxRounds
				+ " tool rounds of conversation " + conversationId
				+ ". Raise mistral.tools.max-rounds (or ToolCallingConversations.maxRounds) if the task needs more, "
				+ "or check that the tools give the model what it needs. The entries so far are attached.");
		this.maxRounds = maxRounds;
		this.conversationId = conversationId;
		this.entries = List.copyOf(entries);
		this.lastResponse = lastResponse;
	}

	private static String names(ConversationResponse response) {
		return String.join(", ", response.functionCalls().stream().map(FunctionCallEntry::name).toList());
	}

	/**
	 * The limit that was reached.
	 * @return the maximum number of tool rounds
	 */
	public int getMaxRounds() {
		return this.maxRounds;
	}

	/**
	 * The conversation, which waits for the results of the last calls.
	 * @return the conversation's id
	 */
	public String getConversationId() {
		return this.conversationId;
	}

	/**
	 * The entries of the turn so far: the request's inputs, every call and result of the
	 * rounds run, and the outputs of the last answer, whose calls were not run.
	 * @return the entries
	 */
	public List<ConversationEntry> getEntries() {
		return this.entries;
	}

	/**
	 * The answer that asked for more function calls.
	 * @return the last answer
	 */
	public ConversationResponse getLastResponse() {
		return this.lastResponse;
	}

}
