package dev.mistralboot.client.files;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of samples a file holds ({@code SampleType}). Values this library does not
 * know yet are read as {@link #UNKNOWN}.
 */
public enum SampleType {

	/** Pre-training text. */
	PRETRAIN("pretrain"),
	/** Instruction (chat) samples. */
	INSTRUCT("instruct"),
	/** Batch requests. */
	BATCH_REQUEST("batch_request"),
	/** Batch results. */
	BATCH_RESULT("batch_result"),
	/** Batch errors. */
	BATCH_ERROR("batch_error"),
	/** A value this library does not know yet (never send it). */
	UNKNOWN("unknown");

	private final String value;

	SampleType(String value) {
		this.value = value;
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
	 * Reads a wire value.
	 * @param value the value
	 * @return the constant, {@link #UNKNOWN} for values not known here
	 */
	@JsonCreator
	public static SampleType of(String value) {
		for (SampleType candidate : values()) {
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
