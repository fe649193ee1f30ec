package dev.mistralboot.sample.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.mistralboot.client.embeddings.Embedding;
import dev.mistralboot.client.embeddings.MistralEmbeddingsClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Semantic search over the bundled documents ({@code data/documents.json}) with
 * {@link MistralEmbeddingsClient}: the documents are embedded once with {@code embedAll}
 * (batched under {@code mistral.embeddings.batch-size}), the query with {@code embed} on
 * each search, and the documents closest to the query by cosine similarity are returned.
 * The model is {@code mistral.embeddings.model}.
 */
@RestController
class SearchController {

	private final MistralEmbeddingsClient embeddings;

	private final List<Document> documents;

	private volatile List<Embedding> vectors;

	SearchController(MistralEmbeddingsClient embeddings, JsonMapper json) {
		this.embeddings = embeddings;
		try (InputStream in = new ClassPathResource("data/documents.json").getInputStream()) {
			this.documents = json.readValue(in, new TypeReference<List<Document>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/api/search")
	List<Match> search(@RequestParam String query, @RequestParam(defaultValue = "3") int top) {
		if (query.isBlank()) {
			throw new IllegalArgumentException("query must not be blank");
		}
		if (top < 1) {
			throw new IllegalArgumentException("top must be at least 1, was " + top);
		}
		List<Embedding> documentVectors = documentVectors();
		float[] queryVector = this.embeddings.embed(query).floats();
		List<Match> matches = new ArrayList<>();
		for (int i = 0; i < this.documents.size(); i++) {
			Document document = this.documents.get(i);
			matches.add(
					new Match(document.title(), document.text(), cosine(queryVector, documentVectors.get(i).floats())));
		}
		matches.sort(Comparator.comparingDouble(Match::score).reversed());
		return matches.subList(0, Math.min(top, matches.size()));
	}

	/** Embeds the documents on first use, in input order. */
	private List<Embedding> documentVectors() {
		List<Embedding> result = this.vectors;
		if (result == null) {
			synchronized (this) {
				if (this.vectors == null) {
					this.vectors = this.embeddings.embedAll(this.documents.stream().map(Document::text).toList());
				}
				result = this.vectors;
			}
		}
		return result;
	}

	static double cosine(float[] a, float[] b) {
		double dot = 0;
		double normA = 0;
		double normB = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			normA += a[i] * a[i];
			normB += b[i] * b[i];
		}
		return (normA == 0 || normB == 0) ? 0 : dot / Math.sqrt(normA * normB);
	}

	record Document(String title, String text) {
	}

	record Match(String title, String text, double score) {
	}

}
