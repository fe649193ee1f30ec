package dev.mistralboot.autoconfigure.agents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Agents client settings ({@code mistral.agents.*}).
 */
@ConfigurationProperties("mistral.agents")
public class MistralAgentsProperties {

	/**
	 * Whether to create the agents client beans (agents, their versions and aliases, and
	 * agents completions).
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
