package dev.mistralboot.client.chat;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The function a tool call invokes. The API sends {@code arguments} as a JSON string or
 * as a JSON object; both are read into JSON text here, and sent back as a string.
 *
 * @param name the function name
 * @param arguments the arguments as JSON text (may be partial in a stream fragment)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FunctionCall(String name,
		@JsonDeserialize(using = FunctionCall.ArgumentsDeserializer.class) String arguments) {

	/**
	 * Validates the call.
	 */
	public FunctionCall {
		name = (name != null) ? name : "";
		arguments = (arguments != null) ? arguments : "";
	}

	/**
	 * Reads {@code arguments} as a string, or an object written back as JSON text.
	 */
	static final class ArgumentsDeserializer extends ValueDeserializer<String> {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.VALUE_STRING) {
				return parser.getString();
			}
			JsonNode node = context.readTree(parser);
			return Objects.toString(node, "");
		}

	}

}
