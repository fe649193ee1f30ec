package dev.mistralboot.autoconfigure;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the Mistral API keys in Actuator's {@code /env} and {@code /configprops}
 * endpoints, even when {@code management.endpoint.*.show-values=always}:
 * {@code mistral.api-key}, every {@code mistral.*.api-key} (a family's own key, a Weights
 * &amp; Biases key, ...), every {@code mistral.*.token}, and the {@code MISTRAL_API_KEY}
 * environment variable.
 */
final class MistralSecretsSanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		return isSecret(data.getKey()) ? data.withSanitizedValue() : data;
	}

	/**
	 * Whether a property key names a Mistral secret, in any of the forms Spring Boot
	 * accepts ({@code mistral.api-key}, {@code mistral.apiKey}, {@code MISTRAL_API_KEY},
	 * ...).
	 * @param key the key as the endpoint reports it
	 * @return {@code true} to mask its value
	 */
	static boolean isSecret(String key) {
		String normalized = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", ".");
		if (normalized.equals("mistral.api.key")) { // the MISTRAL_API_KEY variable
			return true;
		}
		if (!normalized.startsWith("mistral.")) {
			return false;
		}
		String name = normalized.replace(".", "");
		return name.endsWith("apikey") || name.endsWith("token") || name.endsWith("secret")
				|| name.endsWith("password");
	}

}
