package dev.mistralboot.client.ocr;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of a page layout block (the {@code type} of {@code OCRTextBlock},
 * {@code OCRTableBlock}, ...). Values this library does not know yet are read as
 * {@link #UNKNOWN}.
 */
public enum OcrBlockType {

	/** Body text. */
	TEXT("text"),
	/** A list. */
	LIST("list"),
	/** An image; its {@code image_id} names the extracted image. */
	IMAGE("image"),
	/** A table; its {@code table_id} names the extracted table. */
	TABLE("table"),
	/** A title. */
	TITLE("title"),
	/** An equation. */
	EQUATION("equation"),
	/** A caption. */
	CAPTION("caption"),
	/** Source code. */
	CODE("code"),
	/** A list of references. */
	REFERENCES("references"),
	/** Text set aside from the main flow. */
	ASIDE_TEXT("aside_text"),
	/** A page header. */
	HEADER("header"),
	/** A page footer. */
	FOOTER("footer"),
	/** A signature. */
	SIGNATURE("signature"),
	/** A value this library does not know yet. */
	UNKNOWN("unknown");

	private final String value;

	OcrBlockType(String value) {
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
	public static OcrBlockType of(String value) {
		for (OcrBlockType candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
