package dev.mistralboot.client.chat;

import java.util.Objects;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads the {@code arguments} of a {@link FunctionCall}: the API sends them as a JSON
 * string or as a JSON object; an object is kept as its JSON text (named under
 * {@code jsonDeserializers} in {@code model-types.yaml}; the conversation entries use it
 * too).
 */
public final class FunctionArgumentsDeserializer extends ValueDeserializer<String> {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		JsonNode node = context.readTree(parser);
		return Objects.toString(node, "");
	}

}
