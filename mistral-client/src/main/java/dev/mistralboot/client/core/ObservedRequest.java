package dev.mistralboot.client.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an observation may record about a request body: the sampling options of generation
 * requests (span tags such as {@code gen_ai.request.temperature}) and, only when content
 * recording is switched on, the prompt text. Request types of the endpoint families
 * implement it; every method has a {@code null} default, so a type implements only what
 * it has. Record components with these names implement them for free.
 *
 * @see MistralObservationContext
 */
public interface ObservedRequest {

	/**
	 * The sampling temperature.
	 * @return the temperature, or {@code null} when not set
	 */
	default @Nullable Double temperature() {
		return null;
	}

	/**
	 * The nucleus sampling mass.
	 * @return top-p, or {@code null} when not set
	 */
	default @Nullable Double topP() {
		return null;
	}

	/**
	 * The most tokens the answer may have.
	 * @return max tokens, or {@code null} when not set
	 */
	default @Nullable Integer maxTokens() {
		return null;
	}

	/**
	 * The presence penalty.
	 * @return the penalty, or {@code null} when not set
	 */
	default @Nullable Double presencePenalty() {
		return null;
	}

	/**
	 * The frequency penalty.
	 * @return the penalty, or {@code null} when not set
	 */
	default @Nullable Double frequencyPenalty() {
		return null;
	}

	/**
	 * The sampling seed.
	 * @return the seed, or {@code null} when not set
	 */
	default @Nullable Long randomSeed() {
		return null;
	}

	/**
	 * The stop sequences.
	 * @return the sequences, or {@code null} when not set
	 */
	default @Nullable List<String> stop() {
		return null;
	}

	/**
	 * The number of answers asked for.
	 * @return the count, or {@code null} when not set
	 */
	default @Nullable Integer n() {
		return null;
	}

	/**
	 * The prompt as plain text, recorded only when content recording is switched on
	 * ({@code mistral.observations.include-content}).
	 * @return the prompt text, or {@code null} when the request has none
	 */
	default @Nullable String observedInput() {
		return null;
	}

	/**
	 * The agent the request talks to ({@code gen_ai.agent.id}), for the requests that
	 * name one: a conversation started with an agent, an agents completion.
	 * @return the agent id, or {@code null}
	 */
	default @Nullable String agentId() {
		return null;
	}

}
