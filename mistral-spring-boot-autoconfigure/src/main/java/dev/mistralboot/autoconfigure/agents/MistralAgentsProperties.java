package dev.mistralboot.autoconfigure.agents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Lazy;

/**
 * Agents client settings ({@code mistral.agents.*}).
 */
@ConfigurationProperties("mistral.agents")
@Lazy
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
