package dev.mistralboot.client.chat;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A function of the application the model may call.
 *
 * @param function the function
 */
@JsonTypeName("function")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FunctionTool(FunctionDefinition function) implements Tool {

	/**
	 * Validates the tool.
	 */
	public FunctionTool {
		Objects.requireNonNull(function, "A function tool needs a function");
	}

}
