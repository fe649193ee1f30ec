package dev.mistralboot.client.ocr;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The confidence in a page's text ({@code OCRPageConfidenceScores} of the API).
 *
 * @param wordConfidenceScores per word, at {@code word} granularity
 * @param averagePageConfidenceScore the average over the page, 0 to 1
 * @param minimumPageConfidenceScore the lowest on the page, 0 to 1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OcrPageConfidenceScores(List<OcrConfidenceScore> wordConfidenceScores,
		@Nullable Double averagePageConfidenceScore, @Nullable Double minimumPageConfidenceScore) {

	/**
	 * Copies the word scores.
	 */
	public OcrPageConfidenceScores {
		wordConfidenceScores = (wordConfidenceScores != null) ? List.copyOf(wordConfidenceScores) : List.of();
	}

}
