package dev.mistralboot.client.conversations;

import java.time.OffsetDateTime;

import dev.mistralboot.client.chat.Content;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link ConversationEntry}: what every entry has, and the
 * factories of the entries your code writes ({@link ConversationEntry#user(String)},
 * {@link ConversationEntry#functionResult(String, String)}).
 */
public interface ConversationEntrySupport {

	/**
	 * The entry's id, set by Mistral.
	 * @return the id, or {@code null} for an entry not sent yet
	 */
	@Nullable String id();

	/**
	 * The entry type as sent ({@code message.input}, {@code function.call}, ...).
	 * @return the type, or {@code null} when the API left it out
	 */
	@Nullable String type();

	/**
	 * When the entry was made.
	 * @return the time, or {@code null} for an entry not sent yet
	 */
	@Nullable OffsetDateTime createdAt();

	/**
	 * A user message.
	 * @param text the text
	 * @return the entry
	 */
	static MessageInputEntry user(String text) {
		if (text == null) {
			throw new IllegalArgumentException("A user message needs text");
		}
		return new MessageInputEntry(MessageRole.USER, Content.of(text), null, null, null, null);
	}

	/**
	 * The result of a function call.
	 * @param toolCallId the {@code tool_call_id} of the call it answers
	 * @param result the result
	 * @return the entry
	 */
	static FunctionResultEntry functionResult(String toolCallId, String result) {
		return new FunctionResultEntry(toolCallId, result, null, null, null);
	}

}
