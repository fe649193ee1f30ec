package dev.mistralboot.client.core;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * The content of one uploaded file (the file part of a multipart form), shared by every
 * family that uploads: files, library documents, audio. The content is streamed from its
 * source while the request is sent, never read whole into memory.
 * <p>
 * It comes from a {@link #of(Path) path}, a Spring {@link #of(Resource) resource}, an
 * {@link #of(InputStream, String) input stream} or, for the reactive clients only, a
 * publisher of buffers ({@link UploadBuffers#of UploadBuffers.of(filePart.content(),
 * name)} for a WebFlux {@code FilePart}). A path or a resource that can be opened again
 * can be sent again, so its upload is retried under the retry policy; an input stream or
 * buffers can be read only once, so their upload is never retried. An input stream is
 * closed once it has been sent; each buffer is released once sent.
 * <p>
 * Instances are immutable: {@link #withFilename(String)} and
 * {@link #withContentType(String)} return copies. {@link UploadForm} puts them into a
 * request.
 * <p>
 * This class refers to Reactor only in the signature of {@link #of(Publisher, String)},
 * so that a blocking client uploads without Reactor on the class path (a servlet
 * application has none); what the reactive clients need lives in {@link UploadBuffers}.
 */
public final class UploadContent {

	private final @Nullable Resource resource;

	/** A {@code Publisher<DataBuffer>} (see {@link UploadBuffers}), or {@code null}. */
	private final @Nullable Object buffers;

	private final String filename;

	private final @Nullable String contentType;

	private final boolean repeatable;

	private UploadContent(@Nullable Resource resource, @Nullable Object buffers, String filename,
			@Nullable String contentType, boolean repeatable) {
		this.resource = resource;
		this.buffers = buffers;
		this.filename = filename;
		this.contentType = contentType;
		this.repeatable = repeatable;
	}

	/**
	 * The content of a file on disk; its name is the path's file name.
	 * @param path the file
	 * @return the content
	 * @throws IllegalArgumentException when the path is not a readable regular file
	 */
	public static UploadContent of(Path path) {
		Objects.requireNonNull(path, "path");
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new IllegalArgumentException("Cannot upload " + path + ": it is not a readable file");
		}
		return new UploadContent(new FileSystemResource(path), null, String.valueOf(path.getFileName()), null, true);
	}

	/**
	 * The content of a Spring resource (a class path resource, a file, a URL, ...); its
	 * name is the resource's file name ({@code ""} when it has none: set one with
	 * {@link #withFilename(String)}). It can be sent again only when the resource can be
	 * opened again ({@link Resource#isOpen()} is {@code false}).
	 * @param resource the resource
	 * @return the content
	 * @throws IllegalArgumentException when the resource does not exist
	 */
	public static UploadContent of(Resource resource) {
		Objects.requireNonNull(resource, "resource");
		if (!resource.exists()) {
			throw new IllegalArgumentException("Cannot upload " + resource.getDescription() + ": it does not exist");
		}
		String name = resource.getFilename();
		return new UploadContent(resource, null, (name != null) ? name : "", null, !resource.isOpen());
	}

	/**
	 * The content of a stream, read once while the request is sent and then closed; it is
	 * never sent twice.
	 * @param content the content
	 * @param filename the file name sent with it, such as {@code speech.wav}
	 * @return the content
	 * @throws IllegalArgumentException when the file name is blank
	 */
	public static UploadContent of(InputStream content, String filename) {
		Objects.requireNonNull(content, "content");
		return new UploadContent(new InputStreamResource(content), null, requireName(filename), null, false);
	}

	/**
	 * Content that arrives as buffers ({@link UploadBuffers#of}).
	 * @param buffers a {@code Publisher<DataBuffer>}, typed as {@code Object} so that
	 * this class names no Reactive Streams type
	 * @param filename the file name
	 * @return the content
	 */
	static UploadContent ofBuffers(Object buffers, String filename) {
		return new UploadContent(null, buffers, requireName(filename), null, false);
	}

	private static String requireName(@Nullable String filename) {
		if (filename == null || filename.isBlank()) {
			throw new IllegalArgumentException("An uploaded file needs a file name, such as \"speech.wav\"");
		}
		return filename;
	}

	/**
	 * This content with another file name.
	 * @param filename the name, such as {@code speech.wav}
	 * @return a copy with the name
	 * @throws IllegalArgumentException when the name is blank
	 */
	public UploadContent withFilename(String filename) {
		return new UploadContent(this.resource, this.buffers, requireName(filename), this.contentType, this.repeatable);
	}

	/**
	 * This content with a content type for its part.
	 * @param contentType the content type, such as {@code audio/wav}, or {@code null} to
	 * derive it from the file name
	 * @return a copy with the content type
	 * @throws org.springframework.http.InvalidMediaTypeException when it is not a media
	 * type
	 */
	public UploadContent withContentType(@Nullable String contentType) {
		if (contentType != null) {
			MediaType.parseMediaType(contentType);
		}
		return new UploadContent(this.resource, this.buffers, this.filename, contentType, this.repeatable);
	}

	/**
	 * The content as a Spring resource.
	 * @return the resource, or {@code null} for content that arrives as buffers
	 */
	public @Nullable Resource resource() {
		return this.resource;
	}

	/**
	 * The file name sent with the content.
	 * @return the name, {@code ""} when a resource had none and none was set
	 */
	public String filename() {
		return this.filename;
	}

	/**
	 * Whether a file name is known.
	 * @return {@code false} when the name is blank
	 */
	public boolean hasFilename() {
		return !this.filename.isBlank();
	}

	/**
	 * The content type set for the part.
	 * @return the content type, or {@code null} to derive it from the file name
	 */
	public @Nullable String contentType() {
		return this.contentType;
	}

	/**
	 * The content type the part is sent with: the one set, else the one the file name
	 * suggests, else {@code application/octet-stream}.
	 * @return the media type
	 */
	public MediaType mediaType() {
		if (this.contentType != null) {
			return MediaType.parseMediaType(this.contentType);
		}
		return MediaTypeFactory.getMediaType(this.filename).orElse(MediaType.APPLICATION_OCTET_STREAM);
	}

	/**
	 * Whether the content can be sent again, which a retry needs.
	 * @return {@code false} for an input stream or buffers
	 */
	public boolean repeatable() {
		return this.repeatable;
	}

	/**
	 * Whether only a reactive client can send this content.
	 * @return {@code true} for content that arrives as buffers
	 */
	public boolean reactiveOnly() {
		return this.buffers != null;
	}

	/**
	 * The part for a blocking client's multipart body (Spring's form converter streams
	 * the resource).
	 * @param name the field name
	 * @return the part
	 * @throws IllegalStateException for content that arrives as buffers
	 */
	HttpEntity<Resource> blockingPart(String name) {
		Resource content = this.resource;
		if (content == null) {
			throw new IllegalStateException(
					"Content that arrives as buffers can be uploaded only by a reactive client: use a path, a resource or an input stream");
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentDisposition(ContentDisposition.formData().name(name).filename(this.filename).build());
		headers.setContentType(mediaType());
		return new HttpEntity<>(content, headers);
	}

	/**
	 * The buffers the content arrives as.
	 * @return the buffers, or {@code null} for content read from a resource
	 */
	@Nullable Object buffers() {
		return this.buffers;
	}

	@Override
	public String toString() {
		String source = (this.resource != null) ? this.resource.getDescription() : "buffers";
		return "UploadContent[filename=" + this.filename + ", contentType=" + this.contentType + ", source=" + source
				+ ", repeatable=" + this.repeatable + "]";
	}

}
