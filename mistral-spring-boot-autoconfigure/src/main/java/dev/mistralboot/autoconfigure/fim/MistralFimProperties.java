package dev.mistralboot.autoconfigure.fim;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Lazy;

/**
 * FIM (Codestral) client settings ({@code mistral.fim.*}). Codestral is also served from
 * its own host with its own key: set {@code base-url} and {@code api-key} to use it; they
 * default to the global {@code mistral.base-url} and {@code mistral.api-key}.
 */
@ConfigurationProperties("mistral.fim")
@Lazy
public class MistralFimProperties {

	/**
	 * Whether to create the FIM client beans.
	 */
	private boolean enabled = true;

	/**
	 * Base URL of the FIM endpoint, without /v1, such as https://codestral.mistral.ai
	 * (the global mistral.base-url when unset).
	 */
	private @Nullable String baseUrl;

	/**
	 * API key for the FIM endpoint, such as a Codestral key (the global mistral.api-key
	 * when unset).
	 */
	private @Nullable String apiKey;

	/**
	 * Model used when a request names none.
	 */
	private @Nullable String model = "codestral-latest";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public @Nullable String getModel() {
		return this.model;
	}

	public void setModel(@Nullable String model) {
		this.model = model;
	}

	@Override
	public String toString() {
		return "MistralFimProperties[enabled=" + this.enabled + ", baseUrl=" + this.baseUrl + ", apiKey="
				+ ((this.apiKey != null) ? "******" : "null") + ", model=" + this.model + "]";
	}

}
