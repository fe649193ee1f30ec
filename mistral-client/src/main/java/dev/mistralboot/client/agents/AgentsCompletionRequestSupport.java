package dev.mistralboot.client.agents;

import dev.mistralboot.client.chat.ChatRequestSupport;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link AgentsCompletionRequest}, which the generated record
 * implements: its checks (those of a chat request, and the agent id) and what
 * observations read (the agent, {@code gen_ai.agent.id}, and the chat options).
 */
public interface AgentsCompletionRequestSupport extends ChatRequestSupport {

	/**
	 * The agent that answers.
	 * @return the agent id
	 */
	@Override
	@Nullable String agentId();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when the agent id or the messages are missing, or
	 * a value is out of range
	 */
	@Override
	default void validate() {
		String agentId = agentId();
		if (agentId == null || agentId.isBlank()) {
			throw new IllegalArgumentException("An agents completion request needs an agent id: set it with "
					+ "AgentsCompletionRequest.builder().agentId(\"...\") (create agents in La Plateforme or with the agents API)");
		}
		ChatRequestSupport.super.validate();
	}

}
