package dev.mistralboot.autoconfigure.chat;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Lazy;

/**
 * Chat client settings and request defaults ({@code mistral.chat.*}). Defaults apply only
 * when a request leaves the value out.
 */
@ConfigurationProperties("mistral.chat")
@Lazy
public class MistralChatProperties {

	/**
	 * Whether to create the chat client beans.
	 */
	private boolean enabled = true;

	/**
	 * Model used when a request names none, such as mistral-small-latest.
	 */
	private @Nullable String model = "mistral-small-latest";

	/**
	 * Sampling temperature used when a request sets none (the API's default when unset).
	 */
	private @Nullable Double temperature;

	/**
	 * Answer length limit in tokens used when a request sets none (the API's default when
	 * unset).
	 */
	private @Nullable Integer maxTokens;

	/**
	 * Whether to inject Mistral's safety prompt when a request does not say (the API's
	 * default when unset).
	 */
	private @Nullable Boolean safePrompt;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getModel() {
		return this.model;
	}

	public void setModel(@Nullable String model) {
		this.model = model;
	}

	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	public void setTemperature(@Nullable Double temperature) {
		this.temperature = temperature;
	}

	public @Nullable Integer getMaxTokens() {
		return this.maxTokens;
	}

	public void setMaxTokens(@Nullable Integer maxTokens) {
		this.maxTokens = maxTokens;
	}

	public @Nullable Boolean getSafePrompt() {
		return this.safePrompt;
	}

	public void setSafePrompt(@Nullable Boolean safePrompt) {
		this.safePrompt = safePrompt;
	}

}
