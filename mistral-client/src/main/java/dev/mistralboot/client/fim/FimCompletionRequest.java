package dev.mistralboot.client.fim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A fill-in-the-middle completion request ({@code FIMCompletionRequest} of the API): the
 * model writes the code between {@code prompt} and {@code suffix}. Immutable; build it
 * with {@link #builder()}, derive variants with {@link #toBuilder()}. Fields left
 * {@code null} are not sent, so the API's defaults (or the client's configured model,
 * {@code mistral.fim.model}) apply.
 *
 * <pre>{@code
 * FimCompletionRequest request = FimCompletionRequest.builder()
 *     .prompt("def fibonacci(n: int):")
 *     .suffix("print(fibonacci(10))")
 *     .maxTokens(64)
 *     .build();
 * }</pre>
 *
 * @param model the model, such as {@code codestral-latest}; when {@code null} the
 * client's default model is used
 * @param temperature sampling temperature (0 to 1.5 in the API description; lower is more
 * deterministic)
 * @param topP nucleus sampling: the probability mass of tokens considered (above 0, at
 * most 1)
 * @param maxTokens the most tokens the completion may have
 * @param stream whether to stream; set by the client's {@code stream} methods, leave
 * {@code null}
 * @param stop sequences that end generation
 * @param randomSeed the seed for sampling, for reproducible completions
 * @param metadata free metadata attached to the request
 * @param prompt the code before the gap (required; may be empty)
 * @param suffix the code after the gap; the model completes between {@code prompt} and
 * {@code suffix}
 * @param minTokens the fewest tokens the completion may have
 * @param promptCacheKey a key grouping requests that share a prompt prefix, for caching
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FimCompletionRequest(@Nullable String model, @Nullable Double temperature, @Nullable Double topP,
		@Nullable Integer maxTokens, @Nullable Boolean stream, @Nullable List<String> stop, @Nullable Long randomSeed,
		@Nullable Map<String, Object> metadata, String prompt, @Nullable String suffix, @Nullable Integer minTokens,
		@Nullable String promptCacheKey) {

	/**
	 * Validates the request and copies its lists.
	 */
	public FimCompletionRequest {
		if (prompt == null) {
			throw new IllegalArgumentException("A FIM request needs a prompt (the code before the gap): set it with "
					+ "FimCompletionRequest.builder().prompt(\"...\")");
		}
		stop = (stop != null) ? List.copyOf(stop) : null;
		if (model != null && model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank");
		}
		if (topP != null && (topP <= 0 || topP > 1)) {
			throw new IllegalArgumentException("topP must be above 0 and at most 1, was " + topP);
		}
		if (maxTokens != null && maxTokens < 0) {
			throw new IllegalArgumentException("maxTokens must not be negative, was " + maxTokens);
		}
		if (minTokens != null && minTokens < 0) {
			throw new IllegalArgumentException("minTokens must not be negative, was " + minTokens);
		}
		if (minTokens != null && maxTokens != null && minTokens > maxTokens) {
			throw new IllegalArgumentException(
					"minTokens (" + minTokens + ") must not exceed maxTokens (" + maxTokens + ")");
		}
		if (randomSeed != null && randomSeed < 0) {
			throw new IllegalArgumentException("randomSeed must not be negative, was " + randomSeed);
		}
	}

	/**
	 * Starts a request.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding this request's values.
	 * @return a builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.model = this.model;
		builder.temperature = this.temperature;
		builder.topP = this.topP;
		builder.maxTokens = this.maxTokens;
		builder.stream = this.stream;
		builder.stop = (this.stop != null) ? new ArrayList<>(this.stop) : null;
		builder.randomSeed = this.randomSeed;
		builder.metadata = this.metadata;
		builder.prompt = this.prompt;
		builder.suffix = this.suffix;
		builder.minTokens = this.minTokens;
		builder.promptCacheKey = this.promptCacheKey;
		return builder;
	}

	/**
	 * Builds a {@link FimCompletionRequest}. {@link #build()} checks the required fields.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable Integer maxTokens;

		private @Nullable Boolean stream;

		private @Nullable List<String> stop;

		private @Nullable Long randomSeed;

		private @Nullable Map<String, Object> metadata;

		private @Nullable String prompt;

		private @Nullable String suffix;

		private @Nullable Integer minTokens;

		private @Nullable String promptCacheKey;

		private Builder() {
		}

		/**
		 * Sets model.
		 * @param model the model, such as {@code codestral-latest}; when {@code null} the
		 * client's default model is used
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Sets temperature.
		 * @param temperature sampling temperature (0 to 1.5 in the API description; lower
		 * is more deterministic)
		 * @return this builder
		 */
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * Sets topP.
		 * @param topP nucleus sampling: the probability mass of tokens considered (above
		 * 0, at most 1)
		 * @return this builder
		 */
		public Builder topP(@Nullable Double topP) {
			this.topP = topP;
			return this;
		}

		/**
		 * Sets maxTokens.
		 * @param maxTokens the most tokens the completion may have
		 * @return this builder
		 */
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * Sets stream.
		 * @param stream whether to stream; set by the client's {@code stream} methods,
		 * leave {@code null}
		 * @return this builder
		 */
		public Builder stream(@Nullable Boolean stream) {
			this.stream = stream;
			return this;
		}

		/**
		 * Sets stop.
		 * @param stop sequences that end generation
		 * @return this builder
		 */
		public Builder stop(@Nullable List<String> stop) {
			this.stop = (stop != null) ? new ArrayList<>(stop) : null;
			return this;
		}

		/**
		 * Sets stop.
		 * @param stop sequences that end generation
		 * @return this builder
		 */
		public Builder stop(String... stop) {
			return stop(Arrays.asList(stop));
		}

		/**
		 * Sets randomSeed.
		 * @param randomSeed the seed for sampling, for reproducible completions
		 * @return this builder
		 */
		public Builder randomSeed(@Nullable Long randomSeed) {
			this.randomSeed = randomSeed;
			return this;
		}

		/**
		 * Sets metadata.
		 * @param metadata free metadata attached to the request
		 * @return this builder
		 */
		public Builder metadata(@Nullable Map<String, Object> metadata) {
			this.metadata = metadata;
			return this;
		}

		/**
		 * Sets prompt.
		 * @param prompt the code before the gap (required; may be empty)
		 * @return this builder
		 */
		public Builder prompt(@Nullable String prompt) {
			this.prompt = prompt;
			return this;
		}

		/**
		 * Sets suffix.
		 * @param suffix the code after the gap; the model completes between
		 * {@code prompt} and {@code suffix}
		 * @return this builder
		 */
		public Builder suffix(@Nullable String suffix) {
			this.suffix = suffix;
			return this;
		}

		/**
		 * Sets minTokens.
		 * @param minTokens the fewest tokens the completion may have
		 * @return this builder
		 */
		public Builder minTokens(@Nullable Integer minTokens) {
			this.minTokens = minTokens;
			return this;
		}

		/**
		 * Sets promptCacheKey.
		 * @param promptCacheKey a key grouping requests that share a prompt prefix, for
		 * caching
		 * @return this builder
		 */
		public Builder promptCacheKey(@Nullable String promptCacheKey) {
			this.promptCacheKey = promptCacheKey;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException when the prompt is missing or a value is out
		 * of range
		 */
		public FimCompletionRequest build() {
			return new FimCompletionRequest(this.model, this.temperature, this.topP, this.maxTokens, this.stream,
					this.stop, this.randomSeed, this.metadata, this.prompt, this.suffix, this.minTokens,
					this.promptCacheKey);
		}

	}

}
