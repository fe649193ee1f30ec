package dev.mistralboot.client.files;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

import dev.mistralboot.client.core.UploadContent;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * A file to upload with {@code POST /v1/files}, and its form fields. The content is
 * streamed from its source while the request is sent, never read whole into memory, so
 * files of any size (the API accepts up to 512 MB) can be uploaded with a small heap.
 * <p>
 * Start from a {@link #of(Path) path}, a Spring {@link #of(Resource) resource} or an
 * {@link #of(InputStream, String) input stream}. A path or a resource that can be opened
 * again can be sent again, so the upload is retried under the retry policy; an input
 * stream can be read only once, so its upload is never retried. The input stream is
 * closed once it has been sent.
 *
 * <pre>{@code
 * FileObject file = files.upload(UploadFileRequest.of(Path.of("train.jsonl"))
 *     .purpose(FilePurpose.FINE_TUNE)
 *     .build());
 * }</pre>
 */
public final class UploadFileRequest {

	private final UploadContent upload;

	private final @Nullable FilePurpose purpose;

	private final @Nullable Integer expiry;

	private final @Nullable FileVisibility visibility;

	private UploadFileRequest(Builder builder) {
		this.upload = builder.upload;
		this.purpose = builder.purpose;
		this.expiry = builder.expiry;
		this.visibility = builder.visibility;
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
	 * @param filename the file name the API records, such as {@code train.jsonl}
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
	 * The file name sent with the content.
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

	/**
	 * What the file is for.
	 * @return the purpose, or {@code null} for the API's default
	 */
	public @Nullable FilePurpose purpose() {
		return this.purpose;
	}

	/**
	 * The {@code expiry} form field.
	 * @return the expiry, or {@code null} when the file does not expire
	 */
	public @Nullable Integer expiry() {
		return this.expiry;
	}

	/**
	 * Who can see the file.
	 * @return the visibility, or {@code null} for the API's default ({@code workspace})
	 */
	public @Nullable FileVisibility visibility() {
		return this.visibility;
	}

	@Override
	public String toString() {
		return "UploadFileRequest[filename=" + filename() + ", purpose=" + this.purpose + ", expiry=" + this.expiry
				+ ", visibility=" + this.visibility + ", repeatable=" + repeatable() + "]";
	}

	/**
	 * Builds an {@link UploadFileRequest}.
	 */
	public static final class Builder {

		private UploadContent upload;

		private @Nullable FilePurpose purpose;

		private @Nullable Integer expiry;

		private @Nullable FileVisibility visibility;

		private Builder(UploadContent upload) {
			this.upload = upload;
		}

		/**
		 * Sets the file name the API records (by default the path's or resource's file
		 * name).
		 * @param filename the name, such as {@code train.jsonl}
		 * @return this builder
		 * @throws IllegalArgumentException when the name is blank
		 */
		public Builder filename(String filename) {
			if (filename == null || filename.isBlank()) {
				throw new IllegalArgumentException("An uploaded file needs a file name, such as \"train.jsonl\"");
			}
			this.upload = this.upload.withFilename(filename);
			return this;
		}

		/**
		 * Sets the content type of the file part (by default derived from the file name,
		 * else {@code application/octet-stream}).
		 * @param contentType the content type, such as {@code application/jsonl}
		 * @return this builder
		 */
		public Builder contentType(@Nullable String contentType) {
			this.upload = this.upload.withContentType(contentType);
			return this;
		}

		/**
		 * Sets what the file is for.
		 * @param purpose the purpose, such as {@link FilePurpose#BATCH}
		 * @return this builder
		 * @throws IllegalArgumentException for {@link FilePurpose#UNKNOWN}
		 */
		public Builder purpose(@Nullable FilePurpose purpose) {
			if (purpose == FilePurpose.UNKNOWN) {
				throw new IllegalArgumentException(
						"FilePurpose.UNKNOWN cannot be sent: choose fine-tune, batch or ocr");
			}
			this.purpose = purpose;
			return this;
		}

		/**
		 * Sets the {@code expiry} form field, after which the API deletes the file (the
		 * API description gives no unit; the answer's {@code expiresAt} says when the
		 * file expires).
		 * @param expiry the expiry, positive
		 * @return this builder
		 * @throws IllegalArgumentException when not positive
		 */
		public Builder expiry(@Nullable Integer expiry) {
			if (expiry != null && expiry < 1) {
				throw new IllegalArgumentException("expiry must be positive, was " + expiry);
			}
			this.expiry = expiry;
			return this;
		}

		/**
		 * Sets who can see the file.
		 * @param visibility the visibility
		 * @return this builder
		 * @throws IllegalArgumentException for {@link FileVisibility#UNKNOWN}
		 */
		public Builder visibility(@Nullable FileVisibility visibility) {
			if (visibility == FileVisibility.UNKNOWN) {
				throw new IllegalArgumentException("FileVisibility.UNKNOWN cannot be sent: choose workspace or user");
			}
			this.visibility = visibility;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException when no file name is known
		 */
		public UploadFileRequest build() {
			if (!this.upload.hasFilename()) {
				throw new IllegalArgumentException("The resource " + description(this.upload)
						+ " has no file name: set one with filename(\"...\")");
			}
			return new UploadFileRequest(this);
		}

		private static String description(UploadContent upload) {
			Resource resource = upload.resource();
			return (resource != null) ? resource.getDescription() : "content";
		}

	}

}
