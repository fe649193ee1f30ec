package dev.mistralboot.client.classifiers;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Conversations to classify with a fine-tuned classifier
 * ({@code ChatClassificationRequest} of the API). Sent as an array of conversations (the
 * API also accepts one); the answer holds one result per conversation.
 *
 * @param model the classifier model, such as
 * {@code ft:classifier:ministral-3b-latest:...} (required)
 * @param input the conversations (required, at least one)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatClassificationRequest(String model, List<InstructRequest> input) {

	/**
	 * Validates the request and copies the conversations.
	 */
	public ChatClassificationRequest {
		if (model == null || model.isBlank()) {
			throw new IllegalArgumentException(
					"A chat classification request needs the classifier model " + "(a fine-tuned classifier id)");
		}
		if (input == null || input.isEmpty() || input.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("A chat classification request needs at least one conversation, "
					+ "without nulls: use ChatClassificationRequest.of(model, InstructRequest.of(ChatMessage.user(\"...\")))");
		}
		input = List.copyOf(input);
	}

	/**
	 * A request.
	 * @param model the classifier model
	 * @param conversations the conversations
	 * @return the request
	 */
	public static ChatClassificationRequest of(String model, InstructRequest... conversations) {
		return new ChatClassificationRequest(model, Arrays.asList(conversations));
	}

}
