package dev.mistralboot.sample.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Semantic search over the bundled documents ({@code data/documents.json}): the documents are embedded once, the
 * query on each search, and the closest documents by cosine similarity are returned.
 */
@RestController
class SearchController {

	private final Embeddings embeddings;

	private final List<Document> documents;

	private volatile List<float[]> vectors;

	SearchController(Embeddings embeddings, JsonMapper json) {
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
		List<float[]> documentVectors = documentVectors();
		float[] queryVector = this.embeddings.embed(List.of(query)).get(0);
		List<Match> matches = new ArrayList<>();
		for (int i = 0; i < this.documents.size(); i++) {
			matches.add(new Match(this.documents.get(i).title(), this.documents.get(i).text(),
					cosine(queryVector, documentVectors.get(i))));
		}
		matches.sort(Comparator.comparingDouble(Match::score).reversed());
		return matches.subList(0, Math.max(0, Math.min(top, matches.size())));
	}

	/** Embeds the documents on first use, in one request. */
	private List<float[]> documentVectors() {
		List<float[]> result = this.vectors;
		if (result == null) {
			synchronized (this) {
				if (this.vectors == null) {
					this.vectors = this.embeddings.embed(this.documents.stream().map(Document::text).toList());
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
