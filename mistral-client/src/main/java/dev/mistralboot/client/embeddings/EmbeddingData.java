package dev.mistralboot.client.embeddings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One vector of an answer ({@code EmbeddingResponseData} of the API).
 *
 * @param object the object type ({@code embedding})
 * @param embedding the vector
 * @param index the position of its input in the request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EmbeddingData(@Nullable String object, @Nullable Embedding embedding, @Nullable Integer index) {

	/**
	 * This data with its vector read as the given type.
	 * @param dtype the requested type
	 * @return the data
	 */
	EmbeddingData withDtype(EmbeddingDtype dtype) {
		Embedding read = (this.embedding != null) ? this.embedding.withDtype(dtype) : null;
		return (read == this.embedding) ? this : new EmbeddingData(this.object, read, this.index);
	}

}
