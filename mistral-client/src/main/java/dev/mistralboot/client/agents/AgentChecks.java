package dev.mistralboot.client.agents;

import java.util.List;

import dev.mistralboot.client.chat.Tool;
import org.jspecify.annotations.Nullable;

/**
 * The checks the agent requests share.
 */
final class AgentChecks {

	/** The longest version message the API takes. */
	static final int MAX_VERSION_MESSAGE_LENGTH = 500;

	private AgentChecks() {
	}

	static void check(@Nullable List<Tool> tools, @Nullable List<String> handoffs, @Nullable String versionMessage,
			@Nullable CompletionArgs completionArgs) {
		if (handoffs != null) {
			if (handoffs.isEmpty()) {
				throw new IllegalArgumentException(
						"handoffs must name at least one agent id when set: leave it null for no handoffs");
			}
			for (int i = 0; i < handoffs.size(); i++) {
				if (handoffs.get(i) == null || handoffs.get(i).isBlank()) {
					throw new IllegalArgumentException("handoffs[" + i + "] is blank: give an agent id");
				}
			}
		}
		if (versionMessage != null && versionMessage.length() > MAX_VERSION_MESSAGE_LENGTH) {
			throw new IllegalArgumentException("versionMessage has at most " + MAX_VERSION_MESSAGE_LENGTH
					+ " characters, not " + versionMessage.length());
		}
		if (completionArgs != null) {
			completionArgs.validate();
		}
	}

	static String requireId(@Nullable String id, String what) {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException(what + " must not be blank");
		}
		return id;
	}

}
