package dev.mistralboot.client.chat;

/**
 * The hand-written part of {@link ContentChunk}, which the generated union extends: the
 * factories of the common chunks (also {@code ContentChunk.text(...)} and so on).
 */
public interface ContentChunkSupport {

	/**
	 * A text chunk.
	 * @param text the text
	 * @return the chunk
	 */
	static TextChunk text(String text) {
		return new TextChunk(text);
	}

	/**
	 * An image chunk from a URL or a {@code data:} URI.
	 * @param url the URL
	 * @return the chunk
	 */
	static ImageUrlChunk imageUrl(String url) {
		return new ImageUrlChunk(new ImageUrl(url, null));
	}

	/**
	 * A document chunk from a URL.
	 * @param url the document URL
	 * @return the chunk
	 */
	static DocumentUrlChunk documentUrl(String url) {
		return new DocumentUrlChunk(url, null);
	}

	/**
	 * A chunk referring to an uploaded file.
	 * @param fileId the file id
	 * @return the chunk
	 */
	static FileChunk file(String fileId) {
		return new FileChunk(fileId);
	}

}
