package dev.mistralboot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Connection details from {@code mistral.base-url} and {@code mistral.api-key}, falling
 * back to the {@code MISTRAL_API_KEY} environment variable.
 */
final class PropertiesMistralConnectionDetails implements MistralConnectionDetails {

	static final String API_KEY_VARIABLE = "MISTRAL_API_KEY";

	private final String baseUrl;

	private final @Nullable String apiKey;

	PropertiesMistralConnectionDetails(MistralProperties properties, Environment environment) {
		this.baseUrl = properties.getBaseUrl();
		String key = properties.getApiKey();
		if (!StringUtils.hasText(key)) {
			key = environment.getProperty(API_KEY_VARIABLE);
		}
		this.apiKey = StringUtils.hasText(key) ? key.strip() : null;
	}

	@Override
	public String baseUrl() {
		return this.baseUrl;
	}

	@Override
	public @Nullable String apiKey() {
		return this.apiKey;
	}

	@Override
	public String toString() {
		return "MistralConnectionDetails[baseUrl=" + this.baseUrl + ", apiKey="
				+ ((this.apiKey != null) ? "******" : "(none)") + "]";
	}

}
