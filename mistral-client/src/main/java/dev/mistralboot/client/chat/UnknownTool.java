package dev.mistralboot.client.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeId;
import org.jspecify.annotations.Nullable;

/**
 * A tool of a type this library does not know yet (the fallback of the {@link Tool}
 * union). It keeps the whole payload: the {@code type} and every other property, written
 * back as they came when the tool is sent again.
 *
 * @param type the tool's type as sent
 * @param additionalProperties the tool's other properties
 */
@JsonIgnoreProperties({})
public record UnknownTool(@JsonTypeId @Nullable String type,
		@JsonAnySetter @JsonAnyGetter Map<String, @Nullable Object> additionalProperties) implements Tool {

	/**
	 * Copies the properties.
	 */
	public UnknownTool {
		additionalProperties = (additionalProperties != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(additionalProperties)) : Map.of();
	}

}
