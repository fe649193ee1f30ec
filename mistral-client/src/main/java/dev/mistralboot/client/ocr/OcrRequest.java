package dev.mistralboot.client.ocr;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mistralboot.client.chat.ContentChunk;
import dev.mistralboot.client.chat.DocumentUrlChunk;
import dev.mistralboot.client.chat.FileChunk;
import dev.mistralboot.client.chat.ImageUrlChunk;
import dev.mistralboot.client.chat.ResponseFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A document to read ({@code OCRRequest} of the API): a PDF or other document by URL, an
 * image by URL or {@code data:} URI, or a file uploaded with the files API, with the
 * pages to read, image options and annotation formats. Immutable; build it with
 * {@link #builder()}, derive variants with {@link #toBuilder()}. Fields left {@code null}
 * are not sent, so the API's defaults (or the client's configured model,
 * {@code mistral.ocr.model}) apply.
 *
 * <pre>{@code
 * OcrRequest request = OcrRequest.builder()
 *     .documentUrl("https://arxiv.org/pdf/2201.04234")
 *     .pages(0, 1)
 *     .includeImageBase64(true)
 *     .documentAnnotationFormat(ResponseFormat.jsonSchema("paper", schema, true))
 *     .build();
 * }</pre> Annotation formats are {@link ResponseFormat}s: with a JSON schema, the
 * answer's {@code document_annotation} (and each image's {@code image_annotation}, for
 * {@code bbox_annotation_format}) is JSON text following it.
 *
 * @param model the model, such as {@code mistral-ocr-latest}; when {@code null} the
 * client's default model is used
 * @param document what to read: a {@link DocumentUrlChunk}, an {@link ImageUrlChunk} or a
 * {@link FileChunk} (required)
 * @param pages the pages to read, from 0; all when {@code null}
 * @param includeImageBase64 whether to include the extracted images, base64-encoded, in
 * the answer
 * @param imageLimit the most images to extract
 * @param imageMinSize the smallest height and width, in pixels, of an image to extract
 * @param bboxAnnotationFormat the structured output to produce for each extracted image
 * (bounding box)
 * @param documentAnnotationFormat the structured output to produce for the whole document
 * @param documentAnnotationPrompt instructions guiding the document annotation
 * @param tableFormat how to return tables: separately as markdown or HTML; inline in the
 * page markdown when {@code null}
 * @param extractHeader whether to return page headers separately from the markdown
 * @param extractFooter whether to return page footers separately from the markdown
 * @param includeBlocks whether to return each page's layout blocks
 * @param confidenceScoresGranularity the level at which to return confidence scores
 * (word, block or page); none when {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OcrRequest(@Nullable String model, ContentChunk document, @Nullable OcrPages pages,
		@Nullable Boolean includeImageBase64, @Nullable Integer imageLimit, @Nullable Integer imageMinSize,
		@Nullable ResponseFormat bboxAnnotationFormat, @Nullable ResponseFormat documentAnnotationFormat,
		@Nullable String documentAnnotationPrompt, @Nullable OcrTableFormat tableFormat,
		@Nullable Boolean extractHeader, @Nullable Boolean extractFooter, @Nullable Boolean includeBlocks,
		@Nullable OcrConfidenceGranularity confidenceScoresGranularity) {

	/**
	 * Validates the request and copies its lists.
	 */
	public OcrRequest {
		if (document == null) {
			throw new IllegalArgumentException("An OCR request needs a document: set it with OcrRequest.builder()"
					+ ".documentUrl(...), .imageUrl(...) or .fileId(...)");
		}
		if (!(document instanceof DocumentUrlChunk || document instanceof ImageUrlChunk
				|| document instanceof FileChunk)) {
			throw new IllegalArgumentException(
					"An OCR document must be a document URL, an image URL or an uploaded file, " + "not a "
							+ document.getClass().getSimpleName());
		}
		if (model != null && model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank");
		}
		if (imageLimit != null && imageLimit < 0) {
			throw new IllegalArgumentException("imageLimit must not be negative, was " + imageLimit);
		}
		if (imageMinSize != null && imageMinSize < 0) {
			throw new IllegalArgumentException("imageMinSize must not be negative, was " + imageMinSize);
		}
		if (tableFormat == OcrTableFormat.UNKNOWN || confidenceScoresGranularity == OcrConfidenceGranularity.UNKNOWN) {
			throw new IllegalArgumentException(
					"UNKNOWN only stands for values this library does not know: choose another value");
		}
	}

	/**
	 * Starts a request.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding this request's values.
	 * @return a builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.model = this.model;
		builder.document = this.document;
		builder.pages = this.pages;
		builder.includeImageBase64 = this.includeImageBase64;
		builder.imageLimit = this.imageLimit;
		builder.imageMinSize = this.imageMinSize;
		builder.bboxAnnotationFormat = this.bboxAnnotationFormat;
		builder.documentAnnotationFormat = this.documentAnnotationFormat;
		builder.documentAnnotationPrompt = this.documentAnnotationPrompt;
		builder.tableFormat = this.tableFormat;
		builder.extractHeader = this.extractHeader;
		builder.extractFooter = this.extractFooter;
		builder.includeBlocks = this.includeBlocks;
		builder.confidenceScoresGranularity = this.confidenceScoresGranularity;
		return builder;
	}

	/**
	 * Builds a {@link OcrRequest}. {@link #build()} checks the required fields.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable ContentChunk document;

		private @Nullable OcrPages pages;

		private @Nullable Boolean includeImageBase64;

		private @Nullable Integer imageLimit;

		private @Nullable Integer imageMinSize;

		private @Nullable ResponseFormat bboxAnnotationFormat;

		private @Nullable ResponseFormat documentAnnotationFormat;

		private @Nullable String documentAnnotationPrompt;

		private @Nullable OcrTableFormat tableFormat;

		private @Nullable Boolean extractHeader;

		private @Nullable Boolean extractFooter;

		private @Nullable Boolean includeBlocks;

		private @Nullable OcrConfidenceGranularity confidenceScoresGranularity;

		private Builder() {
		}

		/**
		 * Sets model.
		 * @param model the model, such as {@code mistral-ocr-latest}; when {@code null}
		 * the client's default model is used
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Sets document.
		 * @param document what to read: a {@link DocumentUrlChunk}, an
		 * {@link ImageUrlChunk} or a {@link FileChunk} (required)
		 * @return this builder
		 */
		public Builder document(@Nullable ContentChunk document) {
			this.document = document;
			return this;
		}

		/**
		 * Sets pages.
		 * @param pages the pages to read, from 0; all when {@code null}
		 * @return this builder
		 */
		public Builder pages(@Nullable OcrPages pages) {
			this.pages = pages;
			return this;
		}

		/**
		 * Sets includeImageBase64.
		 * @param includeImageBase64 whether to include the extracted images,
		 * base64-encoded, in the answer
		 * @return this builder
		 */
		public Builder includeImageBase64(@Nullable Boolean includeImageBase64) {
			this.includeImageBase64 = includeImageBase64;
			return this;
		}

		/**
		 * Sets imageLimit.
		 * @param imageLimit the most images to extract
		 * @return this builder
		 */
		public Builder imageLimit(@Nullable Integer imageLimit) {
			this.imageLimit = imageLimit;
			return this;
		}

		/**
		 * Sets imageMinSize.
		 * @param imageMinSize the smallest height and width, in pixels, of an image to
		 * extract
		 * @return this builder
		 */
		public Builder imageMinSize(@Nullable Integer imageMinSize) {
			this.imageMinSize = imageMinSize;
			return this;
		}

		/**
		 * Sets bboxAnnotationFormat.
		 * @param bboxAnnotationFormat the structured output to produce for each extracted
		 * image (bounding box)
		 * @return this builder
		 */
		public Builder bboxAnnotationFormat(@Nullable ResponseFormat bboxAnnotationFormat) {
			this.bboxAnnotationFormat = bboxAnnotationFormat;
			return this;
		}

		/**
		 * Sets documentAnnotationFormat.
		 * @param documentAnnotationFormat the structured output to produce for the whole
		 * document
		 * @return this builder
		 */
		public Builder documentAnnotationFormat(@Nullable ResponseFormat documentAnnotationFormat) {
			this.documentAnnotationFormat = documentAnnotationFormat;
			return this;
		}

		/**
		 * Sets documentAnnotationPrompt.
		 * @param documentAnnotationPrompt instructions guiding the document annotation
		 * @return this builder
		 */
		public Builder documentAnnotationPrompt(@Nullable String documentAnnotationPrompt) {
			this.documentAnnotationPrompt = documentAnnotationPrompt;
			return this;
		}

		/**
		 * Sets tableFormat.
		 * @param tableFormat how to return tables: separately as markdown or HTML; inline
		 * in the page markdown when {@code null}
		 * @return this builder
		 */
		public Builder tableFormat(@Nullable OcrTableFormat tableFormat) {
			this.tableFormat = tableFormat;
			return this;
		}

		/**
		 * Sets extractHeader.
		 * @param extractHeader whether to return page headers separately from the
		 * markdown
		 * @return this builder
		 */
		public Builder extractHeader(@Nullable Boolean extractHeader) {
			this.extractHeader = extractHeader;
			return this;
		}

		/**
		 * Sets extractFooter.
		 * @param extractFooter whether to return page footers separately from the
		 * markdown
		 * @return this builder
		 */
		public Builder extractFooter(@Nullable Boolean extractFooter) {
			this.extractFooter = extractFooter;
			return this;
		}

		/**
		 * Sets includeBlocks.
		 * @param includeBlocks whether to return each page's layout blocks
		 * @return this builder
		 */
		public Builder includeBlocks(@Nullable Boolean includeBlocks) {
			this.includeBlocks = includeBlocks;
			return this;
		}

		/**
		 * Sets confidenceScoresGranularity.
		 * @param confidenceScoresGranularity the level at which to return confidence
		 * scores (word, block or page); none when {@code null}
		 * @return this builder
		 */
		public Builder confidenceScoresGranularity(@Nullable OcrConfidenceGranularity confidenceScoresGranularity) {
			this.confidenceScoresGranularity = confidenceScoresGranularity;
			return this;
		}

		/**
		 * Reads a document (PDF, DOCX, PPTX, ...) from a URL.
		 * @param url the document URL
		 * @return this builder
		 */
		public Builder documentUrl(String url) {
			return document(ContentChunk.documentUrl(url));
		}

		/**
		 * Reads an image from a URL or a {@code data:} URI.
		 * @param url the image URL
		 * @return this builder
		 */
		public Builder imageUrl(String url) {
			return document(ContentChunk.imageUrl(url));
		}

		/**
		 * Reads a file uploaded with the files API (purpose {@code ocr}).
		 * @param fileId the file id
		 * @return this builder
		 */
		public Builder fileId(String fileId) {
			return document(ContentChunk.file(fileId));
		}

		/**
		 * Reads only these pages.
		 * @param pages page numbers, from 0
		 * @return this builder
		 */
		public Builder pages(Integer... pages) {
			return pages(OcrPages.of(Arrays.asList(pages)));
		}

		/**
		 * Reads only these pages.
		 * @param pages the pages as the API's text form, such as {@code "0-3,7"}
		 * @return this builder
		 */
		public Builder pages(String pages) {
			return pages(OcrPages.of(pages));
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException when the document is missing or of another
		 * kind, or a value is out of range
		 */
		public OcrRequest build() {
			return new OcrRequest(this.model, this.document, this.pages, this.includeImageBase64, this.imageLimit,
					this.imageMinSize, this.bboxAnnotationFormat, this.documentAnnotationFormat,
					this.documentAnnotationPrompt, this.tableFormat, this.extractHeader, this.extractFooter,
					this.includeBlocks, this.confidenceScoresGranularity);
		}

	}

}
