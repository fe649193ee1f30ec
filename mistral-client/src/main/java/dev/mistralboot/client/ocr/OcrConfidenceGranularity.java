package dev.mistralboot.client.ocr;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The level of OCR confidence scores ({@code confidence_scores_granularity}). Values this
 * library does not know yet are read as {@link #UNKNOWN}.
 */
public enum OcrConfidenceGranularity {

	/** A score per word, plus page averages. */
	WORD("word"),
	/** Page averages only. */
	PAGE("page"),
	/** A score per layout block. */
	BLOCK("block"),
	/** A value this library does not know yet. */
	UNKNOWN("unknown");

	private final String value;

	OcrConfidenceGranularity(String value) {
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
	public static OcrConfidenceGranularity of(String value) {
		for (OcrConfidenceGranularity candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
