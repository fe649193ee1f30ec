package dev.mistralboot.client.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.mistralboot.client.core.ObservedResponse;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link ChatCompletionChunk}, which the generated record
 * implements: the first choice's text, thinking and finish reason, and what observations
 * read.
 */
public interface ChatCompletionChunkSupport extends ObservedResponse {

	/**
	 * The pieces, one per answer.
	 * @return the choices, empty when there are none
	 */
	List<ChatCompletionStreamChoice> choices();

	/**
	 * The new text of the first choice (thinking left out).
	 * @return the text, empty when there is none
	 */
	@JsonIgnore
	default String text() {
		List<ChatCompletionStreamChoice> choices = choices();
		return (choices.isEmpty() || choices.get(0).delta() == null) ? "" : choices.get(0).delta().text();
	}

	/**
	 * The new reasoning text of the first choice.
	 * @return the reasoning, empty when there is none
	 */
	@JsonIgnore
	default String thinking() {
		List<ChatCompletionStreamChoice> choices = choices();
		return (choices.isEmpty() || choices.get(0).delta() == null) ? "" : choices.get(0).delta().thinking();
	}

	/**
	 * Why the first choice ended, on its last chunk.
	 * @return the reason, or {@code null} while it goes on
	 */
	@JsonIgnore
	default @Nullable FinishReason finishReason() {
		List<ChatCompletionStreamChoice> choices = choices();
		return choices.isEmpty() ? null : choices.get(0).finishReason();
	}

	@JsonIgnore
	@Override
	default List<String> finishReasons() {
		return FinishReasons.wireValues(choices(), ChatCompletionStreamChoice::finishReason);
	}

	@JsonIgnore
	@Override
	default String observedOutput() {
		return text();
	}

}
