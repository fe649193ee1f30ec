package dev.mistralboot.client.ocr;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer to an OCR request ({@code OCRResponse} of the API).
 *
 * @param pages the pages read, in order
 * @param model the model that answered
 * @param documentAnnotation the structured output for the document (JSON text), when a
 * {@code document_annotation_format} was given
 * @param usageInfo what was processed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OcrResponse(List<OcrPage> pages, @Nullable String model, @Nullable String documentAnnotation,
		@Nullable OcrUsageInfo usageInfo) {

	/**
	 * Copies the pages.
	 */
	public OcrResponse {
		pages = (pages != null) ? List.copyOf(pages) : List.of();
	}

	/**
	 * The markdown of every page, joined by blank lines.
	 * @return the document's text
	 */
	@JsonIgnore
	public String markdown() {
		return this.pages.stream().map(OcrPage::markdown).filter(Objects::nonNull).collect(Collectors.joining("\n\n"));
	}

}
