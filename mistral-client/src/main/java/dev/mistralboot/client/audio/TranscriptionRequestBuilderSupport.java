package dev.mistralboot.client.audio;

import java.io.InputStream;
import java.nio.file.Path;

import dev.mistralboot.client.core.UploadContent;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * The hand-written part of {@link TranscriptionRequest.Builder}, which the generated
 * builder implements: the audio to upload from a path, a resource or a stream, streamed
 * while the request is sent, never read whole into memory.
 *
 * @param <B> the builder type
 */
public interface TranscriptionRequestBuilderSupport<B> {

	/**
	 * Sets the audio to upload with the request.
	 * @param file the content, or {@code null}
	 * @return this builder
	 */
	B file(@Nullable UploadContent file);

	/**
	 * Uploads an audio file on disk (retried under the retry policy).
	 * @param path the file, such as {@code meeting.mp3}
	 * @return this builder
	 * @throws IllegalArgumentException when the path is not a readable file
	 */
	default B file(Path path) {
		return file(UploadContent.of(path));
	}

	/**
	 * Uploads a Spring resource (retried when it can be opened again).
	 * @param resource the resource
	 * @return this builder
	 * @throws IllegalArgumentException when it does not exist
	 */
	default B file(Resource resource) {
		return file(UploadContent.of(resource));
	}

	/**
	 * Uploads a stream, read once while the request is sent, then closed (never retried).
	 * @param content the audio
	 * @param filename its name, such as {@code meeting.wav}
	 * @return this builder
	 * @throws IllegalArgumentException when the name is blank
	 */
	default B file(InputStream content, String filename) {
		return file(UploadContent.of(content, filename));
	}

}
