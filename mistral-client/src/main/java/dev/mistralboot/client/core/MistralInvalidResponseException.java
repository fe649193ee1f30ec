package dev.mistralboot.client.core;

import org.jspecify.annotations.Nullable;

/**
 * A successful response whose body could not be read as the expected type (not JSON,
 * truncated, or of another shape). The raw body is kept for diagnosis.
 */
public class MistralInvalidResponseException extends MistralException {

	private static final long serialVersionUID = 1L;

	private final String rawBody;

	/**
	 * Creates an invalid-response exception.
	 * @param message what could not be read
	 * @param rawBody the body as received (may be truncated for very large bodies)
	 * @param cause the parse error
	 */
	public MistralInvalidResponseException(String message, String rawBody, @Nullable Throwable cause) {
		super(message, cause);
		this.rawBody = rawBody;
	}

	/**
	 * The body as received.
	 * @return the raw body text
	 */
	public String getRawBody() {
		return this.rawBody;
	}

}
