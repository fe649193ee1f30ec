package dev.mistralboot.client.chat;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The form of the answer: free text, any JSON object (JSON mode), or JSON matching a
 * schema.
 *
 * @param type the kind of output
 * @param jsonSchema the schema, for {@link ResponseFormatType#JSON_SCHEMA}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResponseFormat(ResponseFormatType type, @Nullable JsonSchema jsonSchema) {

	/** Free text. */
	public static final ResponseFormat TEXT = new ResponseFormat(ResponseFormatType.TEXT, null);

	/** Any JSON object (JSON mode); ask for JSON in the prompt too. */
	public static final ResponseFormat JSON_OBJECT = new ResponseFormat(ResponseFormatType.JSON_OBJECT, null);

	/**
	 * Validates the format.
	 */
	public ResponseFormat {
		Objects.requireNonNull(type, "type");
		if (type == ResponseFormatType.JSON_SCHEMA && jsonSchema == null) {
			throw new IllegalArgumentException("A json_schema response format needs a json_schema");
		}
	}

	/**
	 * JSON matching a schema.
	 * @param name the schema's name
	 * @param schema the JSON schema
	 * @param strict whether the model must follow it strictly
	 * @return the format
	 */
	public static ResponseFormat jsonSchema(String name, Map<String, Object> schema, boolean strict) {
		return new ResponseFormat(ResponseFormatType.JSON_SCHEMA, new JsonSchema(name, null, schema, strict));
	}

}
