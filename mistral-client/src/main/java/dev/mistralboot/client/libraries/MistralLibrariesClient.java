package dev.mistralboot.client.libraries;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralPager;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.RequestOptions;
import dev.mistralboot.client.core.UploadForm;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * Document libraries ({@code /v1/libraries}, beta): libraries, their documents, and who
 * may use them. A library's documents are searched by agents with the document library
 * tool once processed.
 *
 * <pre>{@code
 * Library library = libraries.create(CreateLibraryRequest.builder().name("Handbooks").build());
 * Document document = libraries.uploadDocument(library.id(),
 *     UploadDocumentRequest.of(Path.of("handbook.pdf")).build());
 * DocumentProcessingStatus status = libraries.waitForDocumentProcessing(library.id(), document.id(),
 *     (update) -> log.info("{}", update.processStatus()));
 * String text = libraries.getDocumentTextContent(library.id(), document.id()).text();
 * }</pre>
 *
 * Uploads are streamed (chunked) from their source, never held in memory. Failures raise
 * the {@link dev.mistralboot.client.core.MistralException} hierarchy. Thread-safe.
 */
public class MistralLibrariesClient {

	/** The default wait between two reads of a document's status. */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

	/** The default longest wait of {@link #waitForDocumentProcessing}. */
	public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMinutes(30);

	static final String LIBRARIES = "/v1/libraries";

	static final String LIBRARY = "/v1/libraries/{library_id}";

	static final String DOCUMENTS = "/v1/libraries/{library_id}/documents";

	static final String DOCUMENT = "/v1/libraries/{library_id}/documents/{document_id}";

	static final String SHARE = "/v1/libraries/{library_id}/share";

	private final MistralHttp http;

	private final JobPoller poller;

	/**
	 * Creates a client whose processing wait polls every 2 seconds for up to 30 minutes.
	 * @param http the HTTP core
	 */
	public MistralLibrariesClient(MistralHttp http) {
		this(http, JobPoller.of(DEFAULT_POLL_INTERVAL, DEFAULT_POLL_TIMEOUT));
	}

	/**
	 * Creates a client.
	 * @param http the HTTP core
	 * @param poller how {@link #waitForDocumentProcessing} polls
	 * ({@code mistral.libraries.poll-*})
	 */
	public MistralLibrariesClient(MistralHttp http, JobPoller poller) {
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
	public MistralLibrariesClient withOptions(RequestOptions options) {
		return new MistralLibrariesClient(this.http.withOptions(options), this.poller);
	}

	/**
	 * The poll interval and timeout {@code waitForDocumentProcessing} uses by default.
	 * @return the poller
	 */
	public JobPoller poller() {
		return this.poller;
	}

	// ---------------------------------------------------------------- libraries

	/**
	 * Lists the first page of the libraries you can use ({@code GET /v1/libraries}).
	 * @return the page
	 */
	public LibraryList list() {
		return list(ListLibrariesRequest.ALL);
	}

	/**
	 * Lists one page of the libraries you can use ({@code GET /v1/libraries}).
	 * @param request the page and filters
	 * @return the page; its {@code nextPageToken} leads to the next one
	 */
	public LibraryList list(ListLibrariesRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http.execute(listRequest(request), LibraryList.class).body();
	}

	/** The request of one page of libraries; the reactive client sends the same. */
	static ApiRequest listRequest(ListLibrariesRequest request) {
		return ApiRequest.get(LIBRARIES)
			.operation("libraries.list")
			.query("page_size", request.pageSize())
			.query("page_token", request.pageToken())
			.query("page", request.page())
			.query("search", request.search())
			.query("filter_owned_by_me", request.filterOwnedByMe())
			.build();
	}

	/**
	 * Every library matching the filters, across all pages: each next page is requested
	 * with the token of the previous one, lazily, as the stream is consumed. Starts at
	 * the request's token (the first page when unset).
	 * @param request the filters and page size
	 * @return the libraries
	 */
	public Stream<Library> listAll(ListLibrariesRequest request) {
		Objects.requireNonNull(request, "request");
		Iterator<Library> libraries = new TokenPages(request);
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(libraries, Spliterator.ORDERED | Spliterator.NONNULL), false);
	}

	/**
	 * Creates a library ({@code POST /v1/libraries}); you own it.
	 * @param request the library
	 * @return the created library
	 */
	public Library create(CreateLibraryRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http
			.execute(ApiRequest.post(LIBRARIES).operation("libraries.create").json(request).build(), Library.class)
			.body();
	}

	/**
	 * Reads a library ({@code GET /v1/libraries/{library_id}}).
	 * @param libraryId the library id
	 * @return the library
	 * @throws IllegalArgumentException when the id is blank
	 */
	public Library get(String libraryId) {
		return this.http.execute(ApiRequest.get(LIBRARY, libraryId).operation("libraries.get").build(), Library.class)
			.body();
	}

	/**
	 * Changes a library's name or description ({@code PATCH /v1/libraries/{library_id}}).
	 * @param libraryId the library id
	 * @param request the new values
	 * @return the changed library
	 */
	public Library update(String libraryId, UpdateLibraryRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http.execute(
				ApiRequest.of(HttpMethod.PATCH, LIBRARY, libraryId).operation("libraries.update").json(request).build(),
				Library.class)
			.body();
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
	public Library replace(String libraryId, UpdateLibraryRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http.execute(
				ApiRequest.of(HttpMethod.PUT, LIBRARY, libraryId).operation("libraries.replace").json(request).build(),
				Library.class)
			.body();
	}

	/**
	 * Deletes a library and all its documents ({@code DELETE
	 * /v1/libraries/{library_id}}). The API may still answer with the deleted library;
	 * that answer is announced to go away, so it is not returned.
	 * @param libraryId the library id
	 * @throws IllegalArgumentException when the id is blank
	 */
	public void delete(String libraryId) {
		this.http.execute(ApiRequest.of(HttpMethod.DELETE, LIBRARY, libraryId).operation("libraries.delete").build(),
				Void.class);
	}

	// ---------------------------------------------------------------- documents

	/**
	 * Uploads a document to a library ({@code POST /v1/libraries/{library_id}/documents},
	 * multipart), streaming its content. The API then processes it
	 * ({@link #waitForDocumentProcessing}); a document with the same content already in
	 * the library is answered instead of a new one.
	 * @param libraryId the library id
	 * @param request the file
	 * @return the document
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status (an
	 * upload from an input stream is never retried)
	 */
	public Document uploadDocument(String libraryId, UploadDocumentRequest request) {
		return uploadDocumentWithResponse(libraryId, request).body();
	}

	/**
	 * Uploads a document to a library, with the response's status (201 for a new
	 * document, 200 for one the library already held) and headers.
	 * @param libraryId the library id
	 * @param request the file
	 * @return the document and the response metadata
	 */
	public MistralResponse<Document> uploadDocumentWithResponse(String libraryId, UploadDocumentRequest request) {
		Objects.requireNonNull(request, "request");
		UploadForm form = new UploadForm().file("file", request.upload());
		return this.http.execute(ApiRequest.post(DOCUMENTS, libraryId)
			.operation("libraries.documents.upload")
			.multipart(form.blocking(), form.repeatable())
			.build(), Document.class);
	}

	/**
	 * Lists the first page of a library's documents ({@code GET
	 * /v1/libraries/{library_id}/documents}).
	 * @param libraryId the library id
	 * @return the page
	 */
	public DocumentList listDocuments(String libraryId) {
		return listDocuments(libraryId, ListDocumentsRequest.ALL);
	}

	/**
	 * Lists one page of a library's documents ({@code GET
	 * /v1/libraries/{library_id}/documents}).
	 * @param libraryId the library id
	 * @param request the page, filters and order
	 * @return the page
	 */
	public DocumentList listDocuments(String libraryId, ListDocumentsRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http.execute(listDocumentsRequest(libraryId, request), DocumentList.class).body();
	}

	/** The request of one page of documents; the reactive client sends the same. */
	static ApiRequest listDocumentsRequest(String libraryId, ListDocumentsRequest request) {
		return ApiRequest.get(DOCUMENTS, libraryId)
			.operation("libraries.documents.list")
			.query("search", request.search())
			.query("page_size", request.pageSize())
			.query("page", request.page())
			.query("filters_attributes", request.filtersAttributes())
			.query("sort_by", request.sortBy())
			.query("sort_order", request.sortOrder())
			.build();
	}

	/**
	 * Every document of a library matching the filters, across all pages, starting at the
	 * request's page (0 when unset). Pages are requested lazily, as the stream is
	 * consumed.
	 * @param libraryId the library id
	 * @param request the filters, order and page size
	 * @return the documents
	 */
	public Stream<Document> listAllDocuments(String libraryId, ListDocumentsRequest request) {
		Objects.requireNonNull(request, "request");
		int first = (request.page() != null) ? request.page() : 0;
		int size = (request.pageSize() != null) ? request.pageSize() : ListDocumentsRequest.DEFAULT_PAGE_SIZE;
		return MistralPager.stream(first, size,
				(page) -> listDocuments(libraryId, request.toBuilder().page(page).pageSize(size).build()));
	}

	/**
	 * Reads a document's metadata ({@code GET
	 * /v1/libraries/{library_id}/documents/{document_id}}).
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @return the document
	 */
	public Document getDocument(String libraryId, String documentId) {
		return this.http
			.execute(ApiRequest.get(DOCUMENT, libraryId, documentId).operation("libraries.documents.get").build(),
					Document.class)
			.body();
	}

	/**
	 * Changes a document's name, attributes or expiry ({@code PATCH
	 * /v1/libraries/{library_id}/documents/{document_id}}).
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @param request the new values
	 * @return the changed document
	 */
	public Document updateDocument(String libraryId, String documentId, UpdateDocumentRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http
			.execute(ApiRequest.of(HttpMethod.PATCH, DOCUMENT, libraryId, documentId)
				.operation("libraries.documents.update")
				.json(request)
				.build(), Document.class)
			.body();
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
	public Document replaceDocument(String libraryId, String documentId, UpdateDocumentRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http
			.execute(ApiRequest.of(HttpMethod.PUT, DOCUMENT, libraryId, documentId)
				.operation("libraries.documents.replace")
				.json(request)
				.build(), Document.class)
			.body();
	}

	/**
	 * Deletes a document from its library and from the library's search ({@code DELETE
	 * /v1/libraries/{library_id}/documents/{document_id}}).
	 * @param libraryId the library id
	 * @param documentId the document id
	 */
	public void deleteDocument(String libraryId, String documentId) {
		this.http.execute(ApiRequest.of(HttpMethod.DELETE, DOCUMENT, libraryId, documentId)
			.operation("libraries.documents.delete")
			.build(), Void.class);
	}

	/**
	 * Reads the text processing extracted from a document ({@code GET
	 * /v1/libraries/{library_id}/documents/{document_id}/text_content}).
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @return the text
	 */
	public DocumentTextContent getDocumentTextContent(String libraryId, String documentId) {
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
	public DocumentTextContent getDocumentTextContent(String libraryId, String documentId, @Nullable Integer pageStart,
			@Nullable Integer pageEnd) {
		return this.http
			.execute(textContentRequest(libraryId, documentId, pageStart, pageEnd), DocumentTextContent.class)
			.body();
	}

	static ApiRequest textContentRequest(String libraryId, String documentId, @Nullable Integer pageStart,
			@Nullable Integer pageEnd) {
		return ApiRequest.get(DOCUMENT + "/text_content", libraryId, documentId)
			.operation("libraries.documents.text-content")
			.query("page_start", pageStart)
			.query("page_end", pageEnd)
			.build();
	}

	/**
	 * Reads where a document is in its processing ({@code GET
	 * /v1/libraries/{library_id}/documents/{document_id}/status}).
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @return the status
	 */
	public DocumentProcessingStatus getDocumentStatus(String libraryId, String documentId) {
		return this.http
			.execute(ApiRequest.get(DOCUMENT + "/status", libraryId, documentId)
				.operation("libraries.documents.status")
				.build(), DocumentProcessingStatus.class)
			.body();
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
	public String getDocumentSignedUrl(String libraryId, String documentId) {
		return this.http
			.execute(ApiRequest.get(DOCUMENT + "/signed-url", libraryId, documentId)
				.operation("libraries.documents.signed-url")
				.build(), String.class)
			.body();
	}

	/**
	 * Creates a URL that downloads the text extracted from a document (for documents read
	 * by OCR, the OCR's result) without the API key, for a limited time ({@code GET
	 * /v1/libraries/{library_id}/documents/{document_id}/extracted-text-signed-url}).
	 * Treat it as a secret until it expires.
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @return the URL
	 */
	public String getDocumentExtractedTextSignedUrl(String libraryId, String documentId) {
		return this.http
			.execute(ApiRequest.get(DOCUMENT + "/extracted-text-signed-url", libraryId, documentId)
				.operation("libraries.documents.extracted-text-signed-url")
				.build(), String.class)
			.body();
	}

	/**
	 * Processes a document again ({@code POST
	 * /v1/libraries/{library_id}/documents/{document_id}/reprocess}); the API bills it
	 * again.
	 * @param libraryId the library id
	 * @param documentId the document id
	 */
	public void reprocessDocument(String libraryId, String documentId) {
		this.http.execute(ApiRequest.post(DOCUMENT + "/reprocess", libraryId, documentId)
			.operation("libraries.documents.reprocess")
			.build(), Void.class);
	}

	/**
	 * Reads a document's status until its processing ends (a final {@link ProcessStatus}:
	 * done, failed, or nothing to do), with the client's poll interval and timeout. A
	 * processing that failed ends the wait too: check {@code processStatus().isFailed()}.
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @param onStatusChange called with the status on the first read and whenever it
	 * changes
	 * @return the final status
	 * @throws dev.mistralboot.client.core.MistralJobTimeoutException when the timeout
	 * passes first (holding the last status read)
	 */
	public DocumentProcessingStatus waitForDocumentProcessing(String libraryId, String documentId,
			Consumer<? super DocumentProcessingStatus> onStatusChange) {
		return waitForDocumentProcessing(libraryId, documentId, this.poller, onStatusChange);
	}

	/**
	 * Reads a document's status until its processing ends, with a given poll interval and
	 * timeout.
	 * @param libraryId the library id
	 * @param documentId the document id
	 * @param poller the poll interval and timeout
	 * @param onStatusChange called with the status on the first read and whenever it
	 * changes
	 * @return the final status
	 * @throws dev.mistralboot.client.core.MistralJobTimeoutException when the timeout
	 * passes first (holding the last status read)
	 */
	public DocumentProcessingStatus waitForDocumentProcessing(String libraryId, String documentId, JobPoller poller,
			Consumer<? super DocumentProcessingStatus> onStatusChange) {
		Objects.requireNonNull(poller, "poller");
		Objects.requireNonNull(onStatusChange, "onStatusChange");
		return poller.await(processingDescription(libraryId, documentId),
				() -> getDocumentStatus(libraryId, documentId), DocumentProcessingStatus::processStatus,
				MistralLibrariesClient::processed, onStatusChange);
	}

	static String processingDescription(String libraryId, String documentId) {
		return "processing of document " + documentId + " in library " + libraryId;
	}

	static boolean processed(DocumentProcessingStatus status) {
		ProcessStatus processStatus = status.processStatus();
		return processStatus != null && processStatus.isFinal();
	}

	// ---------------------------------------------------------------- accesses

	/**
	 * Lists who may use a library, and how ({@code GET
	 * /v1/libraries/{library_id}/share}).
	 * @param libraryId the library id
	 * @return the accesses
	 */
	public LibraryAccessList listAccesses(String libraryId) {
		return this.http
			.execute(ApiRequest.get(SHARE, libraryId).operation("libraries.accesses.list").build(),
					LibraryAccessList.class)
			.body();
	}

	/**
	 * Gives a user, a workspace or the organization access to a library, or changes their
	 * access ({@code PUT /v1/libraries/{library_id}/share}). Only the owner can share a
	 * library, and only within the organization.
	 * @param libraryId the library id
	 * @param request whom to share with, and how
	 * @return the access
	 */
	public LibraryAccess share(String libraryId, ShareLibraryRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http
			.execute(ApiRequest.of(HttpMethod.PUT, SHARE, libraryId)
				.operation("libraries.accesses.share")
				.json(request)
				.build(), LibraryAccess.class)
			.body();
	}

	/**
	 * Takes an access to a library away ({@code DELETE
	 * /v1/libraries/{library_id}/share}). The API may still answer with the deleted
	 * access; that answer is announced to go away, so it is not returned.
	 * @param libraryId the library id
	 * @param request whose access to take away
	 */
	public void unshare(String libraryId, UnshareLibraryRequest request) {
		Objects.requireNonNull(request, "request");
		this.http.execute(ApiRequest.of(HttpMethod.DELETE, SHARE, libraryId)
			.operation("libraries.accesses.unshare")
			.json(request)
			.build(), Void.class);
	}

	/** Libraries page after page, each requested with the previous page's token. */
	private final class TokenPages implements Iterator<Library> {

		private final ListLibrariesRequest request;

		private @Nullable String token;

		private List<Library> current = List.of();

		private int index;

		private boolean last;

		TokenPages(ListLibrariesRequest request) {
			this.request = request;
			this.token = request.pageToken();
		}

		@Override
		public boolean hasNext() {
			while (this.index >= this.current.size()) {
				if (this.last) {
					return false;
				}
				LibraryList page = list(this.request.toBuilder().pageToken(this.token).build());
				this.current = page.data();
				this.index = 0;
				this.token = page.nextPageToken();
				this.last = this.token == null || this.token.isEmpty() || this.current.isEmpty();
			}
			return true;
		}

		@Override
		public Library next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.current.get(this.index++);
		}

	}

}
