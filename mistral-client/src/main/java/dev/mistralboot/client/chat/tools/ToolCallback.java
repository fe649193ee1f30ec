package dev.mistralboot.client.chat.tools;

import java.util.Objects;
import java.util.function.Function;

import dev.mistralboot.client.chat.FunctionDefinition;

/**
 * A tool the model may call: its definition (name, description, JSON schema of the
 * parameters) and the code that runs it. {@link MistralTool} methods become callbacks;
 * write one by hand for anything else, and add it to a {@link ToolRegistry} (in Spring
 * Boot, a {@code ToolCallback} bean is added to the registry bean).
 */
public interface ToolCallback {

	/**
	 * The definition sent to the model.
	 * @return the definition
	 */
	FunctionDefinition definition();

	/**
	 * Runs the tool.
	 * @param arguments the arguments the model sent, as JSON text (usually an object)
	 * @return the result sent back to the model (usually JSON text)
	 * @throws MistralToolException with
	 * {@link MistralToolException.Reason#INVALID_ARGUMENTS} when the arguments cannot be
	 * read; any other exception is a failure of the tool
	 */
	String call(String arguments);

	/**
	 * The tool's name.
	 * @return the name
	 */
	default String name() {
		return definition().name();
	}

	/**
	 * A callback from a definition and a function of the JSON arguments.
	 * @param definition the definition
	 * @param function maps the arguments (JSON text) to the result (text)
	 * @return the callback
	 */
	static ToolCallback of(FunctionDefinition definition, Function<String, String> function) {
		Objects.requireNonNull(definition, "definition");
		Objects.requireNonNull(function, "function");
		ToolRegistry.checkName(definition.name(), "ToolCallback.of");
		return new ToolCallback() {

			@Override
			public FunctionDefinition definition() {
				return definition;
			}

			@Override
			public String call(String arguments) {
				return function.apply(arguments);
			}

			@Override
			public String toString() {
				return "ToolCallback[" + definition.name() + "]";
			}

		};
	}

}
