package dev.mistralboot.client.conversations;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads lists of entries: by kind, their text, their model.
 */
final class ConversationOutputs {

	private ConversationOutputs() {
	}

	static <T extends ConversationEntry> List<T> of(List<ConversationEntry> entries, Class<T> kind) {
		List<T> found = new ArrayList<>();
		for (ConversationEntry entry : entries) {
			if (kind.isInstance(entry)) {
				found.add(kind.cast(entry));
			}
		}
		return List.copyOf(found);
	}

	static String text(List<ConversationEntry> entries) {
		StringBuilder text = new StringBuilder();
		for (ConversationEntry entry : entries) {
			if (entry instanceof MessageOutputEntry message) {
				text.append(message.text());
			}
		}
		return text.toString();
	}

	static @Nullable String model(List<ConversationEntry> entries) {
		for (ConversationEntry entry : entries) {
			String model = null;
			if (entry instanceof MessageOutputEntry message) {
				model = message.model();
			}
			else if (entry instanceof FunctionCallEntry call) {
				model = call.model();
			}
			else if (entry instanceof ToolExecutionEntry execution) {
				model = execution.model();
			}
			if (model != null) {
				return model;
			}
		}
		return null;
	}

}
