package dev.mistralboot.client.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mistralboot.client.core.ObservedResponse;
import dev.mistralboot.client.core.UsageInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One chunk of a streamed completion ({@code CompletionChunk} of the API). Usage normally
 * arrives on the last chunk, together with the finish reason. Fold chunks into a whole
 * answer with {@link ChatCompletionAccumulator}.
 *
 * @param id the completion id
 * @param object the object type
 * @param created creation time, in seconds since the epoch
 * @param model the model
 * @param usage token usage, on the last chunk
 * @param choices the pieces, one per answer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatCompletionChunk(@Nullable String id, @Nullable String object, @Nullable Long created,
		@Nullable String model, @Nullable UsageInfo usage,
		List<ChatCompletionStreamChoice> choices) implements ObservedResponse {

	/**
	 * Copies the choices.
	 */
	public ChatCompletionChunk {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
	}

	/**
	 * The first choice's new text (thinking left out).
	 * @return the text, empty when there is none
	 */
	@JsonIgnore
	public String text() {
		return (this.choices.isEmpty() || this.choices.get(0).delta() == null) ? ""
				: this.choices.get(0).delta().text();
	}

	/**
	 * The first choice's new reasoning text.
	 * @return the reasoning, empty when there is none
	 */
	@JsonIgnore
	public String thinking() {
		return (this.choices.isEmpty() || this.choices.get(0).delta() == null) ? ""
				: this.choices.get(0).delta().thinking();
	}

	/**
	 * The first choice's finish reason, on the last chunk.
	 * @return the reason, or {@code null}
	 */
	@JsonIgnore
	public @Nullable FinishReason finishReason() {
		return this.choices.isEmpty() ? null : this.choices.get(0).finishReason();
	}

	/**
	 * The finish reason of every choice that has one, as wire values, for observations.
	 * @return the reasons, empty when no choice has finished
	 */
	@JsonIgnore
	@Override
	public List<String> finishReasons() {
		return FinishReasons.wireValues(this.choices, ChatCompletionStreamChoice::finishReason);
	}

	/**
	 * The first choice's new text, for observations that record content.
	 * @return the text
	 */
	@JsonIgnore
	@Override
	public String observedOutput() {
		return text();
	}

}
