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
 * A chat completion ({@code ChatCompletionResponse} of the API). {@link #text()},
 * {@link #thinking()} and {@link #toolCalls()} read the first choice.
 *
 * @param id the completion id
 * @param object the object type ({@code chat.completion})
 * @param model the model that answered
 * @param usage token usage
 * @param created creation time, in seconds since the epoch
 * @param choices the answers (one unless {@code n} was set)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatCompletionResponse(@Nullable String id, @Nullable String object, @Nullable String model,
		@Nullable UsageInfo usage, @Nullable Long created,
		List<ChatCompletionChoice> choices) implements ObservedResponse {

	/**
	 * Copies the choices.
	 */
	public ChatCompletionResponse {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
	}

	/**
	 * The first choice's message.
	 * @return the message, or an empty message when there is no choice
	 */
	@JsonIgnore
	public AssistantMessage message() {
		if (this.choices.isEmpty() || this.choices.get(0).message() == null) {
			return new AssistantMessage(null, null, null);
		}
		return this.choices.get(0).message();
	}

	/**
	 * The first choice's answer text, without thinking.
	 * @return the text
	 */
	@JsonIgnore
	public String text() {
		return message().text();
	}

	/**
	 * The first choice's reasoning (reasoning models).
	 * @return the reasoning, empty when there is none
	 */
	@JsonIgnore
	public String thinking() {
		return message().thinking();
	}

	/**
	 * The first choice's tool calls.
	 * @return the tool calls, empty when there are none
	 */
	@JsonIgnore
	public List<ToolCall> toolCalls() {
		return message().toolCallsOrEmpty();
	}

	/**
	 * The first choice's finish reason.
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
		return FinishReasons.wireValues(this.choices, ChatCompletionChoice::finishReason);
	}

	/**
	 * The first choice's answer text, for observations that record content.
	 * @return the text
	 */
	@JsonIgnore
	@Override
	public String observedOutput() {
		return text();
	}

}
