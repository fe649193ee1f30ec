package dev.mistralboot.client.chat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A piece of an answer in a stream: role (first chunk), text or chunks, tool-call
 * fragments.
 *
 * @param role the role, on the first chunk
 * @param content the new content: a string or chunks (thinking chunks for reasoning
 * models)
 * @param toolCalls tool calls or fragments of them, to be joined by {@code index}
 * @param toolCallId the tool call answered, for tool messages
 * @param index the position of this message
 * @param metadata free metadata
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeltaMessage(@Nullable String role, @Nullable Content content, @Nullable List<ToolCall> toolCalls,
		@Nullable String toolCallId, @Nullable Integer index, @Nullable Map<String, Object> metadata) {

	/**
	 * The new text (thinking left out).
	 * @return the text, empty when there is none
	 */
	@JsonIgnore
	public String text() {
		return (this.content != null) ? this.content.text() : "";
	}

	/**
	 * The new reasoning text.
	 * @return the reasoning, empty when there is none
	 */
	@JsonIgnore
	public String thinking() {
		return (this.content != null) ? this.content.thinking() : "";
	}

}
