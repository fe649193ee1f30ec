package dev.mistralboot.client.ocr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The confidence in a layout block ({@code OCRBlockConfidenceScores} of the API), each 0
 * to 1.
 *
 * @param averageContentConfidenceScore the average over the block's text
 * @param minimumContentConfidenceScore the lowest over the block's text
 * @param blockTypeConfidenceScore the confidence in the block's type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OcrBlockConfidenceScores(@Nullable Double averageContentConfidenceScore,
		@Nullable Double minimumContentConfidenceScore, @Nullable Double blockTypeConfidenceScore) {
}
