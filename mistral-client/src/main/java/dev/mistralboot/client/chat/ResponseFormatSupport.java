package dev.mistralboot.client.chat;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link ResponseFormat}, which the generated record implements:
 * its constants (also {@code ResponseFormat.TEXT}, {@code ResponseFormat.JSON_OBJECT}),
 * its factory (also {@code ResponseFormat.jsonSchema(...)}) and its check.
 */
public interface ResponseFormatSupport {

	/** Free text. */
	ResponseFormat TEXT = new ResponseFormat(ResponseFormatType.TEXT, null);

	/** Any JSON object (JSON mode); ask for JSON in the prompt too. */
	ResponseFormat JSON_OBJECT = new ResponseFormat(ResponseFormatType.JSON_OBJECT, null);

	/**
	 * JSON matching a schema.
	 * @param name the schema's name
	 * @param schema the JSON schema
	 * @param strict whether the model must follow it strictly
	 * @return the format
	 */
	static ResponseFormat jsonSchema(String name, Map<String, Object> schema, boolean strict) {
		return new ResponseFormat(ResponseFormatType.JSON_SCHEMA, new JsonSchema(name, null, schema, strict));
	}

	/**
	 * Checks a format on construction (the generated constructor calls it).
	 * @param type the kind of output
	 * @param jsonSchema the schema
	 * @throws NullPointerException when the type is missing
	 * @throws IllegalArgumentException when a {@code json_schema} format has no schema
	 */
	static void check(@Nullable ResponseFormatType type, @Nullable JsonSchema jsonSchema) {
		Objects.requireNonNull(type, "type");
		if (type == ResponseFormatType.JSON_SCHEMA && jsonSchema == null) {
			throw new IllegalArgumentException("A json_schema response format needs a json_schema");
		}
	}

}
