package dev.mistralboot.client.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The reasoning of a reasoning model (Magistral and others). Its parts are text, tool
 * references or references; {@link #text()} joins their text.
 *
 * @param thinking the parts of the reasoning
 * @param signature an opaque signature of the reasoning, when sent
 * @param closed whether the reasoning is complete ({@code true} by default)
 */
@JsonTypeName("thinking")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ThinkChunk(List<Part> thinking, @Nullable String signature,
		@Nullable Boolean closed) implements ContentChunk {

	/**
	 * Copies the parts.
	 */
	public ThinkChunk {
		thinking = (thinking != null) ? List.copyOf(thinking) : List.of();
	}

	/**
	 * A thinking chunk of one text part.
	 * @param text the reasoning
	 * @return the chunk
	 */
	public static ThinkChunk of(String text) {
		return new ThinkChunk(List.of(new TextChunk(text)), null, null);
	}

	/**
	 * The text of the reasoning.
	 * @return the text parts joined
	 */
	@JsonIgnore
	public String text() {
		StringBuilder text = new StringBuilder();
		for (Part part : this.thinking) {
			if (part instanceof TextChunk t) {
				text.append(t.text());
			}
		}
		return text.toString();
	}

	/**
	 * The chunk type, as sent on the wire.
	 * @return {@code thinking}
	 */
	@JsonProperty("type")
	public String type() {
		return "thinking";
	}

	/**
	 * A part of the reasoning: {@link TextChunk}, {@link ToolReferenceChunk} or
	 * {@link ReferenceChunk}.
	 */
	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
			visible = true, defaultImpl = UnknownChunk.class)
	@JsonSubTypes({ @JsonSubTypes.Type(value = TextChunk.class, name = "text"),
			@JsonSubTypes.Type(value = ToolReferenceChunk.class, name = "tool_reference"),
			@JsonSubTypes.Type(value = ReferenceChunk.class, name = "reference") })
	public sealed interface Part permits TextChunk, ToolReferenceChunk, ReferenceChunk, UnknownChunk {

	}

}
