package dev.mistralboot.sample.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralHttp;

/**
 * Turns texts into vectors with {@code POST /v1/embeddings}.
 *
 * <p>A stand-in: it calls the API through the starter's HTTP core ({@link MistralHttp}, auto-configured) because
 * the typed embeddings client is being built in parallel (issue 3). Once it is merged, this class becomes a call to
 * {@code MistralEmbeddingsClient}.
 */
@Component
public class Embeddings {

	private final MistralHttp http;

	private final String model;

	Embeddings(MistralHttp http, @Value("${sample.search.model}") String model) {
		this.http = http;
		this.model = model;
	}

	/**
	 * Embeds texts in one request.
	 * @param texts the texts
	 * @return one vector per text, in order
	 */
	public List<float[]> embed(List<String> texts) {
		EmbeddingResult result = this.http.execute(ApiRequest.post("/v1/embeddings")
			.operation("embeddings")
			.model(this.model)
			.json(Map.of("model", this.model, "input", texts))
			.build(), EmbeddingResult.class).body();
		float[][] vectors = new float[texts.size()][];
		result.data().forEach((item) -> vectors[item.index()] = item.embedding());
		return List.of(vectors);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record EmbeddingResult(List<Item> data) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Item(int index, float[] embedding) {
	}

}
