package dev.mistralboot.client.chat;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A function the model may call.
 *
 * @param name the name (required)
 * @param description what the function does
 * @param strict whether the model must follow the schema strictly
 * @param parameters the JSON schema of the parameters (required; an empty object schema
 * for none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FunctionDefinition(String name, @Nullable String description, @Nullable Boolean strict,
		Map<String, Object> parameters) {

	/**
	 * Validates the definition.
	 */
	public FunctionDefinition {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A function needs a name");
		}
		Objects.requireNonNull(parameters, "Function '" + name
				+ "' needs a parameters schema (use Map.of(\"type\", \"object\", \"properties\", Map.of()) for none)");
	}

}
