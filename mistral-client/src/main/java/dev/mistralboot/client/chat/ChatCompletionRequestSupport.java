package dev.mistralboot.client.chat;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link ChatCompletionRequest}, which the generated record
 * implements: its checks and what observations read.
 */
public interface ChatCompletionRequestSupport extends ChatRequestSupport {

	/**
	 * The model.
	 * @return the model, or {@code null} for the client's default
	 */
	@Nullable String model();

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

}
