package dev.mistralboot.client.core;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper the clients use: a copy of the application's mapper (so its modules
 * still apply) with the settings the Mistral API needs whatever the application
 * configured: unknown fields and {@code null} for primitives never fail a response, and a
 * concrete type read without its type property (an answer's assistant message without
 * {@code role}) is still read.
 * <p>
 * The constructors of this library's own types are called through a handle built once per
 * type ({@link RecordConstructors}) rather than Jackson's per-value spreading call.
 */
public final class MistralJson {

	private MistralJson() {
	}

	/**
	 * Derives the clients' mapper from a base mapper without changing the base.
	 * @param base the application's mapper (Spring Boot's {@code JsonMapper} bean)
	 * @return the derived mapper
	 */
	public static JsonMapper derive(JsonMapper base) {
		return base.rebuild()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
			.disable(SerializationFeature.INDENT_OUTPUT)
			.enable(MapperFeature.USE_BASE_TYPE_AS_DEFAULT_IMPL)
			.addModule(new RecordConstructors())
			.build();
	}

	/**
	 * A mapper for use without Spring Boot.
	 * @return a new mapper with the clients' settings
	 */
	public static JsonMapper defaultMapper() {
		return derive(JsonMapper.builder().build());
	}

}
