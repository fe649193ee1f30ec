package dev.mistralboot.autoconfigure.libraries;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Lazy;

/**
 * Document libraries client settings ({@code mistral.libraries.*}): how
 * {@code waitForDocumentProcessing} polls a document's status.
 */
@ConfigurationProperties("mistral.libraries")
@Lazy
public class MistralLibrariesProperties {

	/**
	 * Whether to create the document libraries client beans.
	 */
	private boolean enabled = true;

	/**
	 * Wait between two reads of a document's status while waiting for its processing.
	 */
	private Duration pollInterval = Duration.ofSeconds(2);

	/**
	 * Longest wait for a document's processing before giving up (the processing itself
	 * goes on).
	 */
	private Duration pollTimeout = Duration.ofMinutes(30);

	/**
	 * Whether to create the document libraries client beans.
	 * @return whether enabled
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether to create the document libraries client beans.
	 * @param enabled whether enabled
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * The wait between two reads of a document's status.
	 * @return the interval
	 */
	public Duration getPollInterval() {
		return this.pollInterval;
	}

	/**
	 * Sets the wait between two reads of a document's status.
	 * @param pollInterval the interval
	 */
	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	/**
	 * The longest wait for a document's processing.
	 * @return the timeout
	 */
	public Duration getPollTimeout() {
		return this.pollTimeout;
	}

	/**
	 * Sets the longest wait for a document's processing.
	 * @param pollTimeout the timeout
	 */
	public void setPollTimeout(Duration pollTimeout) {
		this.pollTimeout = pollTimeout;
	}

}
