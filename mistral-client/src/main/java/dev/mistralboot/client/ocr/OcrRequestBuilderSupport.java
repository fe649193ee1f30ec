package dev.mistralboot.client.ocr;

import java.util.Arrays;

import dev.mistralboot.client.chat.ContentChunk;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link OcrRequest.Builder}, which the generated builder
 * implements: the document and page helpers.
 *
 * @param <B> the builder type
 */
public interface OcrRequestBuilderSupport<B> {

	/**
	 * Sets what to read.
	 * @param document a {@link dev.mistralboot.client.chat.DocumentUrlChunk}, an
	 * {@link dev.mistralboot.client.chat.ImageUrlChunk} or a
	 * {@link dev.mistralboot.client.chat.FileChunk} (required)
	 * @return this builder
	 */
	B document(@Nullable ContentChunk document);

	/**
	 * Sets the pages to read.
	 * @param pages the pages, from 0; all when {@code null}
	 * @return this builder
	 */
	B pages(@Nullable OcrPages pages);

	/**
	 * Reads a document (PDF, DOCX, PPTX, ...) from a URL.
	 * @param url the document URL
	 * @return this builder
	 */
	default B documentUrl(String url) {
		return document(ContentChunk.documentUrl(url));
	}

	/**
	 * Reads an image from a URL or a {@code data:} URI.
	 * @param url the image URL
	 * @return this builder
	 */
	default B imageUrl(String url) {
		return document(ContentChunk.imageUrl(url));
	}

	/**
	 * Reads a file uploaded with the files API (purpose {@code ocr}).
	 * @param fileId the file id
	 * @return this builder
	 */
	default B fileId(String fileId) {
		return document(ContentChunk.file(fileId));
	}

	/**
	 * Reads only these pages.
	 * @param pages page numbers, from 0
	 * @return this builder
	 */
	default B pages(Integer... pages) {
		return pages(OcrPages.of(Arrays.asList(pages)));
	}

	/**
	 * Reads only these pages.
	 * @param pages the pages as the API's text form, such as {@code "0-3,7"}
	 * @return this builder
	 */
	default B pages(String pages) {
		return pages(OcrPages.of(pages));
	}

}
