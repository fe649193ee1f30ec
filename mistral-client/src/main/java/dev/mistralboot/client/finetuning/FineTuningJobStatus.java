package dev.mistralboot.client.finetuning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The status of a fine-tuning job. Values this library does not know yet are read as
 * {@link #UNKNOWN}, which is not final.
 */
public enum FineTuningJobStatus {

	/** Waiting to start. */
	QUEUED("QUEUED", false),
	/** Started. */
	STARTED("STARTED", false),
	/** Checking the training data. */
	VALIDATING("VALIDATING", false),
	/**
	 * The training data passed validation (a job without auto start waits for a start).
	 */
	VALIDATED("VALIDATED", false),
	/** Training. */
	RUNNING("RUNNING", false),
	/** The training data failed validation: see the job's events. Final. */
	FAILED_VALIDATION("FAILED_VALIDATION", true),
	/** Training failed. Final. */
	FAILED("FAILED", true),
	/** The model is trained. Final. */
	SUCCESS("SUCCESS", true),
	/** Cancelled. Final. */
	CANCELLED("CANCELLED", true),
	/** A cancellation was asked for. */
	CANCELLATION_REQUESTED("CANCELLATION_REQUESTED", false),
	/** A value this library does not know yet (never send it). */
	UNKNOWN("UNKNOWN", false);

	private final String value;

	private final boolean terminal;

	FineTuningJobStatus(String value, boolean terminal) {
		this.value = value;
		this.terminal = terminal;
	}

	/**
	 * The wire value.
	 * @return the value
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Whether the job will not change any more.
	 * @return {@code true} for SUCCESS, FAILED, FAILED_VALIDATION and CANCELLED
	 */
	public boolean isTerminal() {
		return this.terminal;
	}

	/**
	 * Reads a wire value.
	 * @param value the value
	 * @return the constant, {@link #UNKNOWN} for values not known here
	 */
	@JsonCreator
	public static FineTuningJobStatus of(String value) {
		for (FineTuningJobStatus candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
