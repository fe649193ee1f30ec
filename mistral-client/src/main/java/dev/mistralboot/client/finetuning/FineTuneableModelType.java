package dev.mistralboot.client.finetuning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of model a fine-tuning job trains ({@code FineTuneableModelType}). Values this
 * library does not know yet are read as {@link #UNKNOWN}.
 */
public enum FineTuneableModelType {

	/** A completion (chat) model. */
	COMPLETION("completion"),
	/** A classifier. */
	CLASSIFIER("classifier"),
	/** A value this library does not know yet (never send it). */
	UNKNOWN("unknown");

	private final String value;

	FineTuneableModelType(String value) {
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
	public static FineTuneableModelType of(String value) {
		for (FineTuneableModelType candidate : values()) {
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
