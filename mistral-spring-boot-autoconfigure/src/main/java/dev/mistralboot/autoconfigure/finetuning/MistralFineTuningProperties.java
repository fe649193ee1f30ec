package dev.mistralboot.autoconfigure.finetuning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Lazy;

/**
 * FineTuning client settings ({@code mistral.fine-tuning.*}): how
 * {@code waitForCompletion} polls a job.
 */
@ConfigurationProperties("mistral.fine-tuning")
@Lazy
public class MistralFineTuningProperties {

	/**
	 * Whether to create the fine-tuning client bean.
	 */
	private boolean enabled = true;

	/**
	 * Wait between two reads of a job while waiting for it to finish.
	 */
	private Duration pollInterval = Duration.ofSeconds(10);

	/**
	 * Longest wait for a job to finish before giving up (the job itself goes on).
	 */
	private Duration pollTimeout = Duration.ofHours(24);

	/**
	 * Whether to create the fine-tuning client bean.
	 * @return whether enabled
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether to create the fine-tuning client bean.
	 * @param enabled whether enabled
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * The wait between two reads of a job.
	 * @return the interval
	 */
	public Duration getPollInterval() {
		return this.pollInterval;
	}

	/**
	 * Sets the wait between two reads of a job.
	 * @param pollInterval the interval
	 */
	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	/**
	 * The longest wait for a job to finish.
	 * @return the timeout
	 */
	public Duration getPollTimeout() {
		return this.pollTimeout;
	}

	/**
	 * Sets the longest wait for a job to finish.
	 * @param pollTimeout the timeout
	 */
	public void setPollTimeout(Duration pollTimeout) {
		this.pollTimeout = pollTimeout;
	}

}
