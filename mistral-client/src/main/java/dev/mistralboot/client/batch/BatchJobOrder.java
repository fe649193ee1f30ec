package dev.mistralboot.client.batch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The order of {@code GET /v1/batch/jobs} ({@code order_by}). Values this library does
 * not know yet are read as {@link #UNKNOWN}.
 */
public enum BatchJobOrder {

	/** Oldest first. */
	OLDEST_FIRST("created"),
	/** Newest first (the API's default). */
	NEWEST_FIRST("-created"),
	/** A value this library does not know yet (never send it). */
	UNKNOWN("unknown");

	private final String value;

	BatchJobOrder(String value) {
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
	public static BatchJobOrder of(String value) {
		for (BatchJobOrder candidate : values()) {
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
