package dev.mistralboot.client.core;

import java.time.Duration;

/**
 * A call took longer than a configured timeout: the connect timeout, the response timeout
 * of a non-streaming call, or the longest silence allowed between two events of a stream.
 */
public class MistralTimeoutException extends MistralIoException {

	private static final long serialVersionUID = 1L;

	private final Duration timeout;

	/**
	 * Creates a timeout exception.
	 * @param message which timeout expired and which property sets it
	 * @param timeout the timeout that expired
	 * @param cause the underlying error
	 * @param connectFailure whether it was the connect timeout
	 */
	public MistralTimeoutException(String message, Duration timeout, Throwable cause, boolean connectFailure) {
		super(message, cause, connectFailure);
		this.timeout = timeout;
	}

	/**
	 * The timeout that expired.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
