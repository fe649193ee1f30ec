package dev.mistralboot.client.chat;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A named JSON schema for structured output.
 *
 * @param name the schema's name (required)
 * @param description what the output is
 * @param schema the JSON schema (required)
 * @param strict whether the model must follow the schema strictly
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JsonSchema(String name, @Nullable String description, Map<String, Object> schema,
		@Nullable Boolean strict) {

	/**
	 * Validates the schema.
	 */
	public JsonSchema {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A JSON schema needs a name");
		}
		if (schema == null) {
			throw new IllegalArgumentException("JSON schema '" + name + "' needs a schema");
		}
	}

}
