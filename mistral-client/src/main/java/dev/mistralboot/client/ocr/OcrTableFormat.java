package dev.mistralboot.client.ocr;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How tables are returned ({@code table_format} of an OCR request, {@code format} of a
 * table). Values this library does not know yet are read as {@link #UNKNOWN}.
 */
public enum OcrTableFormat {

	/** Markdown tables. */
	MARKDOWN("markdown"),
	/** HTML tables. */
	HTML("html"),
	/** A value this library does not know yet. */
	UNKNOWN("unknown");

	private final String value;

	OcrTableFormat(String value) {
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
	public static OcrTableFormat of(String value) {
		for (OcrTableFormat candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
