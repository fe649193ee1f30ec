package dev.mistralboot.client.ocr;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One page read ({@code OCRPageObject} of the API).
 *
 * @param index the page number, from 0
 * @param markdown the page's text as markdown, with references to its images (and tables)
 * @param images the images extracted from the page
 * @param tables the tables extracted from the page, when a {@code table_format} was asked
 * for
 * @param hyperlinks the links found on the page
 * @param header the page header, when {@code extract_header} was set
 * @param footer the page footer, when {@code extract_footer} was set
 * @param dimensions the page size as read
 * @param confidenceScores the confidence in the page's text, when asked for
 * @param blocks the page's layout blocks, when asked for ({@code include_blocks})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OcrPage(int index, @Nullable String markdown, List<OcrImage> images, List<OcrTable> tables,
		List<String> hyperlinks, @Nullable String header, @Nullable String footer,
		@Nullable OcrPageDimensions dimensions, @Nullable OcrPageConfidenceScores confidenceScores,
		List<OcrBlock> blocks) {

	/**
	 * Copies the lists.
	 */
	public OcrPage {
		images = (images != null) ? List.copyOf(images) : List.of();
		tables = (tables != null) ? List.copyOf(tables) : List.of();
		hyperlinks = (hyperlinks != null) ? List.copyOf(hyperlinks) : List.of();
		blocks = (blocks != null) ? List.copyOf(blocks) : List.of();
	}

}
