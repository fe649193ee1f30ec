package dev.mistralboot.client.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part that the builders of {@link ChatCompletionRequest} and
 * {@link dev.mistralboot.client.agents.AgentsCompletionRequest} share (the generated
 * builders implement it): the conversation helpers and the varargs setters.
 *
 * @param <B> the builder type
 */
public interface ChatRequestBuilderSupport<B> {

	/**
	 * Replaces the messages.
	 * @param messages the conversation
	 * @return this builder
	 */
	B messages(@Nullable List<? extends ChatMessage> messages);

	/**
	 * Appends messages.
	 * @param messages the messages to add
	 * @return this builder
	 */
	B addMessages(ChatMessage... messages);

	/**
	 * Appends a system message.
	 * @param text the instructions
	 * @return this builder
	 */
	default B system(String text) {
		return addMessages(ChatMessage.system(text));
	}

	/**
	 * Appends a user message.
	 * @param text the text
	 * @return this builder
	 */
	default B user(String text) {
		return addMessages(ChatMessage.user(text));
	}

	/**
	 * Sets the sequences that end generation.
	 * @param stop the sequences
	 * @return this builder
	 */
	B stop(@Nullable List<String> stop);

	/**
	 * Sets the sequences that end generation.
	 * @param stop the sequences
	 * @return this builder
	 */
	default B stop(String... stop) {
		return stop(List.of(stop));
	}

	/**
	 * Sets the tools the model may use.
	 * @param tools the tools
	 * @return this builder
	 */
	B tools(@Nullable List<? extends Tool> tools);

	/**
	 * Sets the tools the model may use.
	 * @param tools the tools
	 * @return this builder
	 */
	default B tools(Tool... tools) {
		return tools(List.of(tools));
	}

}
