package dev.mistralboot.autoconfigure;

/**
 * Thrown at start-up when the Mistral cloud is configured without an API key.
 */
public class MistralApiKeyMissingException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String baseUrl;

	/**
	 * Creates the exception.
	 * @param baseUrl the configured base URL
	 */
	public MistralApiKeyMissingException(String baseUrl) {
		super("No Mistral API key is configured for " + baseUrl
				+ ": set mistral.api-key or the MISTRAL_API_KEY environment variable");
		this.baseUrl = baseUrl;
	}

	/**
	 * The base URL that needs a key.
	 * @return the base URL
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

}
