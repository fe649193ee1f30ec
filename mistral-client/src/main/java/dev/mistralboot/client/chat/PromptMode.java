package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The system prompt mode of a reasoning model. Values this library does not know yet are
 * read as {@link #UNKNOWN}.
 */
public enum PromptMode {

	/** Use the reasoning system prompt. */
	REASONING("reasoning"),
	/** A value this library does not know yet. */
	UNKNOWN("unknown");

	private final String value;

	PromptMode(String value) {
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
	public static PromptMode of(String value) {
		for (PromptMode candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
