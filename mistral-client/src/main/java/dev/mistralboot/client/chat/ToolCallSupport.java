package dev.mistralboot.client.chat;

/**
 * The hand-written part of {@link ToolCall}, which the generated record implements: its
 * factory (also {@code ToolCall.of(...)}).
 */
public interface ToolCallSupport {

	/**
	 * A function call to send back in a conversation's history.
	 * @param id the call id
	 * @param name the function name
	 * @param arguments the arguments as JSON text
	 * @return the call
	 */
	static ToolCall of(String id, String name, String arguments) {
		return new ToolCall(id, "function", new FunctionCall(name, arguments), null);
	}

}
