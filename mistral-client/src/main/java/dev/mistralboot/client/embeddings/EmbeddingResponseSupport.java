package dev.mistralboot.client.embeddings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.mistralboot.client.core.MistralInvalidResponseException;
import dev.mistralboot.client.core.ObservedResponse;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link EmbeddingResponse}, which the generated record
 * implements: the vectors in input order, as primitive arrays.
 */
public interface EmbeddingResponseSupport extends ObservedResponse {

	/**
	 * The object type.
	 * @return the type, or {@code null}
	 */
	@Nullable String object();

	/**
	 * The vectors, each with the index of its input.
	 * @return the data
	 */
	List<EmbeddingData> data();

	/**
	 * Properties the API sent that this library does not know yet.
	 * @return the properties
	 */
	Map<String, @Nullable Object> additionalProperties();

	/**
	 * The vectors in input order (sorted by {@code index} when the API sends it).
	 * @return the vectors
	 * @throws MistralInvalidResponseException when an item has no embedding
	 */
	@JsonIgnore
	default List<Embedding> embeddings() {
		List<EmbeddingData> ordered = data();
		if (!isSorted(ordered)) {
			ordered = new ArrayList<>(ordered);
			ordered.sort(Comparator.comparingInt((item) -> Objects.requireNonNull(item.index())));
		}
		List<Embedding> vectors = new ArrayList<>(ordered.size());
		for (EmbeddingData item : ordered) {
			if (item.embedding() == null) {
				throw new MistralInvalidResponseException(
						"Embedding " + vectors.size() + " of answer " + id() + " has no vector", "", null);
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
	default Embedding embedding() {
		List<Embedding> vectors = embeddings();
		if (vectors.isEmpty()) {
			throw new MistralInvalidResponseException("Answer " + id() + " has no embedding", "", null);
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
	default EmbeddingResponse withDtype(EmbeddingDtype dtype) {
		List<EmbeddingData> read = new ArrayList<>(data().size());
		for (EmbeddingData item : data()) {
			read.add(item.withDtype(dtype));
		}
		return new EmbeddingResponse(id(), object(), model(), usage(), read, additionalProperties());
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
