package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A call of a function the model asks for.
 *
 * @param id the call's id (9 characters of {@code [a-zA-Z0-9]}), to be quoted by the
 * answering {@link ToolMessage}; in a stream, only the first fragment of a call may carry
 * it
 * @param type the tool type ({@code function})
 * @param function the function and its arguments
 * @param index the call's position among the calls of one answer (streams use it to join
 * fragments)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ToolCall(@Nullable String id, @Nullable String type, FunctionCall function, @Nullable Integer index) {

	/**
	 * A function call to send back in a conversation's history.
	 * @param id the call id
	 * @param name the function name
	 * @param arguments the arguments as JSON text
	 * @return the call
	 */
	public static ToolCall of(String id, String name, String arguments) {
		return new ToolCall(id, "function", new FunctionCall(name, arguments), null);
	}

}
