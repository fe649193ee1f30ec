package dev.mistralboot.client.conversations;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the builders of the conversation requests share: inputs from a text or from
 * entries.
 *
 * @param <B> the builder
 */
public interface ConversationInputsBuilderSupport<B> {

	/**
	 * Sets the inputs.
	 * @param inputs the entries
	 * @return this builder
	 */
	B inputs(@Nullable List<? extends ConversationEntry> inputs);

	/**
	 * Sets the inputs to one user message.
	 * @param text the message
	 * @return this builder
	 */
	default B inputs(String text) {
		return inputs(List.of(ConversationEntry.user(text)));
	}

	/**
	 * Sets the inputs.
	 * @param inputs the entries (messages, function results, ...)
	 * @return this builder
	 */
	default B inputs(ConversationEntry... inputs) {
		return inputs(Arrays.asList(inputs));
	}

}
