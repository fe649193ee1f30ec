package dev.mistralboot.autoconfigure.classifiers;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Lazy;

/**
 * Moderation and classification client settings ({@code mistral.classifiers.*}).
 */
@ConfigurationProperties("mistral.classifiers")
@Lazy
public class MistralClassifiersProperties {

	/**
	 * Whether to create the moderation and classification client beans.
	 */
	private boolean enabled = true;

	/**
	 * Model used by moderations and chat moderations when a request names none.
	 */
	private @Nullable String moderationModel = "mistral-moderation-latest";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getModerationModel() {
		return this.moderationModel;
	}

	public void setModerationModel(@Nullable String moderationModel) {
		this.moderationModel = moderationModel;
	}

}
