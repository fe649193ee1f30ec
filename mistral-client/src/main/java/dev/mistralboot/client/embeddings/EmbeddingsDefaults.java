package dev.mistralboot.client.embeddings;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Values an embeddings client fills in when a request leaves them out, and how
 * {@code embedAll} splits many inputs into requests ({@code mistral.embeddings.*}).
 *
 * @param model the default model, such as {@code mistral-embed}
 * @param batchSize the most inputs {@code embedAll} sends in one request (at least 1)
 * @param concurrency the most requests {@code embedAll} has in flight at once (at least
 * 1)
 * @param maxBatchCharacters the most characters of input {@code embedAll} sends in one
 * request, a rough guard against the API's per-request token limit; {@code null} for no
 * limit (an input longer than this goes alone in its request)
 */
public record EmbeddingsDefaults(@Nullable String model, int batchSize, int concurrency,
		@Nullable Integer maxBatchCharacters) {

	/** The default batch size. */
	public static final int DEFAULT_BATCH_SIZE = 128;

	/** The default concurrency. */
	public static final int DEFAULT_CONCURRENCY = 4;

	/** No default model; default batch size and concurrency, no character limit. */
	public static final EmbeddingsDefaults NONE = new EmbeddingsDefaults(null, DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY,
			null);

	/**
	 * Validates the settings.
	 */
	public EmbeddingsDefaults {
		if (batchSize < 1) {
			throw new IllegalArgumentException(
					"batchSize (mistral.embeddings.batch-size) must be at least 1, was " + batchSize);
		}
		if (concurrency < 1) {
			throw new IllegalArgumentException(
					"concurrency (mistral.embeddings.concurrency) must be at least 1, was " + concurrency);
		}
		if (maxBatchCharacters != null && maxBatchCharacters < 1) {
			throw new IllegalArgumentException("maxBatchCharacters (mistral.embeddings.max-batch-characters) must be "
					+ "at least 1 when set, was " + maxBatchCharacters);
		}
	}

	/**
	 * Defaults with only a model.
	 * @param model the model
	 * @return the defaults
	 */
	public static EmbeddingsDefaults ofModel(String model) {
		return new EmbeddingsDefaults(model, DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, null);
	}

	/**
	 * Applies the default model to a request.
	 * @param request the request
	 * @return the request to send
	 * @throws IllegalArgumentException when neither the request nor the defaults name a
	 * model
	 */
	public EmbeddingRequest apply(EmbeddingRequest request) {
		Objects.requireNonNull(request, "request");
		if (request.model() != null) {
			return request;
		}
		if (this.model == null) {
			throw new IllegalArgumentException("The embeddings request names no model: set one with "
					+ "EmbeddingRequest.builder().model(...) or configure mistral.embeddings.model");
		}
		return request.toBuilder().model(this.model).build();
	}

}
