package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a guardrail does when moderation flags content. Values this library does not know
 * yet are read as {@link #UNKNOWN}.
 */
public enum ModerationAction {

	/** Only report. */
	NONE("none"),
	/** Block the request. */
	BLOCK("block"),
	/** A value this library does not know yet. */
	UNKNOWN("unknown");

	private final String value;

	ModerationAction(String value) {
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
	public static ModerationAction of(String value) {
		for (ModerationAction candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
