package dev.mistralboot.client.conversations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.mistralboot.client.core.ObservedRequest;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link ConversationRequest}, which the generated record
 * implements: its checks and what observations read.
 */
public interface ConversationRequestSupport extends ObservedRequest {

	/**
	 * The entries that open the conversation.
	 * @return the inputs
	 */
	List<ConversationEntry> inputs();

	/**
	 * The model that answers.
	 * @return the model, or {@code null}
	 */
	@Nullable String model();

	/**
	 * The agent that answers.
	 * @return the agent id, or {@code null}
	 */
	@Nullable String agentId();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when there is no input, an input is {@code null},
	 * or the model or agent id is blank
	 */
	default void validate() {
		if (inputs().isEmpty()) {
			throw new IllegalArgumentException(
					"A conversation starts with at least one input: set inputs(\"...\") or inputs(entries)");
		}
		ConversationChecks.entries(inputs(), "inputs");
		ConversationChecks.notBlank(model(), "model");
		ConversationChecks.notBlank(agentId(), "agentId");
	}

	/**
	 * The inputs as plain text, one line per entry, for observations that record content.
	 * @return the prompt text
	 */
	@JsonIgnore
	@Override
	default String observedInput() {
		return ConversationChecks.text(inputs());
	}

}
