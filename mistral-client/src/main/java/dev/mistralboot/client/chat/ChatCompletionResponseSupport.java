package dev.mistralboot.client.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.mistralboot.client.core.ObservedResponse;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link ChatCompletionResponse}, which the generated record
 * implements: {@link #text()}, {@link #thinking()} and {@link #toolCalls()} read the
 * first choice.
 */
public interface ChatCompletionResponseSupport extends ObservedResponse {

	/**
	 * The answers (one unless {@code n} was set).
	 * @return the choices
	 */
	List<ChatCompletionChoice> choices();

	/**
	 * The first choice's message.
	 * @return the message, or an empty message when there is no choice
	 */
	@JsonIgnore
	default AssistantMessage message() {
		List<ChatCompletionChoice> choices = choices();
		if (choices.isEmpty() || choices.get(0).message() == null) {
			return new AssistantMessage(null, null, null);
		}
		return choices.get(0).message();
	}

	/**
	 * The first choice's answer text, without thinking.
	 * @return the text
	 */
	@JsonIgnore
	default String text() {
		return message().text();
	}

	/**
	 * The first choice's reasoning (reasoning models).
	 * @return the reasoning, empty when there is none
	 */
	@JsonIgnore
	default String thinking() {
		return message().thinking();
	}

	/**
	 * The first choice's tool calls.
	 * @return the tool calls, empty when there are none
	 */
	@JsonIgnore
	default List<ToolCall> toolCalls() {
		return message().toolCallsOrEmpty();
	}

	/**
	 * The first choice's finish reason.
	 * @return the reason, or {@code null}
	 */
	@JsonIgnore
	default @Nullable FinishReason finishReason() {
		List<ChatCompletionChoice> choices = choices();
		return choices.isEmpty() ? null : choices.get(0).finishReason();
	}

	/**
	 * The finish reason of every choice that has one, as wire values, for observations.
	 * @return the reasons, empty when no choice has finished
	 */
	@JsonIgnore
	@Override
	default List<String> finishReasons() {
		return FinishReasons.wireValues(choices(), ChatCompletionChoice::finishReason);
	}

	/**
	 * The first choice's answer text, for observations that record content.
	 * @return the text
	 */
	@JsonIgnore
	@Override
	default String observedOutput() {
		return text();
	}

}
