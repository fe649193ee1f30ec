package dev.mistralboot.client.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why the model stopped. Values this library does not know yet are read as
 * {@link #UNKNOWN}.
 */
public enum FinishReason {

	/** The answer is complete. */
	STOP("stop"),
	/** The max_tokens limit was reached. */
	LENGTH("length"),
	/** The model's context length was reached. */
	MODEL_LENGTH("model_length"),
	/** Generation failed. */
	ERROR("error"),
	/** The model asks for tool calls. */
	TOOL_CALLS("tool_calls"),
	/** A value this library does not know yet. */
	UNKNOWN("unknown");

	private final String value;

	FinishReason(String value) {
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
	public static FinishReason of(String value) {
		for (FinishReason candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

	/**
	 * The wire values of the choices' finish reasons, skipping choices that have none
	 * (for observations).
	 */
	static <T> List<String> wireValues(List<T> choices, Function<T, FinishReason> reason) {
		List<String> values = null;
		for (T choice : choices) {
			FinishReason value = reason.apply(choice);
			if (value != null) {
				if (values == null) {
					values = new ArrayList<>(choices.size());
				}
				values.add(value.value());
			}
		}
		return (values != null) ? values : List.of();
	}

}
