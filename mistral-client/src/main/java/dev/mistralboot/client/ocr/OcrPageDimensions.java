package dev.mistralboot.client.ocr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The size of a page as read ({@code OCRPageDimensions} of the API).
 *
 * @param dpi the resolution, in dots per inch
 * @param height the height in pixels
 * @param width the width in pixels
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OcrPageDimensions(@Nullable Integer dpi, @Nullable Integer height, @Nullable Integer width) {
}
