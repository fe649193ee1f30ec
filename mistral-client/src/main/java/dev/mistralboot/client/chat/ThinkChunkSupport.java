package dev.mistralboot.client.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The hand-written part of {@link ThinkChunk}, which the generated record implements:
 * {@link #text()}, {@link #of(String)} and the union of its parts
 * ({@code ThinkChunk.Part}).
 */
public interface ThinkChunkSupport {

	/**
	 * The parts of the reasoning.
	 * @return the parts
	 */
	List<Part> thinking();

	/**
	 * The text of the reasoning.
	 * @return the text parts joined
	 */
	@JsonIgnore
	default String text() {
		StringBuilder text = new StringBuilder();
		for (Part part : thinking()) {
			if (part instanceof TextChunk t) {
				text.append(t.text());
			}
		}
		return text.toString();
	}

	/**
	 * A thinking chunk of one text part (also {@code ThinkChunk.of(text)}).
	 * @param text the reasoning
	 * @return the chunk
	 */
	static ThinkChunk of(String text) {
		return new ThinkChunk(List.of(new TextChunk(text)), null, null);
	}

	/**
	 * A part of the reasoning: {@link TextChunk}, {@link ToolReferenceChunk} or
	 * {@link ReferenceChunk} (read as {@code ThinkChunk.Part}).
	 */
	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
			visible = true, defaultImpl = UnknownChunk.class)
	@JsonSubTypes({ @JsonSubTypes.Type(value = TextChunk.class, name = "text"),
			@JsonSubTypes.Type(value = ToolReferenceChunk.class, name = "tool_reference"),
			@JsonSubTypes.Type(value = ReferenceChunk.class, name = "reference") })
	sealed interface Part permits TextChunk, ToolReferenceChunk, ReferenceChunk, UnknownChunk {

	}

}
