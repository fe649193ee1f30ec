package dev.mistralboot.client.files;

import java.util.Objects;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.ReactiveMistralPager;
import dev.mistralboot.client.core.RequestOptions;
import dev.mistralboot.client.core.UploadBuffers;
import dev.mistralboot.client.core.UploadForm;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;

/**
 * Files ({@code /v1/files}) on WebClient: the reactive twin of
 * {@link MistralFilesClient}. Uploads stream from a path, a resource or a {@link Flux} of
 * buffers (a WebFlux {@code FilePart}'s content), downloads arrive as a {@link Flux} of
 * buffers, and {@link #listAll(ListFilesRequest)} walks every page on demand.
 *
 * <pre>{@code
 * Mono<FileObject> uploaded = files.upload(UploadFileRequest.of(Path.of("requests.jsonl"))
 *     .purpose(FilePurpose.BATCH)
 *     .build());
 * Mono<FileObject> fromPart = files.upload(filePart.content(), filePart.filename(), FilePurpose.BATCH);
 * Mono<Void> saved = DataBufferUtils.write(files.download(fileId), Path.of("copy.jsonl"));
 * }</pre>
 *
 * No file is ever read whole into memory. Nothing is sent until subscription; failures
 * are signalled as the {@link dev.mistralboot.client.core.MistralException} hierarchy.
 * Available when WebFlux is on the classpath. Thread-safe.
 */
public class ReactiveMistralFilesClient {

	private static final int MAX_SIGNED_URL_HOURS = 168;

	private final ReactiveMistralHttp http;

	/**
	 * Creates a client.
	 * @param http the reactive HTTP core
	 */
	public ReactiveMistralFilesClient(ReactiveMistralHttp http) {
		this.http = Objects.requireNonNull(http, "http");
	}

	/**
	 * This client with options applied to each of its calls: a timeout, the number of
	 * attempts, extra headers, a listener for the answers' metadata. The returned client
	 * shares its connections, observations and rate-limit budget with this one; deriving
	 * it is cheap.
	 * @param options the options, applied over the ones this client already applies
	 * @return a client applying the options
	 */
	public ReactiveMistralFilesClient withOptions(RequestOptions options) {
		return new ReactiveMistralFilesClient(this.http.withOptions(options));
	}

	/**
	 * Uploads a file ({@code POST /v1/files}, multipart), streaming its content: a path
	 * is read without blocking, an input stream on Reactor's bounded elastic scheduler.
	 * @param request the file and its form fields
	 * @return the stored file; a {@link dev.mistralboot.client.core.MistralApiException}
	 * signal for an error status (an upload from an input stream is never retried)
	 */
	public Mono<FileObject> upload(UploadFileRequest request) {
		return uploadWithResponse(request).map(MistralResponse::body);
	}

	/**
	 * Uploads a file, with the response's status and headers.
	 * @param request the file and its form fields
	 * @return the stored file and the response metadata
	 */
	public Mono<MistralResponse<FileObject>> uploadWithResponse(UploadFileRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return send(form(request.purpose(), request.expiry(), request.visibility()).file("file", request.upload()));
		});
	}

	/**
	 * Uploads content that arrives as buffers, such as a WebFlux {@code FilePart}'s,
	 * streaming it as it comes. Such an upload is never retried: the content can be read
	 * only once.
	 * @param content the content; each buffer is released once sent
	 * @param filename the file name the API records, such as {@code requests.jsonl}
	 * @param purpose what the file is for, or {@code null} for the API's default
	 * @return the stored file; an {@link IllegalArgumentException} signal when the file
	 * name is blank or the purpose {@link FilePurpose#UNKNOWN}
	 */
	public Mono<FileObject> upload(Publisher<DataBuffer> content, String filename, @Nullable FilePurpose purpose) {
		return uploadWithResponse(content, filename, null, purpose, null, null).map(MistralResponse::body);
	}

	/**
	 * Uploads content that arrives as buffers, with every form field and the response's
	 * status and headers. Such an upload is never retried.
	 * @param content the content; each buffer is released once sent
	 * @param filename the file name the API records, such as {@code requests.jsonl}
	 * @param contentType the content type of the file part, or {@code null} to derive it
	 * from the file name (else {@code application/octet-stream})
	 * @param purpose what the file is for, or {@code null} for the API's default
	 * @param expiry the {@code expiry} form field (see
	 * {@link UploadFileRequest.Builder#expiry(Integer)}), or {@code null}
	 * @param visibility who can see the file, or {@code null} for the API's default
	 * @return the stored file and the response metadata; an
	 * {@link IllegalArgumentException} signal when the file name is blank, the expiry not
	 * positive, or the purpose or visibility {@code UNKNOWN}
	 */
	public Mono<MistralResponse<FileObject>> uploadWithResponse(Publisher<DataBuffer> content, String filename,
			@Nullable String contentType, @Nullable FilePurpose purpose, @Nullable Integer expiry,
			@Nullable FileVisibility visibility) {
		return Mono.defer(() -> {
			Objects.requireNonNull(content, "content");
			if (filename == null || filename.isBlank()) {
				throw new IllegalArgumentException("An uploaded file needs a file name, such as \"train.jsonl\"");
			}
			if (purpose == FilePurpose.UNKNOWN) {
				throw new IllegalArgumentException(
						"FilePurpose.UNKNOWN cannot be sent: choose fine-tune, batch or ocr");
			}
			if (expiry != null && expiry < 1) {
				throw new IllegalArgumentException("expiry must be positive, was " + expiry);
			}
			if (visibility == FileVisibility.UNKNOWN) {
				throw new IllegalArgumentException("FileVisibility.UNKNOWN cannot be sent: choose workspace or user");
			}
			return send(form(purpose, expiry, visibility).file("file",
					UploadBuffers.of(content, filename).withContentType(contentType)));
		});
	}

	private static UploadForm form(@Nullable FilePurpose purpose, @Nullable Integer expiry,
			@Nullable FileVisibility visibility) {
		return new UploadForm().field("purpose", (purpose != null) ? purpose.value() : null)
			.field("expiry", expiry)
			.field("visibility", (visibility != null) ? visibility.value() : null);
	}

	private Mono<MistralResponse<FileObject>> send(UploadForm form) {
		return this.http.execute(ApiRequest.post("/v1/files")
			.operation("files.upload")
			.multipart(form.reactive(), form.repeatable())
			.build(), FileObject.class);
	}

	/**
	 * Lists the first page of files ({@code GET /v1/files}).
	 * @return the page
	 */
	public Mono<FileList> list() {
		return list(ListFilesRequest.ALL);
	}

	/**
	 * Lists one page of files ({@code GET /v1/files}).
	 * @param request the page and filters
	 * @return the page
	 */
	public Mono<FileList> list(ListFilesRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return this.http.execute(MistralFilesClient.listRequest(request), FileList.class);
		}).map(MistralResponse::body);
	}

	/**
	 * Every file matching the filters, across all pages, starting at the request's page
	 * (0 when unset). A page is requested only when the subscriber has taken every file
	 * of the previous one and asks for more.
	 * @param request the filters and page size
	 * @return the files
	 */
	public Flux<FileObject> listAll(ListFilesRequest request) {
		return Flux.defer(() -> {
			Objects.requireNonNull(request, "request");
			int first = (request.page() != null) ? request.page() : 0;
			int size = (request.pageSize() != null) ? request.pageSize() : ListFilesRequest.DEFAULT_PAGE_SIZE;
			return ReactiveMistralPager.flux(first, size,
					(page) -> list(request.toBuilder().page(page).pageSize(size).build()));
		});
	}

	/**
	 * Reads a file's metadata ({@code GET /v1/files/{file_id}}).
	 * @param fileId the file id
	 * @return the file; an {@link IllegalArgumentException} signal when the id is blank
	 */
	public Mono<FileObject> get(String fileId) {
		return Mono
			.defer(() -> this.http.execute(ApiRequest.get("/v1/files/{file_id}", fileId).operation("files.get").build(),
					FileObject.class))
			.map(MistralResponse::body);
	}

	/**
	 * Deletes a file ({@code DELETE /v1/files/{file_id}}).
	 * @param fileId the file id
	 * @return the confirmation; an {@link IllegalArgumentException} signal when the id is
	 * blank
	 */
	public Mono<DeleteFileResponse> delete(String fileId) {
		return Mono.defer(() -> this.http.execute(
				ApiRequest.of(HttpMethod.DELETE, "/v1/files/{file_id}", fileId).operation("files.delete").build(),
				DeleteFileResponse.class))
			.map(MistralResponse::body);
	}

	/**
	 * A file's content ({@code GET /v1/files/{file_id}/content}), as it downloads. The
	 * subscriber owns each buffer and releases it ({@code DataBufferUtils.write} to a
	 * file does); cancelling closes the connection. A body that stays silent for longer
	 * than the stream idle timeout, is cut, or ends before its announced length fails: it
	 * never completes as if whole (see {@link ReactiveMistralHttp#download}).
	 * @param fileId the file id
	 * @return the content; an {@link IllegalArgumentException} signal when the id is
	 * blank
	 */
	public Flux<DataBuffer> download(String fileId) {
		return Flux.defer(() -> this.http
			.download(ApiRequest.get("/v1/files/{file_id}/content", fileId).operation("files.download").build()));
	}

	/**
	 * Creates a URL that downloads a file without the API key, valid for 24 hours
	 * ({@code GET /v1/files/{file_id}/url}).
	 * @param fileId the file id
	 * @return the URL
	 */
	public Mono<SignedUrl> signedUrl(String fileId) {
		return signedUrl(fileId, null);
	}

	/**
	 * Creates a URL that downloads a file without the API key ({@code GET
	 * /v1/files/{file_id}/url}).
	 * @param fileId the file id
	 * @param expiryHours how many hours the URL stays valid, 1 to 168 ({@code null}: the
	 * API's 24)
	 * @return the URL; an {@link IllegalArgumentException} signal when the id is blank or
	 * the expiry out of range
	 */
	public Mono<SignedUrl> signedUrl(String fileId, @Nullable Integer expiryHours) {
		return Mono.defer(() -> {
			if (expiryHours != null && (expiryHours < 1 || expiryHours > MAX_SIGNED_URL_HOURS)) {
				throw new IllegalArgumentException(
						"A signed URL is valid for 1 to " + MAX_SIGNED_URL_HOURS + " hours, not " + expiryHours);
			}
			return this.http.execute(ApiRequest.get("/v1/files/{file_id}/url", fileId)
				.operation("files.signed-url")
				.query("expiry", expiryHours)
				.build(), SignedUrl.class);
		}).map(MistralResponse::body);
	}

}
