package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Mistral's built-in code interpreter.
 *
 * @param toolConfiguration which of the tool's functions to include, exclude or confirm,
 * optional
 */
@JsonTypeName("code_interpreter")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CodeInterpreterTool(@Nullable ToolConfiguration toolConfiguration) implements Tool {
}
