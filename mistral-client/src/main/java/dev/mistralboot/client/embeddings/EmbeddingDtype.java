package dev.mistralboot.client.embeddings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The number type of embedding values ({@code output_dtype}; {@code EmbeddingDtype} of
 * the API). Values this library does not know yet are read as {@link #UNKNOWN}.
 */
public enum EmbeddingDtype {

	/** 32-bit floats (the default). */
	FLOAT("float", false),
	/** Signed 8-bit integers, -128 to 127. */
	INT8("int8", false),
	/** Unsigned 8-bit integers, 0 to 255. */
	UINT8("uint8", true),
	/** One bit per dimension, eight dimensions packed per signed 8-bit value. */
	BINARY("binary", false),
	/** One bit per dimension, eight dimensions packed per unsigned 8-bit value. */
	UBINARY("ubinary", true),
	/** A value this library does not know yet. */
	UNKNOWN("unknown", false);

	private final String value;

	private final boolean unsigned;

	EmbeddingDtype(String value, boolean unsigned) {
		this.value = value;
		this.unsigned = unsigned;
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
	 * Whether values of this type are 8-bit integers (all types but {@link #FLOAT} and
	 * {@link #UNKNOWN}).
	 * @return whether each value is one byte
	 */
	public boolean isInteger() {
		return this != FLOAT && this != UNKNOWN;
	}

	/**
	 * Whether the 8-bit values of this type are unsigned ({@link #UINT8},
	 * {@link #UBINARY}).
	 * @return whether values are read as 0 to 255
	 */
	public boolean isUnsigned() {
		return this.unsigned;
	}

	/**
	 * Reads a wire value.
	 * @param value the value
	 * @return the constant, {@link #UNKNOWN} for values not known here
	 */
	@JsonCreator
	public static EmbeddingDtype of(String value) {
		for (EmbeddingDtype candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
