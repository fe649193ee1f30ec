package dev.mistralboot.client.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An assistant message: the model's answer, or an earlier answer sent back as history.
 * Reasoning models answer with content chunks holding {@link ThinkChunk thinking}: read
 * the answer with {@link #text()} and the reasoning with {@link #thinking()}.
 *
 * @param content the content: text or chunks, may be {@code null} or empty for tool calls
 * @param toolCalls the tool calls the model asks for, if any
 * @param prefix whether this message is a prefix the model must continue (request only)
 * @param additionalProperties properties of an answer's message this library does not
 * know yet, kept and sent again with the message in a continued conversation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssistantMessage(@Nullable Content content, @Nullable List<ToolCall> toolCalls, @Nullable Boolean prefix,
		@JsonAnySetter @JsonAnyGetter Map<String, @Nullable Object> additionalProperties) implements ChatMessage {

	/**
	 * Copies the tool calls and the additional properties.
	 */
	public AssistantMessage {
		toolCalls = (toolCalls != null) ? List.copyOf(toolCalls) : null;
		additionalProperties = (additionalProperties != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(additionalProperties)) : Map.of();
	}

	/**
	 * A message without additional properties.
	 * @param content the content
	 * @param toolCalls the tool calls, or {@code null}
	 * @param prefix whether the model continues this text, or {@code null}
	 */
	public AssistantMessage(@Nullable Content content, @Nullable List<ToolCall> toolCalls, @Nullable Boolean prefix) {
		this(content, toolCalls, prefix, Map.of());
	}

	/**
	 * An assistant message asking for tool calls, as sent back in the conversation
	 * history.
	 * @param toolCalls the calls
	 * @return the message
	 */
	public static AssistantMessage ofToolCalls(List<ToolCall> toolCalls) {
		return new AssistantMessage(Content.of(""), toolCalls, null);
	}

	/**
	 * A prefix: the model continues this text (the {@code prefix} flag of the API).
	 * @param text the beginning of the answer
	 * @return the message
	 */
	public static AssistantMessage prefix(String text) {
		return new AssistantMessage(Content.of(text), null, true);
	}

	@Override
	@JsonProperty("role")
	public String role() {
		return "assistant";
	}

	/**
	 * The answer's text: the string content, or its text chunks joined, without thinking.
	 * @return the text, empty when there is none
	 */
	@JsonIgnore
	public String text() {
		return (this.content != null) ? this.content.text() : "";
	}

	/**
	 * The reasoning of a reasoning model: the text of its thinking chunks joined.
	 * @return the reasoning, empty when there is none
	 */
	@JsonIgnore
	public String thinking() {
		return (this.content != null) ? this.content.thinking() : "";
	}

	/**
	 * The tool calls, never {@code null}.
	 * @return the tool calls (empty when there are none)
	 */
	@JsonIgnore
	public List<ToolCall> toolCallsOrEmpty() {
		return (this.toolCalls != null) ? this.toolCalls : List.of();
	}

}
