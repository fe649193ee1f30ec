package dev.mistralboot.client.ocr;

import dev.mistralboot.client.chat.ContentChunk;
import dev.mistralboot.client.chat.DocumentUrlChunk;
import dev.mistralboot.client.chat.FileChunk;
import dev.mistralboot.client.chat.ImageUrlChunk;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link OcrRequest}, which the generated record implements: its
 * checks.
 */
public interface OcrRequestSupport {

	/**
	 * The model.
	 * @return the model, or {@code null} for the client's default
	 */
	@Nullable String model();

	/**
	 * What to read.
	 * @return a {@link DocumentUrlChunk}, an {@link ImageUrlChunk} or a {@link FileChunk}
	 */
	ContentChunk document();

	/**
	 * The most images to extract.
	 * @return the count, or {@code null}
	 */
	@Nullable Integer imageLimit();

	/**
	 * The smallest height and width of an image to extract.
	 * @return the size in pixels, or {@code null}
	 */
	@Nullable Integer imageMinSize();

	/**
	 * How to return tables.
	 * @return the format, or {@code null}
	 */
	@Nullable OcrTableFormat tableFormat();

	/**
	 * The level of confidence scores.
	 * @return the granularity, or {@code null}
	 */
	@Nullable OcrConfidenceGranularity confidenceScoresGranularity();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when the document is missing or of another kind,
	 * or a value is out of range
	 */
	default void validate() {
		ContentChunk document = document();
		if (document == null) {
			throw new IllegalArgumentException("An OCR request needs a document: set it with OcrRequest.builder()"
					+ ".documentUrl(...), .imageUrl(...) or .fileId(...)");
		}
		if (!(document instanceof DocumentUrlChunk || document instanceof ImageUrlChunk
				|| document instanceof FileChunk)) {
			throw new IllegalArgumentException("An OCR document must be a document URL, an image URL or an uploaded "
					+ "file, not a " + document.getClass().getSimpleName());
		}
		String model = model();
		if (model != null && model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank");
		}
		Integer imageLimit = imageLimit();
		if (imageLimit != null && imageLimit < 0) {
			throw new IllegalArgumentException("imageLimit must not be negative, was " + imageLimit);
		}
		Integer imageMinSize = imageMinSize();
		if (imageMinSize != null && imageMinSize < 0) {
			throw new IllegalArgumentException("imageMinSize must not be negative, was " + imageMinSize);
		}
		if (tableFormat() == OcrTableFormat.UNKNOWN
				|| confidenceScoresGranularity() == OcrConfidenceGranularity.UNKNOWN) {
			throw new IllegalArgumentException(
					"UNKNOWN only stands for values this library does not know: choose another value");
		}
	}

}
