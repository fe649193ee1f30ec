package dev.mistralboot.autoconfigure.files;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Lazy;

/**
 * Files client settings ({@code mistral.files.*}).
 */
@ConfigurationProperties("mistral.files")
@Lazy
public class MistralFilesProperties {

	/**
	 * Whether to create the files client bean.
	 */
	private boolean enabled = true;

	/**
	 * Whether to create the files client bean.
	 * @return whether enabled
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether to create the files client bean.
	 * @param enabled whether enabled
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
