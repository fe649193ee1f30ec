package dev.mistralboot.client.fim;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link FimCompletionRequest}, which the generated record
 * implements: its checks.
 */
public interface FimCompletionRequestSupport {

	/**
	 * The model.
	 * @return the model, or {@code null} for the client's default
	 */
	@Nullable String model();

	/**
	 * Nucleus sampling.
	 * @return the probability mass, or {@code null}
	 */
	@Nullable Double topP();

	/**
	 * The most tokens the completion may have.
	 * @return the count, or {@code null}
	 */
	@Nullable Integer maxTokens();

	/**
	 * The fewest tokens the completion may have.
	 * @return the count, or {@code null}
	 */
	@Nullable Integer minTokens();

	/**
	 * The seed for sampling.
	 * @return the seed, or {@code null}
	 */
	@Nullable Long randomSeed();

	/**
	 * The code before the gap.
	 * @return the prompt
	 */
	@Nullable String prompt();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when the prompt is missing or a value is out of
	 * range
	 */
	default void validate() {
		if (prompt() == null) {
			throw new IllegalArgumentException("A FIM request needs a prompt (the code before the gap): set it with "
					+ "FimCompletionRequest.builder().prompt(\"...\")");
		}
		String model = model();
		if (model != null && model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank");
		}
		Double topP = topP();
		if (topP != null && (topP <= 0 || topP > 1)) {
			throw new IllegalArgumentException("topP must be above 0 and at most 1, was " + topP);
		}
		Integer maxTokens = maxTokens();
		if (maxTokens != null && maxTokens < 0) {
			throw new IllegalArgumentException("maxTokens must not be negative, was " + maxTokens);
		}
		Integer minTokens = minTokens();
		if (minTokens != null && minTokens < 0) {
			throw new IllegalArgumentException("minTokens must not be negative, was " + minTokens);
		}
		if (minTokens != null && maxTokens != null && minTokens > maxTokens) {
			throw new IllegalArgumentException(
					"minTokens (" + minTokens + ") must not exceed maxTokens (" + maxTokens + ")");
		}
		Long randomSeed = randomSeed();
		if (randomSeed != null && randomSeed < 0) {
			throw new IllegalArgumentException("randomSeed must not be negative, was " + randomSeed);
		}
	}

}
