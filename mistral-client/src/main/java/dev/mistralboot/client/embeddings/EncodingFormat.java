package dev.mistralboot.client.embeddings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How embedding values travel in the answer ({@code encoding_format};
 * {@code EncodingFormat} of the API): JSON numbers, or one base64 string per vector.
 * Whichever form arrives is decoded to the same arrays (see {@link Embedding}). Values
 * this library does not know yet are read as {@link #UNKNOWN}.
 */
public enum EncodingFormat {

	/** JSON arrays of numbers (the default). */
	FLOAT("float"),
	/** One base64 string per vector. */
	BASE64("base64"),
	/** A value this library does not know yet. */
	UNKNOWN("unknown");

	private final String value;

	EncodingFormat(String value) {
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
	public static EncodingFormat of(String value) {
		for (EncodingFormat candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
