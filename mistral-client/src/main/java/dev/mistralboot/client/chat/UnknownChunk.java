package dev.mistralboot.client.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import org.jspecify.annotations.Nullable;

/**
 * A content chunk of a type this library does not know yet, kept whole so that parsing
 * never fails and a message sent back in a conversation carries it unchanged.
 *
 * @param type the chunk type as sent
 * @param additionalProperties every other property of the chunk, as sent (written back as
 * they came)
 */
public record UnknownChunk(@Nullable String type,
		@JsonAnySetter @JsonAnyGetter Map<String, @Nullable Object> additionalProperties)
		implements
			ContentChunk,
			ThinkChunk.Part {

	/**
	 * Copies the properties.
	 */
	public UnknownChunk {
		additionalProperties = (additionalProperties != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(additionalProperties)) : Map.of();
	}

	/**
	 * A chunk with a type and no other property.
	 * @param type the chunk type
	 */
	public UnknownChunk(@Nullable String type) {
		this(type, Map.of());
	}

}
