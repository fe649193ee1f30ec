package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The detail level of an image. Values this library does not know are read as
 * {@link #UNKNOWN}.
 */
public enum ImageDetail {

	/** Low detail. */
	LOW("low"),
	/** Let the model choose. */
	AUTO("auto"),
	/** High detail. */
	HIGH("high"),
	/** A value this library does not know. */
	UNKNOWN("unknown");

	private final String value;

	ImageDetail(String value) {
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
	public static ImageDetail of(String value) {
		for (ImageDetail candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
