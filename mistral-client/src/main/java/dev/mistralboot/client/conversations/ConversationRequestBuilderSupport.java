package dev.mistralboot.client.conversations;

import java.util.List;

import dev.mistralboot.client.chat.Tool;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link ConversationRequest.Builder}: inputs from a text, tools
 * as varargs, the agent version by number.
 *
 * @param <B> the builder
 */
public interface ConversationRequestBuilderSupport<B>
		extends ConversationInputsBuilderSupport<B>, AgentVersionBuilderSupport<B> {

	/**
	 * Sets the tools the model may use.
	 * @param tools the tools
	 * @return this builder
	 */
	B tools(@Nullable List<? extends Tool> tools);

	/**
	 * Sets the tools the model may use.
	 * @param tools the tools (functions, web search, code interpreter, ...)
	 * @return this builder
	 */
	default B tools(Tool... tools) {
		return tools(List.of(tools));
	}

}
