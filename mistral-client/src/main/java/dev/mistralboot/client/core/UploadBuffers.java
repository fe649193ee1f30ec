package dev.mistralboot.client.core;

import java.util.Objects;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.client.MultipartBodyBuilder;

/**
 * Upload content that arrives as buffers, such as a WebFlux {@code FilePart}'s, which
 * only the reactive clients can send:
 *
 * <pre>{@code
 * audio.transcribe(TranscriptionRequest.builder().file(UploadBuffers.of(filePart.content(), filePart.filename())).build());
 * }</pre>
 *
 * Kept apart from {@link UploadContent} (with how a reactive client sends any content) so
 * that the blocking clients, which never load this class, need no Reactor on the class
 * path.
 */
public final class UploadBuffers {

	/** The size of the buffers an input stream is read into. */
	private static final int BUFFER_SIZE = 64 * 1024;

	private UploadBuffers() {
	}

	/**
	 * Content that arrives as buffers, streamed as it comes and never sent twice (so its
	 * upload is never retried).
	 * @param content the buffers; each is released once sent
	 * @param filename the file name sent with it, such as {@code speech.wav}
	 * @return the content
	 * @throws IllegalArgumentException when the file name is blank
	 */
	public static UploadContent of(Publisher<DataBuffer> content, String filename) {
		Objects.requireNonNull(content, "content");
		return UploadContent.ofBuffers(content, filename);
	}

	/**
	 * Adds the part to a reactive client's multipart body: a file is read without
	 * blocking (and again for a retry), another resource on Reactor's bounded elastic
	 * scheduler, buffers as they come.
	 * @param form the form
	 * @param name the field name
	 * @param content the content
	 */
	static void addTo(MultipartBodyBuilder form, String name, UploadContent content) {
		Resource resource = content.resource();
		if (resource == null) {
			@SuppressWarnings("unchecked")
			Publisher<DataBuffer> buffers = (Publisher<DataBuffer>) Objects.requireNonNull(content.buffers());
			form.asyncPart(name, buffers, DataBuffer.class)
				.filename(content.filename())
				.contentType(content.mediaType());
		}
		else if (resource.isFile()) {
			form.part(name, resource).filename(content.filename()).contentType(content.mediaType());
		}
		else {
			Flux<DataBuffer> read = DataBufferUtils
				.readInputStream(resource::getInputStream, DefaultDataBufferFactory.sharedInstance, BUFFER_SIZE)
				.subscribeOn(Schedulers.boundedElastic());
			form.asyncPart(name, read, DataBuffer.class).filename(content.filename()).contentType(content.mediaType());
		}
	}

}
