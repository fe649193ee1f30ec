package dev.mistralboot.client.conversations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.mistralboot.client.core.ObservedRequest;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link AppendConversationRequest}: its checks and what
 * observations read.
 */
public interface AppendConversationRequestSupport extends ObservedRequest {

	/**
	 * The entries to add.
	 * @return the inputs, or {@code null}
	 */
	@Nullable List<ConversationEntry> inputs();

	/**
	 * Decisions on tool calls waiting for confirmation.
	 * @return the confirmations, or {@code null}
	 */
	@Nullable List<ToolCallConfirmation> toolConfirmations();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when there is neither an input nor a tool
	 * confirmation, or one of them is {@code null}
	 */
	default void validate() {
		List<ConversationEntry> inputs = inputs();
		List<ToolCallConfirmation> confirmations = toolConfirmations();
		if ((inputs == null || inputs.isEmpty()) && (confirmations == null || confirmations.isEmpty())) {
			throw new IllegalArgumentException(
					"An append needs inputs (a message, function results) or tool confirmations");
		}
		ConversationChecks.entries(inputs, "inputs");
		if (confirmations != null) {
			for (int i = 0; i < confirmations.size(); i++) {
				if (confirmations.get(i) == null) {
					throw new IllegalArgumentException("toolConfirmations[" + i + "] is null");
				}
			}
		}
	}

	/**
	 * The inputs as plain text, for observations that record content.
	 * @return the text, or {@code null} without inputs
	 */
	@JsonIgnore
	@Override
	default @Nullable String observedInput() {
		List<ConversationEntry> inputs = inputs();
		return (inputs != null) ? ConversationChecks.text(inputs) : null;
	}

}
