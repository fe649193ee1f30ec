package dev.mistralboot.autoconfigure;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Mistral API is and how to authenticate: Spring Boot
 * {@link ConnectionDetails}. By default read from {@code mistral.base-url} and
 * {@code mistral.api-key} (or {@code MISTRAL_API_KEY}); define a bean of this type to
 * supply them another way (a secret store, a test server, a container), for example
 * {@code MistralConnectionDetails.of(server.baseUrl(), null)}.
 */
public interface MistralConnectionDetails extends ConnectionDetails {

	/**
	 * Connection details with a fixed base URL and key; the key never appears in
	 * {@code toString()}.
	 * @param baseUrl the base URL, without {@code /v1}
	 * @param apiKey the key, or {@code null} for a server without authentication
	 * @return the connection details
	 * @throws IllegalArgumentException when the base URL is blank
	 */
	static MistralConnectionDetails of(String baseUrl, @Nullable String apiKey) {
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new IllegalArgumentException("baseUrl must not be blank: give the server's URL, such as "
					+ "http://127.0.0.1:8089 (without /v1)");
		}
		return new MistralConnectionDetails() {

			@Override
			public String baseUrl() {
				return baseUrl;
			}

			@Override
			public @Nullable String apiKey() {
				return apiKey;
			}

			@Override
			public String toString() {
				return "MistralConnectionDetails[baseUrl=" + baseUrl + ", apiKey="
						+ ((apiKey != null) ? "******" : "(none)") + "]";
			}

		};
	}

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
