package dev.mistralboot.client.embeddings;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link EmbeddingRequest}, which the generated record
 * implements: its checks and {@link #effectiveDtype()}.
 */
public interface EmbeddingRequestSupport {

	/**
	 * The model.
	 * @return the model, or {@code null} for the client's default
	 */
	@Nullable String model();

	/**
	 * The texts to embed.
	 * @return the texts
	 */
	List<String> input();

	/**
	 * The size of the vectors.
	 * @return the size, or {@code null}
	 */
	@Nullable Integer outputDimension();

	/**
	 * The number type of the values.
	 * @return the dtype, or {@code null} for the API's default (float)
	 */
	@Nullable EmbeddingDtype outputDtype();

	/**
	 * How the values travel.
	 * @return the format, or {@code null} for the API's default (float)
	 */
	@Nullable EncodingFormat encodingFormat();

	/**
	 * The type the answer's values have: {@link #outputDtype()}, or {@code float} when
	 * not set.
	 * @return the effective dtype
	 */
	@JsonIgnore
	default EmbeddingDtype effectiveDtype() {
		EmbeddingDtype dtype = outputDtype();
		return (dtype != null) ? dtype : EmbeddingDtype.FLOAT;
	}

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when no input is given, an input is null or a
	 * value is out of range
	 */
	default void validate() {
		List<String> input = input();
		if (input.isEmpty()) {
			throw new IllegalArgumentException("An embeddings request needs at least one input: set it with "
					+ "EmbeddingRequest.builder().input(\"...\")");
		}
		for (int i = 0; i < input.size(); i++) {
			if (input.get(i) == null) {
				throw new IllegalArgumentException("input[" + i + "] is null: embed only non-null texts");
			}
		}
		String model = model();
		if (model != null && model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank");
		}
		Integer outputDimension = outputDimension();
		if (outputDimension != null && outputDimension <= 0) {
			throw new IllegalArgumentException("outputDimension must be above 0, was " + outputDimension);
		}
		if (outputDtype() == EmbeddingDtype.UNKNOWN) {
			throw new IllegalArgumentException("outputDtype UNKNOWN only stands for values this library does not know: "
					+ "choose float, int8, uint8, binary or ubinary");
		}
		if (encodingFormat() == EncodingFormat.UNKNOWN) {
			throw new IllegalArgumentException(
					"encodingFormat UNKNOWN only stands for values this library does not know: "
							+ "choose float or base64");
		}
	}

}
