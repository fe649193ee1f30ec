package dev.mistralboot.client.agents;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link CompletionArgs.Builder}, which the generated builder
 * implements.
 *
 * @param <B> the builder type
 */
public interface CompletionArgsBuilderSupport<B> {

	/**
	 * Sets the sequences that end generation.
	 * @param stop the sequences
	 * @return this builder
	 */
	B stop(@Nullable List<String> stop);

	/**
	 * Sets the sequences that end generation.
	 * @param stop the sequences
	 * @return this builder
	 */
	default B stop(String... stop) {
		return stop(Arrays.asList(stop));
	}

}
