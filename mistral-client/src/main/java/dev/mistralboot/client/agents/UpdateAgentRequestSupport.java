package dev.mistralboot.client.agents;

import java.util.List;

import dev.mistralboot.client.chat.Tool;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link UpdateAgentRequest}, which the generated record
 * implements: its checks.
 */
public interface UpdateAgentRequestSupport {

	/**
	 * The agent's new tools.
	 * @return the tools, or {@code null}
	 */
	@Nullable List<Tool> tools();

	/**
	 * Ids of the agents this one may hand the conversation to.
	 * @return the ids, or {@code null}
	 */
	@Nullable List<String> handoffs();

	/**
	 * A note on the version this update creates.
	 * @return the note, or {@code null}
	 */
	@Nullable String versionMessage();

	/**
	 * The default completion arguments.
	 * @return the arguments, or {@code null}
	 */
	@Nullable CompletionArgs completionArgs();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException with what to change when the request is not valid
	 */
	default void validate() {
		AgentChecks.check(tools(), handoffs(), versionMessage(), completionArgs());
	}

}
