package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The service tier a request asks for. Values this library does not know yet are read as
 * {@link #UNKNOWN}.
 */
public enum ServiceTier {

	/** Let Mistral choose. */
	AUTO("auto"),
	/** Only the standard tier. */
	STANDARD_ONLY("standard_only"),
	/** A value this library does not know yet. */
	UNKNOWN("unknown");

	private final String value;

	ServiceTier(String value) {
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
	public static ServiceTier of(String value) {
		for (ServiceTier candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
