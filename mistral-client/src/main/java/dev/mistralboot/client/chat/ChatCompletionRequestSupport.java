package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.mistralboot.client.core.ObservedRequest;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link ChatCompletionRequest}, which the generated record
 * implements: its checks and what observations read.
 */
public interface ChatCompletionRequestSupport extends ChatRequestSupport, ObservedRequest {

	/**
	 * The model.
	 * @return the model, or {@code null} for the client's default
	 */
	@Nullable String model();

	@Override
	@Nullable Integer n();

	@Override
	@Nullable Integer maxTokens();

	@Override
	@Nullable Long randomSeed();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when there is no message, the model is blank or a
	 * value is out of range
	 */
	@Override
	default void validate() {
		ChatRequestSupport.super.validate();
		String model = model();
		if (model != null && model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank");
		}
	}

	/**
	 * The conversation as plain text, for observations that record content (see
	 * {@link ChatRequestSupport#observedInput()}).
	 * @return the prompt text
	 */
	@JsonIgnore
	@Override
	default String observedInput() {
		return ChatRequestSupport.super.observedInput();
	}

}
