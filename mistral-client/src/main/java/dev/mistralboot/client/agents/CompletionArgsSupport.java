package dev.mistralboot.client.agents;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.mistralboot.client.chat.ToolChoice;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link CompletionArgs}, which the generated record implements:
 * {@code stop} read from a single string as well as from a list, and the checks.
 */
public interface CompletionArgsSupport {

	/**
	 * Sequences that end generation. The API may send one string or a list; both are read
	 * as a list, which is what this library sends.
	 * @return the sequences, or {@code null}
	 */
	@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
	@Nullable List<String> stop();

	/**
	 * Whether and how the model must use tools.
	 * @return the mode, or {@code null}
	 */
	@Nullable ToolChoice toolChoice();

	/**
	 * The most tokens an answer may have.
	 * @return the limit, or {@code null}
	 */
	@Nullable Integer maxTokens();

	/**
	 * The seed for sampling.
	 * @return the seed, or {@code null}
	 */
	@Nullable Long randomSeed();

	/**
	 * Checks the arguments (the builder calls it).
	 * @throws IllegalArgumentException with what to change when the arguments are not
	 * valid
	 */
	default void validate() {
		ToolChoice toolChoice = toolChoice();
		if (toolChoice != null && toolChoice.functionName() != null) {
			throw new IllegalArgumentException("An agent's tool choice is a mode (ToolChoice.AUTO, NONE, ANY or "
					+ "REQUIRED), not a named function: " + toolChoice);
		}
		Integer maxTokens = maxTokens();
		if (maxTokens != null && maxTokens < 0) {
			throw new IllegalArgumentException("maxTokens must not be negative, was " + maxTokens);
		}
		Long randomSeed = randomSeed();
		if (randomSeed != null && randomSeed < 0) {
			throw new IllegalArgumentException("randomSeed must not be negative, was " + randomSeed);
		}
	}

}
