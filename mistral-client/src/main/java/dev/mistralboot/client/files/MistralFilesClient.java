package dev.mistralboot.client.files;

import java.util.Objects;
import java.util.stream.Stream;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralDownload;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralPager;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.RequestOptions;
import dev.mistralboot.client.core.UploadForm;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * Files ({@code /v1/files}): upload, list, read, delete, download, signed URLs.
 *
 * <pre>{@code
 * FileObject uploaded = files.upload(UploadFileRequest.of(Path.of("requests.jsonl"))
 *     .purpose(FilePurpose.BATCH)
 *     .build());
 * files.listAll(ListFilesRequest.builder().purpose(FilePurpose.BATCH).build())
 *     .forEach(file -> System.out.println(file.filename()));
 * try (MistralDownload content = files.download(uploaded.id())) {
 *     content.transferTo(Path.of("copy.jsonl"));
 * }
 * }</pre>
 *
 * Uploads are streamed (chunked) from their source, never held in memory. Failures raise
 * the {@link dev.mistralboot.client.core.MistralException} hierarchy. Thread-safe.
 */
public class MistralFilesClient {

	private static final int MAX_SIGNED_URL_HOURS = 168;

	private final MistralHttp http;

	/**
	 * Creates a client.
	 * @param http the HTTP core
	 */
	public MistralFilesClient(MistralHttp http) {
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
	public MistralFilesClient withOptions(RequestOptions options) {
		return new MistralFilesClient(this.http.withOptions(options));
	}

	/**
	 * Uploads a file ({@code POST /v1/files}, multipart), streaming its content.
	 * @param request the file and its form fields
	 * @return the stored file
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status (an
	 * upload from an input stream is never retried)
	 */
	public FileObject upload(UploadFileRequest request) {
		return uploadWithResponse(request).body();
	}

	/**
	 * Uploads a file, with the response's status and headers.
	 * @param request the file and its form fields
	 * @return the stored file and the response metadata
	 */
	public MistralResponse<FileObject> uploadWithResponse(UploadFileRequest request) {
		Objects.requireNonNull(request, "request");
		UploadForm form = new UploadForm()
			.field("purpose", (request.purpose() != null) ? request.purpose().value() : null)
			.field("expiry", request.expiry())
			.field("visibility", (request.visibility() != null) ? request.visibility().value() : null)
			.file("file", request.upload());
		return this.http.execute(ApiRequest.post("/v1/files")
			.operation("files.upload")
			.multipart(form.blocking(), form.repeatable())
			.build(), FileObject.class);
	}

	/**
	 * Lists the first page of files ({@code GET /v1/files}).
	 * @return the page
	 */
	public FileList list() {
		return list(ListFilesRequest.ALL);
	}

	/**
	 * Lists one page of files ({@code GET /v1/files}).
	 * @param request the page and filters
	 * @return the page
	 */
	public FileList list(ListFilesRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http.execute(listRequest(request), FileList.class).body();
	}

	/** The request of one page of files; the reactive client sends the same. */
	static ApiRequest listRequest(ListFilesRequest request) {
		return ApiRequest.get("/v1/files")
			.operation("files.list")
			.query("page", request.page())
			.query("page_size", request.pageSize())
			.query("include_total", request.includeTotal())
			.query("sample_type", request.sampleType())
			.query("source", request.source())
			.query("search", request.search())
			.query("purpose", request.purpose())
			.query("mimetypes", request.mimetypes())
			.build();
	}

	/**
	 * Every file matching the filters, across all pages, starting at the request's page
	 * (0 when unset). Pages are requested lazily, as the stream is consumed.
	 * @param request the filters and page size
	 * @return the files
	 */
	public Stream<FileObject> listAll(ListFilesRequest request) {
		Objects.requireNonNull(request, "request");
		int first = (request.page() != null) ? request.page() : 0;
		int size = (request.pageSize() != null) ? request.pageSize() : ListFilesRequest.DEFAULT_PAGE_SIZE;
		return MistralPager.stream(first, size, (page) -> list(request.toBuilder().page(page).pageSize(size).build()));
	}

	/**
	 * Reads a file's metadata ({@code GET /v1/files/{file_id}}).
	 * @param fileId the file id
	 * @return the file
	 * @throws IllegalArgumentException when the id is blank
	 */
	public FileObject get(String fileId) {
		return this.http
			.execute(ApiRequest.get("/v1/files/{file_id}", fileId).operation("files.get").build(), FileObject.class)
			.body();
	}

	/**
	 * Deletes a file ({@code DELETE /v1/files/{file_id}}).
	 * @param fileId the file id
	 * @return the confirmation
	 * @throws IllegalArgumentException when the id is blank
	 */
	public DeleteFileResponse delete(String fileId) {
		return this.http
			.execute(ApiRequest.of(HttpMethod.DELETE, "/v1/files/{file_id}", fileId).operation("files.delete").build(),
					DeleteFileResponse.class)
			.body();
	}

	/**
	 * Opens a file's content ({@code GET /v1/files/{file_id}/content}), streamed: close
	 * the result. See {@link MistralDownload} for how a connection cut mid-body is
	 * reported.
	 * @param fileId the file id
	 * @return the open content
	 * @throws IllegalArgumentException when the id is blank
	 */
	public MistralDownload download(String fileId) {
		return this.http
			.download(ApiRequest.get("/v1/files/{file_id}/content", fileId).operation("files.download").build());
	}

	/**
	 * Creates a URL that downloads a file without the API key, valid for 24 hours
	 * ({@code GET /v1/files/{file_id}/url}).
	 * @param fileId the file id
	 * @return the URL
	 */
	public SignedUrl signedUrl(String fileId) {
		return signedUrl(fileId, null);
	}

	/**
	 * Creates a URL that downloads a file without the API key ({@code GET
	 * /v1/files/{file_id}/url}).
	 * @param fileId the file id
	 * @param expiryHours how many hours the URL stays valid, 1 to 168 ({@code null}: the
	 * API's 24)
	 * @return the URL
	 * @throws IllegalArgumentException when the id is blank or the expiry out of range
	 */
	public SignedUrl signedUrl(String fileId, @Nullable Integer expiryHours) {
		if (expiryHours != null && (expiryHours < 1 || expiryHours > MAX_SIGNED_URL_HOURS)) {
			throw new IllegalArgumentException(
					"A signed URL is valid for 1 to " + MAX_SIGNED_URL_HOURS + " hours, not " + expiryHours);
		}
		return this.http
			.execute(ApiRequest.get("/v1/files/{file_id}/url", fileId)
				.operation("files.signed-url")
				.query("expiry", expiryHours)
				.build(), SignedUrl.class)
			.body();
	}

}
