package dev.mistralboot.client.ocr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The confidence in one recognised word ({@code OCRConfidenceScore} of the API).
 *
 * @param text the word
 * @param confidence the confidence, 0 to 1
 * @param startIndex where the word starts in the page markdown (or the table content)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OcrConfidenceScore(@Nullable String text, double confidence, int startIndex) {
}
