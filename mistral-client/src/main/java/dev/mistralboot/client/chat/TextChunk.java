package dev.mistralboot.client.chat;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A text chunk.
 *
 * @param text the text
 */
@JsonTypeName("text")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TextChunk(String text) implements ContentChunk, ThinkChunk.Part {

	/**
	 * Validates the chunk.
	 */
	public TextChunk {
		Objects.requireNonNull(text, "A text chunk needs text");
	}

	/**
	 * The chunk type, as sent on the wire.
	 * @return {@code text}
	 */
	@JsonProperty("type")
	public String type() {
		return "text";
	}

}
