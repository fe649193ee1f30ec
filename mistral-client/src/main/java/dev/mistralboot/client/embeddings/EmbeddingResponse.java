package dev.mistralboot.client.embeddings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mistralboot.client.core.MistralInvalidResponseException;
import dev.mistralboot.client.core.ObservedResponse;
import dev.mistralboot.client.core.UsageInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer to an embeddings request ({@code EmbeddingResponse} of the API): one vector
 * per input. {@link #embeddings()} lists the vectors in input order. Observations record
 * its id, model and usage (the {@code gen_ai.client.token.usage} input tokens).
 *
 * @param id the answer id
 * @param object the object type ({@code list})
 * @param model the model that answered
 * @param usage token usage (prompt tokens only)
 * @param data the vectors, each with the index of its input
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EmbeddingResponse(@Nullable String id, @Nullable String object, @Nullable String model,
		@Nullable UsageInfo usage, List<EmbeddingData> data) implements ObservedResponse {

	/**
	 * Copies the data.
	 */
	public EmbeddingResponse {
		data = (data != null) ? List.copyOf(data) : List.of();
	}

	/**
	 * The vectors in input order (sorted by {@code index} when the API sends it).
	 * @return the vectors
	 * @throws MistralInvalidResponseException when an item has no embedding
	 */
	@JsonIgnore
	public List<Embedding> embeddings() {
		List<EmbeddingData> ordered = this.data;
		if (!isSorted(ordered)) {
			ordered = new ArrayList<>(ordered);
			ordered.sort(Comparator.comparingInt((item) -> Objects.requireNonNull(item.index())));
		}
		List<Embedding> vectors = new ArrayList<>(ordered.size());
		for (EmbeddingData item : ordered) {
			if (item.embedding() == null) {
				throw new MistralInvalidResponseException(
						"Embedding " + vectors.size() + " of answer " + this.id + " has no vector", "", null);
			}
			vectors.add(item.embedding());
		}
		return vectors;
	}

	/**
	 * The first vector, for a request with one input.
	 * @return the vector
	 * @throws MistralInvalidResponseException when the answer has no vector
	 */
	@JsonIgnore
	public Embedding embedding() {
		List<Embedding> vectors = embeddings();
		if (vectors.isEmpty()) {
			throw new MistralInvalidResponseException("Answer " + this.id + " has no embedding", "", null);
		}
		return vectors.get(0);
	}

	/**
	 * This answer with every vector read as the requested type: base64 vectors are
	 * decoded (see {@link Embedding}). The embeddings clients call this; call it yourself
	 * only when parsing an answer read elsewhere (such as a batch output file).
	 * @param dtype the {@code output_dtype} the vectors were requested with
	 * ({@code float} when not set)
	 * @return the answer with decoded vectors
	 */
	public EmbeddingResponse withDtype(EmbeddingDtype dtype) {
		List<EmbeddingData> read = new ArrayList<>(this.data.size());
		for (EmbeddingData item : this.data) {
			read.add(item.withDtype(dtype));
		}
		return new EmbeddingResponse(this.id, this.object, this.model, this.usage, read);
	}

	private static boolean isSorted(List<EmbeddingData> data) {
		int previous = Integer.MIN_VALUE;
		for (EmbeddingData item : data) {
			if (item.index() == null) {
				return true;
			}
			if (item.index() < previous) {
				return false;
			}
			previous = item.index();
		}
		return true;
	}

}
