package dev.mistralboot.client.files;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a file comes from ({@code Source}). Values this library does not know yet are
 * read as {@link #UNKNOWN}.
 */
public enum FileSource {

	/** Uploaded by a user. */
	UPLOAD("upload"),
	/** Taken from a repository. */
	REPOSITORY("repository"),
	/** Written by Mistral (batch results). */
	MISTRAL("mistral"),
	/** A value this library does not know yet (never send it). */
	UNKNOWN("unknown");

	private final String value;

	FileSource(String value) {
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
	public static FileSource of(String value) {
		for (FileSource candidate : values()) {
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
