package dev.mistralboot.client.agents;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.mistralboot.client.chat.ChatRequestSupport;
import dev.mistralboot.client.core.ObservedRequest;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link AgentsCompletionRequest}, which the generated record
 * implements: its checks (those of a chat request, and the agent id) and what
 * observations read (the agent, {@code gen_ai.agent.id}, and the chat options).
 */
public interface AgentsCompletionRequestSupport extends ChatRequestSupport, ObservedRequest {

	/**
	 * The agent that answers.
	 * @return the agent id
	 */
	@Override
	@Nullable String agentId();

	@Override
	@Nullable Integer n();

	@Override
	@Nullable Integer maxTokens();

	@Override
	@Nullable Long randomSeed();

	/**
	 * The conversation as plain text, for observations that record content (see
	 * {@link ChatRequestSupport#observedInput()}).
	 * @return the prompt text
	 */
	@JsonIgnore
	@Override
	default String observedInput() {
		return ChatRequestSupport.super.observedInput();
	}

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
