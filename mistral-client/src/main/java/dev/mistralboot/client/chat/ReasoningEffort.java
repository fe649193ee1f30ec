package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How much a reasoning model thinks before answering. Values this library does not know
 * yet are read as {@link #UNKNOWN}.
 */
public enum ReasoningEffort {

	/** No reasoning. */
	NONE("none"),
	/** Minimal reasoning. */
	MINIMAL("minimal"),
	/** Low effort. */
	LOW("low"),
	/** Medium effort. */
	MEDIUM("medium"),
	/** High effort. */
	HIGH("high"),
	/** Extra-high effort. */
	XHIGH("xhigh"),
	/** A value this library does not know yet. */
	UNKNOWN("unknown");

	private final String value;

	ReasoningEffort(String value) {
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
	public static ReasoningEffort of(String value) {
		for (ReasoningEffort candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
