package dev.mistralboot.client.classifiers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mistralboot.client.chat.ChatMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Conversations to moderate ({@code ChatModerationRequest} of the API): the last message
 * of each is judged in the context of the ones before. Sent as an array of conversations
 * (the API also accepts a single conversation); the answer holds one result per
 * conversation.
 *
 * <pre>{@code
 * ChatModerationRequest request = ChatModerationRequest.builder()
 *     .conversation(ChatMessage.user("How do I pick a lock?"), ChatMessage.assistant("..."))
 *     .build();
 * }</pre>
 *
 * @param input the conversations (required, at least one, none empty)
 * @param model the model; {@code null} means the client's default
 * ({@code mistral.classifiers.moderation-model})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatModerationRequest(List<List<ChatMessage>> input, @Nullable String model) {

	/**
	 * Validates the request and copies the conversations.
	 */
	public ChatModerationRequest {
		if (input == null || input.isEmpty()) {
			throw new IllegalArgumentException("A chat moderation request needs at least one conversation: add one "
					+ "with ChatModerationRequest.builder().conversation(ChatMessage.user(\"...\"))");
		}
		List<List<ChatMessage>> copy = new ArrayList<>(input.size());
		for (int i = 0; i < input.size(); i++) {
			List<ChatMessage> conversation = input.get(i);
			if (conversation == null || conversation.isEmpty() || conversation.stream().anyMatch(Objects::isNull)) {
				throw new IllegalArgumentException(
						"input[" + i + "] must be a conversation of at least one message, without nulls");
			}
			copy.add(List.copyOf(conversation));
		}
		input = List.copyOf(copy);
		if (model != null && model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank");
		}
	}

	/**
	 * Starts a request.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * This request with another model.
	 * @param model the model
	 * @return the request
	 */
	public ChatModerationRequest withModel(String model) {
		return new ChatModerationRequest(this.input, model);
	}

	/**
	 * Builds a {@link ChatModerationRequest}.
	 */
	public static final class Builder {

		private final List<List<ChatMessage>> input = new ArrayList<>();

		private @Nullable String model;

		private Builder() {
		}

		/**
		 * Adds a conversation to moderate.
		 * @param messages its messages, in order
		 * @return this builder
		 */
		public Builder conversation(ChatMessage... messages) {
			return conversation(Arrays.asList(messages));
		}

		/**
		 * Adds a conversation to moderate.
		 * @param messages its messages, in order
		 * @return this builder
		 */
		public Builder conversation(List<? extends ChatMessage> messages) {
			this.input.add(new ArrayList<>(messages));
			return this;
		}

		/**
		 * Sets the model.
		 * @param model the model, such as {@code mistral-moderation-latest}
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException when no conversation was added, or one is
		 * empty
		 */
		public ChatModerationRequest build() {
			return new ChatModerationRequest(this.input, this.model);
		}

	}

}
