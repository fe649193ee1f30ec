package dev.mistralboot.client.embeddings;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link EmbeddingRequest.Builder}, which the generated builder
 * implements.
 *
 * @param <B> the builder type
 */
public interface EmbeddingRequestBuilderSupport<B> {

	/**
	 * Sets the texts to embed.
	 * @param input the texts (required, at least one)
	 * @return this builder
	 */
	B input(@Nullable List<String> input);

	/**
	 * Sets the texts to embed.
	 * @param input the texts (required, at least one)
	 * @return this builder
	 */
	default B input(String... input) {
		return input(Arrays.asList(input));
	}

}
