package dev.mistralboot.client.batch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The status of a batch job ({@code BatchJobStatus}). Values this library does not know
 * yet are read as {@link #UNKNOWN}, which is not final.
 */
public enum BatchJobStatus {

	/** Waiting to run. */
	QUEUED("QUEUED", false),
	/** Running. */
	RUNNING("RUNNING", false),
	/** Every request ran (some may have failed: see the error file). Final. */
	SUCCESS("SUCCESS", true),
	/** The job failed. Final. */
	FAILED("FAILED", true),
	/** The job ran out of its {@code timeout_hours}. Final. */
	TIMEOUT_EXCEEDED("TIMEOUT_EXCEEDED", true),
	/** A cancellation was asked for. */
	CANCELLATION_REQUESTED("CANCELLATION_REQUESTED", false),
	/** Cancelled. Final. */
	CANCELLED("CANCELLED", true),
	/** A value this library does not know yet (never send it). */
	UNKNOWN("UNKNOWN", false);

	private final String value;

	private final boolean terminal;

	BatchJobStatus(String value, boolean terminal) {
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
	 * @return {@code true} for SUCCESS, FAILED, TIMEOUT_EXCEEDED and CANCELLED
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
	public static BatchJobStatus of(String value) {
		for (BatchJobStatus candidate : values()) {
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
