package dev.mistralboot.autoconfigure;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where the Mistral API is and how to authenticate. By default read from
 * {@code mistral.base-url} and {@code mistral.api-key} (or {@code MISTRAL_API_KEY});
 * define a bean of this type to supply them another way (a secret store, a test server).
 */
public interface MistralConnectionDetails {

	/**
	 * The base URL, without {@code /v1}.
	 * @return the base URL
	 */
	String baseUrl();

	/**
	 * The API key, or {@code null} for a server without authentication.
	 * @return the key
	 */
	@Nullable String apiKey();

	/**
	 * Whether the base URL is Mistral's own cloud, which needs a key.
	 * @return {@code true} for a host under {@code mistral.ai}
	 */
	default boolean isMistralCloud() {
		try {
			String host = URI.create(baseUrl()).getHost();
			return host != null && (host.toLowerCase(Locale.ROOT).equals("mistral.ai")
					|| host.toLowerCase(Locale.ROOT).endsWith(".mistral.ai"));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
