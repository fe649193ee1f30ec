package dev.mistralboot.client.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link AssistantMessage}, which the generated record
 * implements: {@link #text()}, {@link #thinking()}, {@link #toolCallsOrEmpty()} and the
 * factories (also {@code AssistantMessage.ofToolCalls(...)} and
 * {@code AssistantMessage.prefix(...)}).
 */
public interface AssistantMessageSupport {

	/**
	 * The content.
	 * @return text or chunks, or {@code null}
	 */
	@Nullable Content content();

	/**
	 * The tool calls the model asks for.
	 * @return the calls, or {@code null}
	 */
	@Nullable List<ToolCall> toolCalls();

	/**
	 * The answer's text: the string content, or its text chunks joined, without thinking.
	 * @return the text, empty when there is none
	 */
	@JsonIgnore
	default String text() {
		Content content = content();
		return (content != null) ? content.text() : "";
	}

	/**
	 * The reasoning of a reasoning model: the text of its thinking chunks joined.
	 * @return the reasoning, empty when there is none
	 */
	@JsonIgnore
	default String thinking() {
		Content content = content();
		return (content != null) ? content.thinking() : "";
	}

	/**
	 * The tool calls, never {@code null}.
	 * @return the tool calls (empty when there are none)
	 */
	@JsonIgnore
	default List<ToolCall> toolCallsOrEmpty() {
		List<ToolCall> toolCalls = toolCalls();
		return (toolCalls != null) ? toolCalls : List.of();
	}

	/**
	 * An assistant message asking for tool calls, as sent back in the conversation
	 * history.
	 * @param toolCalls the calls
	 * @return the message
	 */
	static AssistantMessage ofToolCalls(List<ToolCall> toolCalls) {
		return new AssistantMessage(Content.of(""), toolCalls, null);
	}

	/**
	 * A prefix: the model continues this text (the {@code prefix} flag of the API).
	 * @param text the beginning of the answer
	 * @return the message
	 */
	static AssistantMessage prefix(String text) {
		return new AssistantMessage(Content.of(text), null, true);
	}

}
