package dev.mistralboot.client.files;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a file is for ({@code FilePurpose}). Values this library does not know yet are
 * read as {@link #UNKNOWN}.
 */
public enum FilePurpose {

	/** Training or validation data of a fine-tuning job. */
	FINE_TUNE("fine-tune"),
	/** Input, output or error file of a batch job. */
	BATCH("batch"),
	/** A document to run OCR on. */
	OCR("ocr"),
	/** A value this library does not know yet (never send it). */
	UNKNOWN("unknown");

	private final String value;

	FilePurpose(String value) {
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
	public static FilePurpose of(String value) {
		for (FilePurpose candidate : values()) {
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
