package dev.mistralboot.client.conversations;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Checks the requests share.
 */
final class ConversationChecks {

	private ConversationChecks() {
	}

	static void entries(@Nullable List<ConversationEntry> entries, String name) {
		if (entries == null) {
			return;
		}
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i) == null) {
				throw new IllegalArgumentException(name + "[" + i + "] is null: remove it or give an entry");
			}
		}
	}

	static void notBlank(@Nullable String value, String name) {
		if (value != null && value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank: give a value or leave it null");
		}
	}

	static String id(@Nullable String id, String name) {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException(name + " must not be null or blank");
		}
		return id;
	}

	static String text(List<ConversationEntry> entries) {
		StringBuilder text = new StringBuilder();
		for (ConversationEntry entry : entries) {
			if (!text.isEmpty()) {
				text.append('\n');
			}
			if (entry instanceof MessageInputEntry input) {
				text.append(input.role()).append(": ").append(input.text());
			}
			else if (entry instanceof MessageOutputEntry output) {
				text.append("assistant: ").append(output.text());
			}
			else if (entry instanceof FunctionResultEntry result) {
				text.append("function.result ").append(result.toolCallId()).append(": ").append(result.result());
			}
			else {
				text.append(entry.type());
			}
		}
		return text.toString();
	}

}
