package dev.mistralboot.client.libraries;

import java.util.Objects;
import java.util.function.Consumer;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveJobPoller;
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
 * Document libraries ({@code /v1/libraries}, beta) on WebClient: the reactive twin of
 * {@link MistralLibrariesClient}, with the same methods. Uploads stream from a path, a
 * resource or a {@link Flux} of buffers (a WebFlux {@code FilePart}'s content), the
 * pagers walk pages on demand, and the processing wait polls without blocking a thread.
 *
 * <pre>{@code
 * Mono<DocumentProcessingStatus> processed = libraries
 *     .uploadDocument(libraryId, filePart.content(), filePart.filename())
 *     .flatMap((document) -> libraries.waitForDocumentProcessing(libraryId, document.id(), (status) -> { }));
 * }</pre>
 *
 * No document is ever read whole into memory. Nothing is sent until subscription;
 * failures are signalled as the {@link dev.mistralboot.client.core.MistralException}
 * hierarchy. Available when WebFlux is on the classpath. Thread-safe.
 */
public class ReactiveMistralLibrariesClient {

	private final ReactiveMistralHttp http;

	private final ReactiveJobPoller poller;

	/**
	 * Creates a client whose processing wait polls every 2 seconds for up to 30 minutes.
	 * @param http the reactive HTTP core
	 */
	public ReactiveMistralLibrariesClient(ReactiveMistralHttp http) {
		this(http, ReactiveJobPoller.of(MistralLibrariesClient.DEFAULT_POLL_INTERVAL,
				MistralLibrariesClient.DEFAULT_POLL_TIMEOUT));
	}

	/**
	 * Creates a client.
	 * @param http the reactive HTTP core
	 * @param poller how {@link #waitForDocumentProcessing} polls
	 * ({@code mistral.libraries.poll-*})
	 */
	public ReactiveMistralLibrariesClient(ReactiveMistralHttp http, ReactiveJobPoller poller) {
		this.http = Objects.requireNonNull(http, "http");
		this.poller = Objects.requireNonNull(poller, "poller");
	}

	/**
	 * This client with options applied to each of its calls: a timeout, the number of
	 * attempts, extra headers, a listener for the answers' metadata. The returned client
	 * shares its connections, observations and rate-limit budget with this one; deriving
	 * it is cheap.
	 * @param options the options, applied over the ones this client already applies
	 * @return a client applying the options
	 */
	public ReactiveMistralLibrariesClient withOptions(RequestOptions options) {
		return new ReactiveMistralLibrariesClient(this.http.withOptions(options), this.poller);
	}

	/**
	 * The poll interval and timeout {@code waitForDocumentProcessing} uses by default.
	 * @return the poller
	 */
	public ReactiveJobPoller poller() {
		return this.poller;
	}

	private <T> Mono<T> call(ApiRequest.Builder request, Class<T> type) {
		return this.http.execute(request.build(), type).map(MistralResponse::body);
	}

	private Mono<Void> callWithoutAnswer(ApiRequest.Builder request) {
		return this.http.execute(request.build(), Void.class).then();
	}

	// ---------------------------------------------------------------- libraries

	/**
	 * Lists the first page of the libraries you can use ({@code GET /v1/libraries}).
	 * @return the page
	 */
	public Mono<LibraryList> list() {
		return list(ListLibrariesRequest.ALL);
	}

	/**
	 * Lists one page of the libraries you can use ({@code GET /v1/libraries}).
	 * @param request the page and filters
	 * @return the page; its {@code nextPageToken} leads to the next one
	 */
	public Mono<LibraryList> list(ListLibrariesRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return this.http.execute(MistralLibrariesClient.listRequest(request), LibraryList.class);
		}).map(MistralResponse::body);
	}

	/**
	 * Every library matching the filters, across all pages: each next page is requested
	 * with the token of the previous one, only when the subscriber has taken every
	 * library of the previous page and asks for more.
	 * @param request the filters and page size
	 * @return the libraries
	 */
	public Flux<Library> listAll(ListLibrariesRequest request) {
		return Flux.defer(() -> {
			Objects.requireNonNull(request, "request");
			return ReactiveMistralPager.fluxByToken(
					(token) -> (token != null) ? list(request.toBuilder().pageToken(token).build()) : list(request),
					LibraryList::data, LibraryList::nextPageToken);
		});
	}

	/**
	 * Creates a library ({@code POST /v1/libraries}); you own it.
	 * @param request the library
	 * @return the created library
	 */
	public Mono<Library> create(CreateLibraryRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return call(ApiRequest.post(MistralLibrariesClient.LIBRARIES).operation("libraries.create").json(request),
					Library.class);
		});
	}

	/**
	 * Reads a library ({@code GET /v1/libraries/{library_id}}).
	 * @param libraryId the library id
	 * @return the library; an {@link IllegalArgumentException} signal when the id is
	 * blank
	 */
	public Mono<Library> get(String libraryId) {
		return Mono
			.defer(() -> call(ApiRequest.get(MistralLibrariesClient.LIBRARY, libraryId).operation("libraries.get"),
					Library.class));
	}

	/**
	 * Changes a library's name or description ({@code PATCH /v1/libraries/{library_id}}).
	 * @param libraryId the library id
	 * @param request the new values
	 * @return the changed library
	 */
	public Mono<Library> update(String libraryId, UpdateLibraryRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return call(ApiRequest.of(HttpMethod.PATCH, MistralLibrariesClient.LIBRARY, libraryId)
				.operation("libraries.update")
				.json(request), Library.class);
		});
	}

	/**
	 * Changes a library's name or description with the older {@code PUT
	 * /v1/libraries/{library_id}}, which the API deprecates.
	 * @param libraryId the library id
	 * @param request the new values
	 * @return the changed library
	 * @deprecated the API deprecates this endpoint: use
	 * {@link #update(String, UpdateLibraryRequest)}
	 */
	@Deprecated
	public Mono<Library> replace(String libraryId, UpdateLibraryRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return call(ApiRequest.of(HttpMethod.PUT, MistralLibrariesClient.LIBRARY, libraryId)
				.operation("libraries.replace")
				.json(request), Library.class);
		});
	}

	/**
	 * Deletes a library and all its documents ({@code DELETE
	 * /v1/libraries/{library_id}}). An answer with the deleted library, which the API
	 * announces will go away, is ignored.
	 * @param libraryId the library id
	 * @return completion
	 */
	public Mono<Void> delete(String libraryId) {
		return Mono
			.defer(() -> callWithoutAnswer(ApiRequest.of(HttpMethod.DELETE, MistralLibrariesClient.LIBRARY, libraryId)
				.operation("libraries.delete")));
	}

	// ---------------------------------------------------------------- documents

	/**
	 * Uploads a document to a library ({@code POST /v1/libraries/{library_id}/documents},
	 * multipart), streaming its content: a path is read without blocking, an input stream
	 * on Reactor's bounded elastic scheduler.
	 * @param libraryId the library id
	 * @param request the file
	 * @return the document; a {@link dev.mistralboot.client.core.MistralApiException}
	 * signal for an error status (an upload from an input stream is never retried)
	 */
	public Mono<Document> uploadDocument(String libraryId, UploadDocumentRequest request) {
		return uploadDocumentWithResponse(libraryId, request).map(MistralResponse::body);
	}

	/**
	 * Uploads a document to a library, with the response's status (201 for a new
	 * document, 200 for one the library already held) and headers.
	 * @param libraryId the library id
	 * @param request the file
	 * @return the document and the response metadata
	 */
	public Mono<MistralResponse<Document>> uploadDocumentWithResponse(String libraryId, UploadDocumentRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return send(libraryId, new UploadForm().file("file", request.upload()));
		});
	}

	/**
	 * Uploads a document whose content arrives as buffers, such as a WebFlux
	 * {@code FilePart}'s, streaming it as it comes. Such an upload is never retried: the
	 * content can be read only once.
	 * @param libraryId the library id
	 * @param content the content; each buffer is released once sent
	 * @param filename the document's name, such as {@code handbook.pdf}
	 * @return the document; an {@link IllegalArgumentException} signal when the file name
	 * is blank
	 */
	public Mono<Document> uploadDocument(String libraryId, Publisher<DataBuffer> content, String filename) {
		return uploadDocumentWithResponse(libraryId, content, filename, null).map(MistralResponse::body);
	}

	/**
	 * Uploads a document whose content arrives as buffers, with the response's status and
	 * headers. Such an upload is never retried.
	 * @param libraryId the library id
	 * @param content the content; each buffer is released once sent
	 * @param filename the document's name, such as {@code handbook.pdf}
	 * @param contentType the content type of the file part, or {@code null} to derive it
	 * from the file name (else {@code application/octet-stream})
	 * @return the document and the response metadata; an {@link IllegalArgumentException}
	 * signal when the file name is blank
	 */
	public Mono<MistralResponse<Document>> uploadDocumentWithResponse(String libraryId, Publisher<DataBuffer> content,
			String filename, @Nullable String contentType) {
		return Mono.defer(() -> {
			Objects.requireNonNull(content, "content");
			if (filename == null || filename.isBlank()) {
				throw new IllegalArgumentException("An uploaded document needs a file name, such as \"handbook.pdf\"");
			}
			return send(libraryId,
					new UploadForm().file("file", UploadBuffers.of(content, filename).withContentType(contentType)));
		});
	}

	private Mono<MistralResponse<Document>> send(String libraryId, UploadForm form) {
		return this.http.execute(ApiRequest.post(MistralLibrariesClient.DOCUMENTS, libraryId)
			.operation("libraries.documents.upload")
			.multipart(form.reactive(), form.repeatable())
			.build(), Document.class);
	}

	/**
	 * Lists the first page of a library's documents ({@code GET
	 * /v1/libraries/{library_id}/documents}).
	 * @param libraryId the library id
	 * @return the page
	 */
	public Mono<DocumentList> listDocuments(String libraryId) {
		return listDocuments(libraryId, ListDocumentsRequest.ALL);
	}

	/**
	 * Lists one page of a library's documents ({@code GET
	 * /v1/libraries/{library_id}/documents}).
	 * @param libraryId the library id
	 * @param request the page, filters and order
	 * @return the page
	 */
	public Mono<DocumentList> listDocuments(String libraryId, ListDocumentsRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return this.http.execute(MistralLibrariesClient.listDocumentsRequest(libraryId, request),
					DocumentList.class);
		}).map(MistralResponse::body);
	}

	/**
	 * Every document of a library matching the filters, across all pages, starting at the
	 * request's page (0 when unset). A page is requested only when the subscriber has
	 * taken every document of the previous one and asks for more.
	 * @param libraryId the library id
	 * @param request the filters, order and page size
	 * @return the documents
	 */
	public Flux<Document> listAllDocuments(String libraryId, ListDocumentsRequest request) {
		return Flux.defer(() -> {
			Objects.requireNonNull(request, "request");
			int first = (request.page() != null) ? request.page() : 0;
			int size = (request.pageSize() != null) ? request.pageSize() : ListDocumentsRequest.DEFAULT_PAGE_SIZE;
			return ReactiveMistralPager.flux(first, size,
					(page) -> listDocuments(libraryId, request.toBuilder().page(page).pageSize(size).build()));
		});
	}

	/**
	 * Reads a document's metadata ({@code GET
	 * /v1/libraries/{library_id}/documents/{document_id}}).
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @return the document
	 */
	public Mono<Document> getDocument(String libraryId, String documentId) {
		return Mono.defer(() -> call(ApiRequest.get(MistralLibrariesClient.DOCUMENT, libraryId, documentId)
			.operation("libraries.documents.get"), Document.class));
	}

	/**
	 * Changes a document's name, attributes or expiry ({@code PATCH
	 * /v1/libraries/{library_id}/documents/{document_id}}).
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @param request the new values
	 * @return the changed document
	 */
	public Mono<Document> updateDocument(String libraryId, String documentId, UpdateDocumentRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return call(ApiRequest.of(HttpMethod.PATCH, MistralLibrariesClient.DOCUMENT, libraryId, documentId)
				.operation("libraries.documents.update")
				.json(request), Document.class);
		});
	}

	/**
	 * Changes a document with the older {@code PUT
	 * /v1/libraries/{library_id}/documents/{document_id}}, which the API deprecates.
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @param request the new values
	 * @return the changed document
	 * @deprecated the API deprecates this endpoint: use
	 * {@link #updateDocument(String, String, UpdateDocumentRequest)}
	 */
	@Deprecated
	public Mono<Document> replaceDocument(String libraryId, String documentId, UpdateDocumentRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return call(ApiRequest.of(HttpMethod.PUT, MistralLibrariesClient.DOCUMENT, libraryId, documentId)
				.operation("libraries.documents.replace")
				.json(request), Document.class);
		});
	}

	/**
	 * Deletes a document from its library and from the library's search ({@code DELETE
	 * /v1/libraries/{library_id}/documents/{document_id}}).
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @return completion
	 */
	public Mono<Void> deleteDocument(String libraryId, String documentId) {
		return Mono.defer(() -> callWithoutAnswer(
				ApiRequest.of(HttpMethod.DELETE, MistralLibrariesClient.DOCUMENT, libraryId, documentId)
					.operation("libraries.documents.delete")));
	}

	/**
	 * Reads the text processing extracted from a document ({@code GET
	 * /v1/libraries/{library_id}/documents/{document_id}/text_content}).
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @return the text
	 */
	public Mono<DocumentTextContent> getDocumentTextContent(String libraryId, String documentId) {
		return getDocumentTextContent(libraryId, documentId, null, null);
	}

	/**
	 * Reads the text of some pages of a document ({@code GET
	 * /v1/libraries/{library_id}/documents/{document_id}/text_content}).
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @param pageStart the first page, or {@code null} from the start
	 * @param pageEnd the last page, or {@code null} to the end
	 * @return the text
	 */
	public Mono<DocumentTextContent> getDocumentTextContent(String libraryId, String documentId,
			@Nullable Integer pageStart, @Nullable Integer pageEnd) {
		return Mono.defer(() -> this.http.execute(
				MistralLibrariesClient.textContentRequest(libraryId, documentId, pageStart, pageEnd),
				DocumentTextContent.class))
			.map(MistralResponse::body);
	}

	/**
	 * Reads where a document is in its processing ({@code GET
	 * /v1/libraries/{library_id}/documents/{document_id}/status}).
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @return the status
	 */
	public Mono<DocumentProcessingStatus> getDocumentStatus(String libraryId, String documentId) {
		return Mono.defer(() -> call(ApiRequest.get(MistralLibrariesClient.DOCUMENT + "/status", libraryId, documentId)
			.operation("libraries.documents.status"), DocumentProcessingStatus.class));
	}

	/**
	 * Creates a URL that downloads the uploaded document without the API key, for a
	 * limited time ({@code GET
	 * /v1/libraries/{library_id}/documents/{document_id}/signed-url}). Treat it as a
	 * secret until it expires.
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @return the URL
	 */
	public Mono<String> getDocumentSignedUrl(String libraryId, String documentId) {
		return Mono
			.defer(() -> call(ApiRequest.get(MistralLibrariesClient.DOCUMENT + "/signed-url", libraryId, documentId)
				.operation("libraries.documents.signed-url"), String.class));
	}

	/**
	 * Creates a URL that downloads the text extracted from a document without the API
	 * key, for a limited time ({@code GET
	 * /v1/libraries/{library_id}/documents/{document_id}/extracted-text-signed-url}).
	 * Treat it as a secret until it expires.
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @return the URL
	 */
	public Mono<String> getDocumentExtractedTextSignedUrl(String libraryId, String documentId) {
		return Mono.defer(() -> call(
				ApiRequest.get(MistralLibrariesClient.DOCUMENT + "/extracted-text-signed-url", libraryId, documentId)
					.operation("libraries.documents.extracted-text-signed-url"),
				String.class));
	}

	/**
	 * Processes a document again ({@code POST
	 * /v1/libraries/{library_id}/documents/{document_id}/reprocess}); the API bills it
	 * again.
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @return completion
	 */
	public Mono<Void> reprocessDocument(String libraryId, String documentId) {
		return Mono.defer(() -> callWithoutAnswer(
				ApiRequest.post(MistralLibrariesClient.DOCUMENT + "/reprocess", libraryId, documentId)
					.operation("libraries.documents.reprocess")));
	}

	/**
	 * Reads a document's status until its processing ends (a final {@link ProcessStatus}:
	 * done, failed, or nothing to do), with the client's poll interval and timeout. A
	 * processing that failed ends the wait too: check {@code processStatus().isFailed()}.
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @param onStatusChange called with the status on the first read and whenever it
	 * changes
	 * @return the final status; a
	 * {@link dev.mistralboot.client.core.MistralJobTimeoutException} signal (holding the
	 * last status read) when the timeout passes first
	 */
	public Mono<DocumentProcessingStatus> waitForDocumentProcessing(String libraryId, String documentId,
			Consumer<? super DocumentProcessingStatus> onStatusChange) {
		return waitForDocumentProcessing(libraryId, documentId, this.poller, onStatusChange);
	}

	/**
	 * Reads a document's status until its processing ends, with a given poll interval and
	 * timeout.
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @param poller the poll interval, timeout and scheduler
	 * @param onStatusChange called with the status on the first read and whenever it
	 * changes
	 * @return the final status; a
	 * {@link dev.mistralboot.client.core.MistralJobTimeoutException} signal when the
	 * timeout passes first
	 */
	public Mono<DocumentProcessingStatus> waitForDocumentProcessing(String libraryId, String documentId,
			ReactiveJobPoller poller, Consumer<? super DocumentProcessingStatus> onStatusChange) {
		Objects.requireNonNull(poller, "poller");
		Objects.requireNonNull(onStatusChange, "onStatusChange");
		return poller.await(MistralLibrariesClient.processingDescription(libraryId, documentId),
				getDocumentStatus(libraryId, documentId), DocumentProcessingStatus::processStatus,
				MistralLibrariesClient::processed, onStatusChange);
	}

	// ---------------------------------------------------------------- accesses

	/**
	 * Lists who may use a library, and how ({@code GET
	 * /v1/libraries/{library_id}/share}).
	 * @param libraryId the library id
	 * @return the accesses
	 */
	public Mono<LibraryAccessList> listAccesses(String libraryId) {
		return Mono.defer(
				() -> call(ApiRequest.get(MistralLibrariesClient.SHARE, libraryId).operation("libraries.accesses.list"),
						LibraryAccessList.class));
	}

	/**
	 * Gives a user, a workspace or the organization access to a library, or changes their
	 * access ({@code PUT /v1/libraries/{library_id}/share}).
	 * @param libraryId the library id
	 * @param request whom to share with, and how
	 * @return the access
	 */
	public Mono<LibraryAccess> share(String libraryId, ShareLibraryRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return call(ApiRequest.of(HttpMethod.PUT, MistralLibrariesClient.SHARE, libraryId)
				.operation("libraries.accesses.share")
				.json(request), LibraryAccess.class);
		});
	}

	/**
	 * Takes an access to a library away ({@code DELETE
	 * /v1/libraries/{library_id}/share}). An answer with the deleted access, which the
	 * API announces will go away, is ignored.
	 * @param libraryId the library id
	 * @param request whose access to take away
	 * @return completion
	 */
	public Mono<Void> unshare(String libraryId, UnshareLibraryRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return callWithoutAnswer(ApiRequest.of(HttpMethod.DELETE, MistralLibrariesClient.SHARE, libraryId)
				.operation("libraries.accesses.unshare")
				.json(request));
		});
	}

}
