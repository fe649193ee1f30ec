package dev.mistralboot.client.ocr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An image extracted from a page ({@code OCRImageObject} of the API); the page markdown
 * refers to it by {@link #id()}, as in {@code ![img-0.jpeg](img-0.jpeg)}.
 *
 * @param id the image id
 * @param topLeftX the left edge, in pixels
 * @param topLeftY the top edge, in pixels
 * @param bottomRightX the right edge, in pixels
 * @param bottomRightY the bottom edge, in pixels
 * @param imageBase64 the image as a base64 {@code data:} URI, when
 * {@code include_image_base64} was set
 * @param imageAnnotation the structured output for the image (JSON text), when a
 * {@code bbox_annotation_format} was given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OcrImage(@Nullable String id, @Nullable Integer topLeftX, @Nullable Integer topLeftY,
		@Nullable Integer bottomRightX, @Nullable Integer bottomRightY, @Nullable String imageBase64,
		@Nullable String imageAnnotation) {

	@Override
	public String toString() {
		return "OcrImage[id=" + this.id + ", box=(" + this.topLeftX + "," + this.topLeftY + ")-(" + this.bottomRightX
				+ "," + this.bottomRightY + "), imageBase64="
				+ ((this.imageBase64 != null) ? this.imageBase64.length() + " chars" : "null") + ", imageAnnotation="
				+ this.imageAnnotation + "]";
	}

}
