package dev.mistralboot.client.classifiers;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mistralboot.client.chat.ChatMessage;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One conversation to classify ({@code InstructRequest} of the API).
 *
 * @param messages the messages, in order (required, at least one)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InstructRequest(List<ChatMessage> messages) {

	/**
	 * Validates the conversation and copies it.
	 */
	public InstructRequest {
		if (messages == null || messages.isEmpty() || messages.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("A conversation to classify needs at least one message, without nulls");
		}
		messages = List.copyOf(messages);
	}

	/**
	 * A conversation.
	 * @param messages the messages, in order
	 * @return the conversation
	 */
	public static InstructRequest of(ChatMessage... messages) {
		return new InstructRequest(Arrays.asList(messages));
	}

}
