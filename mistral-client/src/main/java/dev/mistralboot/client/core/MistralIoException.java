package dev.mistralboot.client.core;

/**
 * The Mistral API could not be reached or did not answer in time: a connection refused or
 * reset, an unknown host, a TLS failure, a timeout. See {@link MistralTimeoutException}
 * for timeouts.
 */
public class MistralIoException extends MistralException {

	private static final long serialVersionUID = 1L;

	private final boolean connectFailure;

	/**
	 * Creates an I/O exception.
	 * @param message what failed and what to check
	 * @param cause the underlying I/O error
	 * @param connectFailure whether the request never reached the server (and may be
	 * retried)
	 */
	public MistralIoException(String message, Throwable cause, boolean connectFailure) {
		super(message, cause);
		this.connectFailure = connectFailure;
	}

	/**
	 * Whether the failure happened before the request reached the server (connection
	 * refused, unknown host, connect timeout), which makes a retry safe.
	 * @return {@code true} for a connect failure
	 */
	public boolean isConnectFailure() {
		return this.connectFailure;
	}

}
