package dev.mistralboot.contract;

import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper shared by this package (immutable and thread-safe). */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

}
