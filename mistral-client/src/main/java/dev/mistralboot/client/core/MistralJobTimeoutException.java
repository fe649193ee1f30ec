package dev.mistralboot.client.core;

import java.time.Duration;

/**
 * A job (fine-tuning, batch) did not reach a final status within the time a caller was
 * prepared to wait. The job itself goes on: cancel it, or wait again.
 */
public class MistralJobTimeoutException extends MistralException {

	private static final long serialVersionUID = 1L;

	private final Duration timeout;

	private final transient Object lastSeen;

	/**
	 * Creates the exception.
	 * @param message which job, its last status, and what to change
	 * @param timeout how long the caller waited
	 * @param lastSeen the job as last read
	 */
	public MistralJobTimeoutException(String message, Duration timeout, Object lastSeen) {
		super(message);
		this.timeout = timeout;
		this.lastSeen = lastSeen;
	}

	/**
	 * How long the caller waited.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * The job as last read (a {@code FineTuningJob} or a {@code BatchJob}).
	 * @return the job
	 */
	public Object getLastSeen() {
		return this.lastSeen;
	}

}
