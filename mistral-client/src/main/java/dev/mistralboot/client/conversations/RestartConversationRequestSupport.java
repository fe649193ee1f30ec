package dev.mistralboot.client.conversations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.mistralboot.client.core.ObservedRequest;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link RestartConversationRequest}: its checks and what
 * observations read.
 */
public interface RestartConversationRequestSupport extends ObservedRequest {

	/**
	 * The entry to restart from.
	 * @return its id
	 */
	@Nullable String fromEntryId();

	/**
	 * The entries that follow it.
	 * @return the inputs, or {@code null}
	 */
	@Nullable List<ConversationEntry> inputs();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException without an entry id to restart from, or with a
	 * {@code null} input
	 */
	default void validate() {
		String from = fromEntryId();
		if (from == null || from.isBlank()) {
			throw new IllegalArgumentException(
					"A restart needs fromEntryId: the id of the entry to restart from (see the conversation's history)");
		}
		ConversationChecks.entries(inputs(), "inputs");
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
