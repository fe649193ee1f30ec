package dev.mistralboot.autoconfigure.conversations;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Lazy;

/**
 * Conversations client settings ({@code mistral.conversations.*}): whom a conversation
 * talks to when the request that starts it names neither an agent nor a model.
 * <p>
 * Neither has a default: a start that names nobody then fails before sending, rather than
 * talking to a model the application did not choose. With both set, the agent wins and
 * the model is not used. Appending to and restarting a conversation keep the
 * conversation's own agent or model.
 */
@ConfigurationProperties("mistral.conversations")
@Lazy
public class MistralConversationsProperties {

	/**
	 * Whether to create the conversations client beans.
	 */
	private boolean enabled = true;

	/**
	 * Id of the agent a started conversation talks to when the request names neither an
	 * agent nor a model.
	 */
	private @Nullable String agentId;

	/**
	 * Model a started conversation talks to when the request names neither an agent nor a
	 * model and no agent-id is set, such as mistral-medium-latest.
	 */
	private @Nullable String model;

	/**
	 * Whether to create the conversations client beans.
	 * @return whether enabled
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether to create the conversations client beans.
	 * @param enabled whether enabled
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * The default agent of started conversations.
	 * @return the agent id, or {@code null} for none
	 */
	public @Nullable String getAgentId() {
		return this.agentId;
	}

	/**
	 * Sets the default agent of started conversations.
	 * @param agentId the agent id, or {@code null} for none
	 */
	public void setAgentId(@Nullable String agentId) {
		this.agentId = agentId;
	}

	/**
	 * The default model of started conversations, used when no agent is set.
	 * @return the model, or {@code null} for none
	 */
	public @Nullable String getModel() {
		return this.model;
	}

	/**
	 * Sets the default model of started conversations, used when no agent is set.
	 * @param model the model, or {@code null} for none
	 */
	public void setModel(@Nullable String model) {
		this.model = model;
	}

}
