package dev.mistralboot.client.files;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who can see a file ({@code FileVisibility}). Values this library does not know yet are
 * read as {@link #UNKNOWN}.
 */
public enum FileVisibility {

	/** Everyone in the workspace. */
	WORKSPACE("workspace"),
	/** Only the uploader. */
	USER("user"),
	/** A value this library does not know yet (never send it). */
	UNKNOWN("unknown");

	private final String value;

	FileVisibility(String value) {
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
	public static FileVisibility of(String value) {
		for (FileVisibility candidate : values()) {
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
