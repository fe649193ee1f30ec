package dev.mistralboot.client.agents;

import java.util.List;

import dev.mistralboot.client.chat.Tool;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link CreateAgentRequest}, which the generated record
 * implements: its checks.
 */
public interface CreateAgentRequestSupport {

	/**
	 * The model the agent uses.
	 * @return the model, or {@code null}
	 */
	@Nullable String model();

	/**
	 * The agent's name.
	 * @return the name, or {@code null}
	 */
	@Nullable String name();

	/**
	 * The agent's tools.
	 * @return the tools, or {@code null}
	 */
	@Nullable List<Tool> tools();

	/**
	 * Ids of the agents this one may hand the conversation to.
	 * @return the ids, or {@code null}
	 */
	@Nullable List<String> handoffs();

	/**
	 * A note on the version this request creates.
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
	 * @throws IllegalArgumentException with what to set when the request is not valid
	 */
	default void validate() {
		String model = model();
		if (model == null || model.isBlank()) {
			throw new IllegalArgumentException("An agent needs a model: set it with "
					+ "CreateAgentRequest.builder().model(\"mistral-medium-latest\")");
		}
		String name = name();
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException(
					"An agent needs a name: set it with CreateAgentRequest.builder().name(\"...\")");
		}
		AgentChecks.check(tools(), handoffs(), versionMessage(), completionArgs());
	}

}
