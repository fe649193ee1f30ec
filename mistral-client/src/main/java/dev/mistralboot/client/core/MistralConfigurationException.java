package dev.mistralboot.client.core;

/**
 * A setting of the client cannot work, found while the client is configured (before any
 * call): the message says which setting and what to fix, and never shows a secret.
 */
public class MistralConfigurationException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what is wrong and what to fix
	 */
	public MistralConfigurationException(String message) {
		super(message);
	}

}
