package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of output a request asks for. Values this library does not know yet are read
 * as {@link #UNKNOWN}.
 */
public enum ResponseFormatType {

	/** Free text. */
	TEXT("text"),
	/** Any JSON object (JSON mode). */
	JSON_OBJECT("json_object"),
	/** JSON matching a given schema. */
	JSON_SCHEMA("json_schema"),
	/** A value this library does not know yet. */
	UNKNOWN("unknown");

	private final String value;

	ResponseFormatType(String value) {
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
	public static ResponseFormatType of(String value) {
		for (ResponseFormatType candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
