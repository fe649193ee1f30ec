package dev.mistralboot.autoconfigure.tools;

import dev.mistralboot.client.chat.tools.ToolFailurePolicy;
import dev.mistralboot.client.chat.tools.ToolRegistry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Lazy;

/**
 * Tool calling settings ({@code mistral.tools.*}).
 */
@ConfigurationProperties("mistral.tools")
@Lazy
public class MistralToolsProperties {

	/**
	 * Whether to gather the application's @MistralTool methods and ToolCallback beans
	 * into a ToolRegistry bean.
	 */
	private boolean enabled = true;

	/**
	 * Most tool rounds one conversation may run (a chat, or one turn of a conversation of
	 * the conversations API); a model still asking for tools after that ends it with
	 * MistralToolRoundsExceededException (MistralConversationToolRoundsExceededException
	 * for the conversations API).
	 */
	private int maxRounds = ToolRegistry.DEFAULT_MAX_ROUNDS;

	/**
	 * What a conversation does when a tool call fails (unknown tool, arguments that do
	 * not convert, exception thrown by the tool): report it to the model as the call's
	 * result, or throw.
	 */
	private ToolFailurePolicy failurePolicy = ToolFailurePolicy.REPORT_TO_MODEL;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxRounds() {
		return this.maxRounds;
	}

	public void setMaxRounds(int maxRounds) {
		this.maxRounds = maxRounds;
	}

	public ToolFailurePolicy getFailurePolicy() {
		return this.failurePolicy;
	}

	public void setFailurePolicy(ToolFailurePolicy failurePolicy) {
		this.failurePolicy = failurePolicy;
	}

}
