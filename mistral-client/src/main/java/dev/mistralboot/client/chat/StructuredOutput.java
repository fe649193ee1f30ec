package dev.mistralboot.client.chat;

import java.lang.reflect.Type;
import java.util.Objects;

import dev.mistralboot.client.chat.tools.JsonSchemaGenerator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Structured output shared by the blocking and the reactive chat client: the
 * {@code response_format} a type asks for, and the reading of the answer's text as that
 * type. Thread-safe.
 */
final class StructuredOutput {

	private final JsonMapper mapper;

	private volatile @Nullable JsonSchemaGenerator schemas;

	StructuredOutput(JsonMapper mapper) {
		this.mapper = mapper;
	}

	JavaType constructType(Type type) {
		return this.mapper.constructType(type);
	}

	/**
	 * The request to send: the request itself when it sets its own
	 * {@code response_format}, else a copy asking for the type's shape.
	 */
	ChatCompletionRequest request(ChatCompletionRequest request, Type type, JavaType javaType) {
		Objects.requireNonNull(request, "request");
		if (request.responseFormat() != null) {
			return request;
		}
		return request.toBuilder().responseFormat(responseFormat(type, javaType)).build();
	}

	/**
	 * Reads the answer's text as the type.
	 * @throws MistralStructuredOutputException when it cannot be read, or reads as
	 * {@code null}
	 */
	<T> T read(ChatCompletionResponse response, JavaType javaType) {
		String text = response.text();
		String name = javaType.getRawClass().getSimpleName();
		T value;
		try {
			value = this.mapper.readValue(withoutCodeFence(text), javaType);
		}
		catch (JacksonException ex) {
			throw new MistralStructuredOutputException(notReadable(name, response) + ": " + ex.getOriginalMessage(),
					text, response, ex);
		}
		if (value == null) {
			throw new MistralStructuredOutputException(notReadable(name, response) + ": the answer is empty or null",
					text, response, null);
		}
		return value;
	}

	private static String notReadable(String name, ChatCompletionResponse response) {
		String message = "The answer could not be read as " + name;
		if (response.finishReason() == FinishReason.LENGTH || response.finishReason() == FinishReason.MODEL_LENGTH) {
			message += " (it was cut short, finish_reason " + response.finishReason().value()
					+ ": raise maxTokens or ask for less)";
		}
		return message;
	}

	private ResponseFormat responseFormat(Type type, JavaType javaType) {
		Class<?> raw = javaType.getRawClass();
		if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
			return ResponseFormat.JSON_OBJECT;
		}
		JsonSchemaGenerator generator = this.schemas;
		if (generator == null) {
			generator = new JsonSchemaGenerator(this.mapper);
			this.schemas = generator;
		}
		String name = raw.getSimpleName().replaceAll("[^a-zA-Z0-9_-]", "_");
		return ResponseFormat.jsonSchema(name.isEmpty() ? "answer" : name, generator.schemaOf(type), true);
	}

	/** Models asked for JSON sometimes still wrap it in a Markdown code fence. */
	private static String withoutCodeFence(String text) {
		String trimmed = text.strip();
		if (trimmed.startsWith("```") && trimmed.endsWith("```") && trimmed.length() >= 6) {
			int firstLine = trimmed.indexOf('\n');
			if (firstLine > 0) {
				return trimmed.substring(firstLine + 1, trimmed.length() - 3);
			}
		}
		return trimmed;
	}

}
