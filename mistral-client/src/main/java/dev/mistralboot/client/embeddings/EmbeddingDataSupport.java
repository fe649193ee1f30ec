package dev.mistralboot.client.embeddings;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link EmbeddingData}, which the generated record implements.
 */
public interface EmbeddingDataSupport {

	/**
	 * The object type.
	 * @return the type, or {@code null}
	 */
	@Nullable String object();

	/**
	 * The vector.
	 * @return the vector, or {@code null}
	 */
	@Nullable Embedding embedding();

	/**
	 * The position of its input in the request.
	 * @return the index, or {@code null}
	 */
	@Nullable Integer index();

	/**
	 * Properties the API sent that this library does not know yet.
	 * @return the properties
	 */
	Map<String, @Nullable Object> additionalProperties();

	/**
	 * This data with its vector read as the given type (see
	 * {@link EmbeddingResponse#withDtype}).
	 * @param dtype the requested type
	 * @return the data
	 */
	default EmbeddingData withDtype(EmbeddingDtype dtype) {
		Embedding embedding = embedding();
		Embedding read = (embedding != null) ? embedding.withDtype(dtype) : null;
		return (read == embedding && this instanceof EmbeddingData self) ? self
				: new EmbeddingData(object(), read, index(), additionalProperties());
	}

}
