package dev.mistralboot.client.libraries;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

import dev.mistralboot.client.core.UploadContent;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * A document to upload to a library with {@code POST
 * /v1/libraries/{library_id}/documents}. The content is streamed from its source while
 * the request is sent, never read whole into memory.
 * <p>
 * Start from a {@link #of(Path) path}, a Spring {@link #of(Resource) resource} or an
 * {@link #of(InputStream, String) input stream}. A path or a resource that can be opened
 * again is retried under the retry policy; an input stream can be read only once, so its
 * upload is never retried. The input stream is closed once it has been sent.
 *
 * <pre>{@code
 * Document document = libraries.uploadDocument(libraryId,
 *     UploadDocumentRequest.of(Path.of("handbook.pdf")).build());
 * }</pre>
 */
public final class UploadDocumentRequest {

	private final UploadContent upload;

	private UploadDocumentRequest(Builder builder) {
		this.upload = builder.upload;
	}

	/**
	 * Starts an upload of a file on disk; its name is the path's file name.
	 * @param path the file
	 * @return a builder
	 * @throws IllegalArgumentException when the path is not a readable regular file
	 */
	public static Builder of(Path path) {
		return new Builder(UploadContent.of(path));
	}

	/**
	 * Starts an upload of a Spring resource (a class path resource, a file, a URL, ...);
	 * its name is the resource's file name unless {@link Builder#filename(String)} sets
	 * one. The upload is retried only when the resource can be opened again
	 * ({@link Resource#isOpen()} is {@code false}).
	 * @param resource the resource
	 * @return a builder
	 * @throws IllegalArgumentException when the resource does not exist
	 */
	public static Builder of(Resource resource) {
		return new Builder(UploadContent.of(resource));
	}

	/**
	 * Starts an upload of a stream, which is read once while the request is sent and then
	 * closed. Such an upload is never retried.
	 * @param content the content
	 * @param filename the document's name, such as {@code handbook.pdf}
	 * @return a builder
	 * @throws IllegalArgumentException when the file name is blank
	 */
	public static Builder of(InputStream content, String filename) {
		Objects.requireNonNull(content, "content");
		return new Builder(UploadContent.of(content, "-")).filename(filename);
	}

	/**
	 * Starts an upload of content described by core's {@link UploadContent} (a path, a
	 * resource, an input stream or, for the reactive client only, buffers).
	 * @param content the content, with its file name and content type
	 * @return a builder
	 */
	public static Builder of(UploadContent content) {
		return new Builder(Objects.requireNonNull(content, "content"));
	}

	/**
	 * The content, as a Spring resource.
	 * @return the content
	 */
	public Resource content() {
		Resource resource = this.upload.resource();
		if (resource == null) {
			throw new IllegalStateException("The content of " + this + " arrives as buffers, not as a resource");
		}
		return resource;
	}

	/**
	 * The content, with its file name and content type, as every upload sends it.
	 * @return the content
	 */
	public UploadContent upload() {
		return this.upload;
	}

	/**
	 * The file name sent with the content; the document is named after it.
	 * @return the file name
	 */
	public String filename() {
		return this.upload.filename();
	}

	/**
	 * The content type of the file part.
	 * @return the content type, or {@code null} to derive it from the file name
	 */
	public @Nullable String contentType() {
		return this.upload.contentType();
	}

	/**
	 * Whether the content can be sent again, which a retry needs.
	 * @return {@code false} for an input stream
	 */
	public boolean repeatable() {
		return this.upload.repeatable();
	}

	@Override
	public String toString() {
		return "UploadDocumentRequest[filename=" + filename() + ", contentType=" + contentType() + ", repeatable="
				+ repeatable() + "]";
	}

	/**
	 * Builds an {@link UploadDocumentRequest}.
	 */
	public static final class Builder {

		private UploadContent upload;

		private Builder(UploadContent upload) {
			this.upload = upload;
		}

		/**
		 * Sets the file name sent with the content (by default the path's or resource's
		 * file name).
		 * @param filename the name, such as {@code handbook.pdf}
		 * @return this builder
		 * @throws IllegalArgumentException when the name is blank
		 */
		public Builder filename(String filename) {
			if (filename == null || filename.isBlank()) {
				throw new IllegalArgumentException("An uploaded document needs a file name, such as \"handbook.pdf\"");
			}
			this.upload = this.upload.withFilename(filename);
			return this;
		}

		/**
		 * Sets the content type of the file part (by default derived from the file name,
		 * else {@code application/octet-stream}).
		 * @param contentType the content type, such as {@code application/pdf}
		 * @return this builder
		 */
		public Builder contentType(@Nullable String contentType) {
			this.upload = this.upload.withContentType(contentType);
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException when no file name is known
		 */
		public UploadDocumentRequest build() {
			if (!this.upload.hasFilename()) {
				throw new IllegalArgumentException("The resource " + description(this.upload)
						+ " has no file name: set one with filename(\"...\")");
			}
			return new UploadDocumentRequest(this);
		}

		private static String description(UploadContent upload) {
			Resource resource = upload.resource();
			return (resource != null) ? resource.getDescription() : "content";
		}

	}

}
