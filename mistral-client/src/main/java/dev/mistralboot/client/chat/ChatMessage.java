package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message of a conversation, told apart by its {@code role}: {@link SystemMessage},
 * {@link UserMessage}, {@link AssistantMessage} or {@link ToolMessage}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "role")
@JsonSubTypes({ @JsonSubTypes.Type(value = SystemMessage.class, name = "system"),
		@JsonSubTypes.Type(value = UserMessage.class, name = "user"),
		@JsonSubTypes.Type(value = AssistantMessage.class, name = "assistant"),
		@JsonSubTypes.Type(value = ToolMessage.class, name = "tool") })
public sealed interface ChatMessage permits SystemMessage, UserMessage, AssistantMessage, ToolMessage {

	/**
	 * The role, as sent on the wire.
	 * @return {@code system}, {@code user}, {@code assistant} or {@code tool}
	 */
	String role();

	/**
	 * A system message.
	 * @param text the instructions
	 * @return the message
	 */
	static SystemMessage system(String text) {
		return new SystemMessage(Content.of(text));
	}

	/**
	 * A user message.
	 * @param text the text
	 * @return the message
	 */
	static UserMessage user(String text) {
		return new UserMessage(Content.of(text));
	}

	/**
	 * A user message of several chunks (text, images, documents, audio, ...).
	 * @param chunks the chunks
	 * @return the message
	 */
	static UserMessage user(ContentChunk... chunks) {
		return new UserMessage(Content.of(chunks));
	}

	/**
	 * An assistant message, such as an earlier answer.
	 * @param text the text
	 * @return the message
	 */
	static AssistantMessage assistant(String text) {
		return new AssistantMessage(Content.of(text), null, null);
	}

	/**
	 * The answer to one tool call.
	 * @param toolCallId the id of the call answered
	 * @param name the function name
	 * @param result the result, usually JSON text
	 * @return the message
	 */
	static ToolMessage tool(String toolCallId, String name, String result) {
		return new ToolMessage(Content.of(result), toolCallId, name);
	}

}
