package dev.mistralboot.client.ocr;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A table extracted from a page when a {@code table_format} was asked for
 * ({@code OCRTableObject} of the API); the page markdown refers to it by {@link #id()}.
 *
 * @param id the table id
 * @param content the table, in its format
 * @param format {@code markdown} or {@code html}
 * @param wordConfidenceScores per word, at {@code word} granularity
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OcrTable(@Nullable String id, @Nullable String content, @Nullable OcrTableFormat format,
		@Nullable List<OcrConfidenceScore> wordConfidenceScores) {

	/**
	 * Copies the scores.
	 */
	public OcrTable {
		wordConfidenceScores = (wordConfidenceScores != null) ? List.copyOf(wordConfidenceScores) : null;
	}

}
