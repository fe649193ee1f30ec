package dev.mistralboot.client.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A chunk citing references (integers or strings), as returned with document-grounded
 * answers.
 *
 * @param referenceIds the reference ids
 */
@JsonTypeName("reference")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReferenceChunk(List<Object> referenceIds) implements ContentChunk, ThinkChunk.Part {

	/**
	 * Copies the ids.
	 */
	public ReferenceChunk {
		referenceIds = (referenceIds != null) ? List.copyOf(referenceIds) : List.of();
	}

	/**
	 * The chunk type, as sent on the wire.
	 * @return {@code reference}
	 */
	@JsonProperty("type")
	public String type() {
		return "reference";
	}

}
