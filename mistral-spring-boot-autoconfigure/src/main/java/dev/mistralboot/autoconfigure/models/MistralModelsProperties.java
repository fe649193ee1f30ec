package dev.mistralboot.autoconfigure.models;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Lazy;

/**
 * Models client settings ({@code mistral.models.*}).
 */
@ConfigurationProperties("mistral.models")
@Lazy
public class MistralModelsProperties {

	/**
	 * Whether to create the models client bean.
	 */
	private boolean enabled = true;

	/**
	 * Whether to create the models client bean.
	 * @return whether enabled
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether to create the models client bean.
	 * @param enabled whether enabled
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
