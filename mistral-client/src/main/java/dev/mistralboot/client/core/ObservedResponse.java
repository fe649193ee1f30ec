package dev.mistralboot.client.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an observation may record about a response body or a stream chunk: its id, the
 * model that answered, token usage, finish reasons and, only when content recording is
 * switched on, the answer text. Response and chunk types of the endpoint families
 * implement it; record components named {@code id}, {@code model} and {@code usage}
 * implement the first three for free.
 * <p>
 * For a stream, the observation keeps the first id and model seen, the last usage
 * (normally on the final chunk), every finish reason, and the answer text joined across
 * chunks.
 *
 * @see MistralObservationContext
 */
public interface ObservedResponse {

	/**
	 * The response id.
	 * @return the id, or {@code null}
	 */
	@Nullable String id();

	/**
	 * The model that answered.
	 * @return the model, or {@code null}
	 */
	@Nullable String model();

	/**
	 * Token usage.
	 * @return the usage, or {@code null} when this body or chunk carries none
	 */
	@Nullable UsageInfo usage();

	/**
	 * Why generation stopped, one entry per answer that has stopped.
	 * @return the wire values, such as {@code stop}; empty when none is known yet
	 */
	default List<String> finishReasons() {
		return List.of();
	}

	/**
	 * The answer as plain text, recorded only when content recording is switched on.
	 * @return the text, or {@code null} when the body has none
	 */
	default @Nullable String observedOutput() {
		return null;
	}

}
