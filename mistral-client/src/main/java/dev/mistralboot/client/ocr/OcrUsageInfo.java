package dev.mistralboot.client.ocr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What an OCR call processed ({@code OCRUsageInfo} of the API).
 *
 * @param pagesProcessed the number of pages read
 * @param docSizeBytes the document's size in bytes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OcrUsageInfo(int pagesProcessed, @Nullable Long docSizeBytes) {
}
