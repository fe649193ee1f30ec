package dev.mistralboot.client.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The loss function of a classifier target ({@code FTClassifierLossFunction}). Values
 * this library does not know yet are read as {@link #UNKNOWN}.
 */
public enum ClassifierLossFunction {

	/** Exactly one label per sample. */
	SINGLE_CLASS("single_class"),
	/** Any number of labels per sample. */
	MULTI_CLASS("multi_class"),
	/** A value this library does not know yet (never send it). */
	UNKNOWN("unknown");

	private final String value;

	ClassifierLossFunction(String value) {
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
	public static ClassifierLossFunction of(String value) {
		for (ClassifierLossFunction candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
