package dev.mistralboot.client.libraries;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
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

	private final Resource content;

	private final String filename;

	private final @Nullable String contentType;

	private final boolean repeatable;

	private UploadDocumentRequest(Builder builder) {
		this.content = builder.content;
		this.filename = builder.filename;
		this.contentType = builder.contentType;
		this.repeatable = builder.repeatable;
	}

	/**
	 * Starts an upload of a file on disk; its name is the path's file name.
	 * @param path the file
	 * @return a builder
	 * @throws IllegalArgumentException when the path is not a readable regular file
	 */
	public static Builder of(Path path) {
		Objects.requireNonNull(path, "path");
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new IllegalArgumentException("Cannot upload " + path + ": it is not a readable file");
		}
		return new Builder(new FileSystemResource(path), String.valueOf(path.getFileName()), true);
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
		Objects.requireNonNull(resource, "resource");
		if (!resource.exists()) {
			throw new IllegalArgumentException("Cannot upload " + resource.getDescription() + ": it does not exist");
		}
		String name = resource.getFilename();
		return new Builder(resource, (name != null) ? name : "", !resource.isOpen());
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
		return new Builder(new InputStreamResource(content), "", false).filename(filename);
	}

	/**
	 * The content, as a Spring resource.
	 * @return the content
	 */
	public Resource content() {
		return this.content;
	}

	/**
	 * The file name sent with the content; the document is named after it.
	 * @return the file name
	 */
	public String filename() {
		return this.filename;
	}

	/**
	 * The content type of the file part.
	 * @return the content type, or {@code null} to derive it from the file name
	 */
	public @Nullable String contentType() {
		return this.contentType;
	}

	/**
	 * Whether the content can be sent again, which a retry needs.
	 * @return {@code false} for an input stream
	 */
	public boolean repeatable() {
		return this.repeatable;
	}

	@Override
	public String toString() {
		return "UploadDocumentRequest[filename=" + this.filename + ", contentType=" + this.contentType + ", repeatable="
				+ this.repeatable + "]";
	}

	/**
	 * Builds an {@link UploadDocumentRequest}.
	 */
	public static final class Builder {

		private final Resource content;

		private String filename;

		private final boolean repeatable;

		private @Nullable String contentType;

		private Builder(Resource content, String filename, boolean repeatable) {
			this.content = content;
			this.filename = filename;
			this.repeatable = repeatable;
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
			this.filename = filename;
			return this;
		}

		/**
		 * Sets the content type of the file part (by default derived from the file name,
		 * else {@code application/octet-stream}).
		 * @param contentType the content type, such as {@code application/pdf}
		 * @return this builder
		 */
		public Builder contentType(@Nullable String contentType) {
			this.contentType = contentType;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException when no file name is known
		 */
		public UploadDocumentRequest build() {
			if (this.filename.isBlank()) {
				throw new IllegalArgumentException("The resource " + this.content.getDescription()
						+ " has no file name: set one with filename(\"...\")");
			}
			return new UploadDocumentRequest(this);
		}

	}

}
