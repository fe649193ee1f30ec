package dev.mistralboot.client.conversations;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link Conversation}.
 */
public interface ConversationSupport {

	/**
	 * The agent that answers in this conversation.
	 * @return the agent id, or {@code null} for a conversation with a model
	 */
	@Nullable String agentId();

	/**
	 * Whether an agent answers in this conversation (rather than a model with its own
	 * instructions and tools).
	 * @return {@code true} for an agent's conversation
	 */
	default boolean isAgentConversation() {
		return agentId() != null;
	}

}
