package dev.mistralboot.client.ocr;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One layout block of a page: the API's thirteen block schemas ({@code OCRTextBlock},
 * {@code OCRTableBlock}, {@code OCRImageBlock}, ...) share every field but
 * {@code image_id} (image blocks) and {@code table_id} (table blocks), so they are one
 * type told apart by {@link #type()}; a block type this library does not know yet is read
 * as {@link OcrBlockType#UNKNOWN} with {@link #rawType()} keeping its name.
 *
 * @param rawType the block type as sent, such as {@code text} or {@code table}
 * @param topLeftX the left edge, in pixels
 * @param topLeftY the top edge, in pixels
 * @param bottomRightX the right edge, in pixels
 * @param bottomRightY the bottom edge, in pixels
 * @param content the block's text (markdown)
 * @param confidenceScores the confidence in the block, at {@code block} granularity
 * @param imageId the extracted image, for image blocks
 * @param tableId the extracted table, for table blocks
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OcrBlock(@JsonProperty("type") @Nullable String rawType, int topLeftX, int topLeftY, int bottomRightX,
		int bottomRightY, @Nullable String content, @Nullable OcrBlockConfidenceScores confidenceScores,
		@Nullable String imageId, @Nullable String tableId) {

	/**
	 * The block type.
	 * @return the type, {@link OcrBlockType#UNKNOWN} for types this library does not know
	 */
	@JsonIgnore
	public OcrBlockType type() {
		return OcrBlockType.of(this.rawType);
	}

}
