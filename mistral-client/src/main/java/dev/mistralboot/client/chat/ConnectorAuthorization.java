package dev.mistralboot.client.chat;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The credential of a connector: an OAuth2 token or an API key. The secret is never shown
 * by {@link #toString()}.
 *
 * @param type {@code oauth2-token} or {@code api-key}
 * @param value the secret
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "type", "value" })
public record ConnectorAuthorization(@JsonProperty("type") String type, @JsonProperty("value") String value) {

	/**
	 * Validates the credential.
	 */
	public ConnectorAuthorization {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(value, "A connector credential needs a value");
	}

	/**
	 * An OAuth2 token.
	 * @param token the token
	 * @return the credential
	 */
	public static ConnectorAuthorization oauth2Token(String token) {
		return new ConnectorAuthorization("oauth2-token", token);
	}

	/**
	 * An API key.
	 * @param key the key
	 * @return the credential
	 */
	public static ConnectorAuthorization apiKey(String key) {
		return new ConnectorAuthorization("api-key", key);
	}

	@Override
	public String toString() {
		return "ConnectorAuthorization[type=" + this.type + ", value=******]";
	}

}
