package dev.mistralboot.client.chat;

import org.jspecify.annotations.Nullable;

/**
 * Values a chat client fills in when a request leaves them out ({@code mistral.chat.*}).
 *
 * @param model the default model, such as {@code mistral-small-latest}
 * @param temperature the default temperature
 * @param maxTokens the default answer length limit
 * @param safePrompt the default for Mistral's safety prompt
 */
public record ChatDefaults(@Nullable String model, @Nullable Double temperature, @Nullable Integer maxTokens,
		@Nullable Boolean safePrompt) {

	/** No defaults: every request must name its model. */
	public static final ChatDefaults NONE = new ChatDefaults(null, null, null, null);

	/**
	 * Defaults with only a model.
	 * @param model the model
	 * @return the defaults
	 */
	public static ChatDefaults ofModel(String model) {
		return new ChatDefaults(model, null, null, null);
	}

	/**
	 * Applies the defaults to a request and sets its {@code stream} flag.
	 * @param request the request
	 * @param stream whether the request is streamed
	 * @return the request to send
	 * @throws IllegalArgumentException when neither the request nor the defaults name a
	 * model
	 */
	public ChatCompletionRequest apply(ChatCompletionRequest request, boolean stream) {
		ChatCompletionRequest.Builder builder = request.toBuilder();
		if (request.model() == null) {
			if (this.model == null) {
				throw new IllegalArgumentException(
						"The chat request names no model: set one with ChatCompletionRequest.builder().model(...) "
								+ "or configure mistral.chat.model");
			}
			builder.model(this.model);
		}
		if (request.temperature() == null) {
			builder.temperature(this.temperature);
		}
		if (request.maxTokens() == null) {
			builder.maxTokens(this.maxTokens);
		}
		if (request.safePrompt() == null) {
			builder.safePrompt(this.safePrompt);
		}
		builder.stream(stream ? Boolean.TRUE : null);
		return builder.build();
	}

}
