package dev.mistralboot.client.embeddings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An embeddings request ({@code EmbeddingRequest} of the API): one or more texts to
 * embed. Immutable; build it with {@link #builder()}, derive variants with
 * {@link #toBuilder()}. Fields left {@code null} are not sent, so the API's defaults (or
 * the client's configured model, {@code mistral.embeddings.model}) apply.
 *
 * <pre>{@code
 * EmbeddingRequest request = EmbeddingRequest.builder()
 *     .input("Embed this sentence.", "As well as this one.")
 *     .outputDtype(EmbeddingDtype.INT8)
 *     .build();
 * }</pre> The input is always sent as an array of strings (the API also accepts a single
 * string).
 *
 * @param model the model, such as {@code mistral-embed} or {@code codestral-embed}; when
 * {@code null} the client's default model is used
 * @param metadata free metadata attached to the request
 * @param input the texts to embed (required, at least one)
 * @param outputDimension the size of the vectors, for models that can shorten them (above
 * 0)
 * @param outputDtype the number type of the values (float by default)
 * @param encodingFormat how the values travel: JSON numbers (default) or base64; both
 * read the same
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EmbeddingRequest(@Nullable String model, @Nullable Map<String, Object> metadata, List<String> input,
		@Nullable Integer outputDimension, @Nullable EmbeddingDtype outputDtype,
		@Nullable EncodingFormat encodingFormat) {

	/**
	 * Validates the request and copies its lists.
	 */
	public EmbeddingRequest {
		if (input == null || input.isEmpty()) {
			throw new IllegalArgumentException("An embeddings request needs at least one input: set it with "
					+ "EmbeddingRequest.builder().input(\"...\")");
		}
		for (int i = 0; i < input.size(); i++) {
			if (input.get(i) == null) {
				throw new IllegalArgumentException("input[" + i + "] is null: embed only non-null texts");
			}
		}
		input = List.copyOf(input);
		if (model != null && model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank");
		}
		if (outputDimension != null && outputDimension <= 0) {
			throw new IllegalArgumentException("outputDimension must be above 0, was " + outputDimension);
		}
		if (outputDtype == EmbeddingDtype.UNKNOWN) {
			throw new IllegalArgumentException("outputDtype UNKNOWN only stands for values this library does not know: "
					+ "choose float, int8, uint8, binary or ubinary");
		}
		if (encodingFormat == EncodingFormat.UNKNOWN) {
			throw new IllegalArgumentException(
					"encodingFormat UNKNOWN only stands for values this library does not know: "
							+ "choose float or base64");
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
		builder.metadata = this.metadata;
		builder.input = new ArrayList<>(this.input);
		builder.outputDimension = this.outputDimension;
		builder.outputDtype = this.outputDtype;
		builder.encodingFormat = this.encodingFormat;
		return builder;
	}

	/**
	 * The type the answer's values have: {@link #outputDtype()}, or {@code float} when
	 * not set.
	 * @return the effective dtype
	 */
	@JsonIgnore
	public EmbeddingDtype effectiveDtype() {
		return (this.outputDtype != null) ? this.outputDtype : EmbeddingDtype.FLOAT;
	}

	/**
	 * Builds a {@link EmbeddingRequest}. {@link #build()} checks the required fields.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable Map<String, Object> metadata;

		private List<String> input = new ArrayList<>();

		private @Nullable Integer outputDimension;

		private @Nullable EmbeddingDtype outputDtype;

		private @Nullable EncodingFormat encodingFormat;

		private Builder() {
		}

		/**
		 * Sets model.
		 * @param model the model, such as {@code mistral-embed} or
		 * {@code codestral-embed}; when {@code null} the client's default model is used
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
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
		 * Sets input.
		 * @param input the texts to embed (required, at least one)
		 * @return this builder
		 */
		public Builder input(List<String> input) {
			this.input = new ArrayList<>(input);
			return this;
		}

		/**
		 * Sets input.
		 * @param input the texts to embed (required, at least one)
		 * @return this builder
		 */
		public Builder input(String... input) {
			return input(Arrays.asList(input));
		}

		/**
		 * Sets outputDimension.
		 * @param outputDimension the size of the vectors, for models that can shorten
		 * them (above 0)
		 * @return this builder
		 */
		public Builder outputDimension(@Nullable Integer outputDimension) {
			this.outputDimension = outputDimension;
			return this;
		}

		/**
		 * Sets outputDtype.
		 * @param outputDtype the number type of the values (float by default)
		 * @return this builder
		 */
		public Builder outputDtype(@Nullable EmbeddingDtype outputDtype) {
			this.outputDtype = outputDtype;
			return this;
		}

		/**
		 * Sets encodingFormat.
		 * @param encodingFormat how the values travel: JSON numbers (default) or base64;
		 * both read the same
		 * @return this builder
		 */
		public Builder encodingFormat(@Nullable EncodingFormat encodingFormat) {
			this.encodingFormat = encodingFormat;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException when no input is given, an input is null or a
		 * value is out of range
		 */
		public EmbeddingRequest build() {
			return new EmbeddingRequest(this.model, this.metadata, this.input, this.outputDimension, this.outputDtype,
					this.encodingFormat);
		}

	}

}
