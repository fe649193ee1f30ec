package dev.mistralboot.autoconfigure.agents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Agents completion client settings ({@code mistral.agents.*}).
 */
@ConfigurationProperties("mistral.agents")
public class MistralAgentsProperties {

	/**
	 * Whether to create the agents completion client beans.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
