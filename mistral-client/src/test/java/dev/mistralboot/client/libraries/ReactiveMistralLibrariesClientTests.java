package dev.mistralboot.client.libraries;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mistralboot.client.core.MistralJobTimeoutException;
import dev.mistralboot.client.core.MistralServerException;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.client.test.RecordingScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReactiveMistralLibrariesClient} over HTTP: every operation, with the same
 * requests as the blocking client (checked against the API description by the scaffold);
 * uploads from a path, a resource, an input stream and a {@link Flux} of buffers; both
 * pagers on demand; the processing wait's three endings on a scheduler whose clock moves
 * only by the waits asked of it.
 */
class ReactiveMistralLibrariesClientTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String LIBRARY_ID = LibraryFixtures.LIBRARY_ID;

	static final String DOCUMENT_ID = LibraryFixtures.DOCUMENT_ID;

	static final String USER_ID = LibraryFixtures.USER_ID;

	static final String LIBRARY_PATH = MistralLibrariesClientTests.LIBRARY_PATH;

	static final String DOCUMENTS_PATH = MistralLibrariesClientTests.DOCUMENTS_PATH;

	static final String DOCUMENT_PATH = MistralLibrariesClientTests.DOCUMENT_PATH;

	static final String PDF = MistralLibrariesClientTests.PDF;

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	@TempDir
	Path dir;

	private final RecordingScheduler clock = new RecordingScheduler();

	private final ReactiveMistralLibrariesClient libraries = new ReactiveMistralLibrariesClient(wireMock.reactiveHttp(),
			new ReactiveJobPoller(Duration.ofSeconds(10), Duration.ofSeconds(25), this.clock));

	@Test
	void createsReadsUpdatesReplacesAndDeletesALibrary() {
		wireMock.server()
			.stubFor(post(urlEqualTo("/v1/libraries")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(LibraryFixtures.LIBRARY)));
		wireMock.stubJson(get(urlEqualTo(LIBRARY_PATH)), "libraries_get_v1", LibraryFixtures.LIBRARY);
		wireMock.stubJson(patch(urlEqualTo(LIBRARY_PATH)), "libraries_patch_v1", LibraryFixtures.LIBRARY);
		wireMock.stubJson(put(urlEqualTo(LIBRARY_PATH)), "libraries_update_v1", LibraryFixtures.LIBRARY);
		wireMock.stubJson(delete(urlEqualTo(LIBRARY_PATH)), "libraries_delete_v1", LibraryFixtures.LIBRARY);

		StepVerifier
			.create(this.libraries
				.create(CreateLibraryRequest.builder().name("Handbooks").ownerType(LibraryOwnerType.USER).build()))
			.assertNext((library) -> assertThat(library.ownerType()).isEqualTo(LibraryOwnerType.WORKSPACE))
			.verifyComplete();
		StepVerifier.create(this.libraries.get(LIBRARY_ID))
			.assertNext((library) -> assertThat(library.nbDocuments()).isEqualTo(2))
			.verifyComplete();
		StepVerifier
			.create(this.libraries.update(LIBRARY_ID, UpdateLibraryRequest.builder().description("New").build()))
			.expectNextCount(1)
			.verifyComplete();
		@SuppressWarnings("deprecation")
		StepVerifier.FirstStep<Library> replaced = StepVerifier
			.create(this.libraries.replace(LIBRARY_ID, UpdateLibraryRequest.builder().name("Renamed").build()));
		replaced.expectNextCount(1).verifyComplete();
		// the older answer with the deleted library is ignored
		StepVerifier.create(this.libraries.delete(LIBRARY_ID)).verifyComplete();

		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/libraries"))
				.withRequestBody(equalToJson("{\"name\":\"Handbooks\",\"owner_type\":\"User\"}")));
		wireMock.server()
			.verify(patchRequestedFor(urlEqualTo(LIBRARY_PATH))
				.withRequestBody(equalToJson("{\"description\":\"New\"}")));
		wireMock.server()
			.verify(putRequestedFor(urlEqualTo(LIBRARY_PATH)).withRequestBody(equalToJson("{\"name\":\"Renamed\"}")));
		wireMock.server().verify(exactly(1), deleteRequestedFor(urlEqualTo(LIBRARY_PATH)));
	}

	@Test
	void listsLibrariesWithEveryFilterAndListAllFollowsTheTokensOnDemand() {
		wireMock.stubJson(get(urlEqualTo("/v1/libraries?page_size=1&search=hand&filter_owned_by_me=false")),
				"libraries_list_v1", "{\"data\":[" + LibraryFixtures.LIBRARY + "],\"next_page_token\":\"tok-2\"}");
		wireMock.stubJson(
				get(urlEqualTo("/v1/libraries?page_size=1&page_token=tok-2&search=hand&filter_owned_by_me=false")),
				"libraries_list_v1", "{\"data\":[" + LibraryFixtures.SECOND_LIBRARY + "],\"next_page_token\":null}");
		wireMock.stubJson(get(urlPathEqualTo("/v1/libraries")).withQueryParam("page", equalTo("4")),
				"libraries_list_v1", "{\"data\":[],\"next_page_token\":null}");
		ListLibrariesRequest request = ListLibrariesRequest.builder()
			.pageSize(1)
			.search("hand")
			.filterOwnedByMe(false)
			.build();

		StepVerifier.create(this.libraries.listAll(request), 1)
			.expectNextMatches((library) -> library.id().equals(LIBRARY_ID))
			.then(() -> assertThat(wireMock.requestCount()).as("the second page is not asked for yet").isEqualTo(1))
			.thenRequest(1)
			.expectNextMatches((library) -> library.id().equals(LibraryFixtures.SECOND_LIBRARY_ID))
			.thenRequest(1)
			.verifyComplete();
		StepVerifier.create(this.libraries.list(ListLibrariesRequest.builder().page(4).pageToken(null).build()))
			.assertNext((page) -> assertThat(page.data()).isEmpty())
			.verifyComplete();
		assertThat(wireMock.requestCount()).isEqualTo(3);
	}

	@Test
	void uploadsADocumentFromAPathAResourceAndAnInputStream() throws IOException {
		Path pdf = Files.writeString(this.dir.resolve("handbook.pdf"), PDF);
		wireMock.stubJson(post(urlEqualTo(DOCUMENTS_PATH)), "libraries_documents_upload_v1",
				LibraryFixtures.document("todo"));

		StepVerifier
			.create(this.libraries.uploadDocumentWithResponse(LIBRARY_ID, UploadDocumentRequest.of(pdf).build()))
			.assertNext((answer) -> {
				assertThat(answer.metadata().statusCode()).isEqualTo(200);
				assertThat(answer.body().processStatus()).isEqualTo(ProcessStatus.TODO);
			})
			.verifyComplete();
		StepVerifier.create(this.libraries.uploadDocument(LIBRARY_ID,
				UploadDocumentRequest.of(new ByteArrayResource("# Rules\n".getBytes(StandardCharsets.UTF_8)))
					.filename("rules.md")
					.build()))
			.expectNextCount(1)
			.verifyComplete();
		StepVerifier.create(this.libraries.uploadDocument(LIBRARY_ID,
				UploadDocumentRequest
					.of(new ByteArrayInputStream("plain notes".getBytes(StandardCharsets.UTF_8)), "notes.txt")
					.build()))
			.expectNextCount(1)
			.verifyComplete();

		wireMock.server()
			.verify(postRequestedFor(urlEqualTo(DOCUMENTS_PATH)).withRequestBodyPart(
					aMultipart("file").withHeader("Content-Disposition", containing("filename=\"handbook.pdf\""))
						.withHeader("Content-Type", equalTo("application/pdf"))
						.withBody(binaryEqualTo(PDF.getBytes(StandardCharsets.UTF_8)))
						.build()));
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo(DOCUMENTS_PATH)).withRequestBodyPart(
					aMultipart("file").withHeader("Content-Disposition", containing("filename=\"rules.md\""))
						.withBody(equalTo("# Rules\n"))
						.build()));
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo(DOCUMENTS_PATH)).withRequestBodyPart(
					aMultipart("file").withHeader("Content-Disposition", containing("filename=\"notes.txt\""))
						.withHeader("Content-Type", containing("text/plain"))
						.withBody(equalTo("plain notes"))
						.build()));
	}

	@Test
	void uploadsBuffersAsTheyComeAndNeverRetriesThem() {
		ReactiveMistralLibrariesClient retrying = new ReactiveMistralLibrariesClient(wireMock.reactiveHttpBuilder()
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)))
			.build());
		wireMock.server()
			.stubFor(post(urlEqualTo(DOCUMENTS_PATH)).inScenario("flaky")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503).withBody("busy"))
				.willSetStateTo("up"));
		wireMock.server()
			.stubFor(post(urlEqualTo(DOCUMENTS_PATH)).inScenario("flaky")
				.whenScenarioStateIs("up")
				.willReturn(okJson(LibraryFixtures.document("todo"))));
		Flux<DataBuffer> content = Flux.just("%PDF-1.7\n", "Handbook\n", "%%EOF\n")
			.map((text) -> DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8)));

		StepVerifier.create(retrying.uploadDocument(LIBRARY_ID, content, "handbook.pdf"))
			.expectError(MistralServerException.class)
			.verify(WAIT);
		wireMock.server().verify(exactly(1), postRequestedFor(urlEqualTo(DOCUMENTS_PATH)));

		StepVerifier
			.create(retrying.uploadDocumentWithResponse(LIBRARY_ID,
					Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(PDF.getBytes(StandardCharsets.UTF_8))),
					"handbook.pdf", "application/pdf"))
			.assertNext((answer) -> assertThat(answer.body().id()).isEqualTo(DOCUMENT_ID))
			.verifyComplete();
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo(DOCUMENTS_PATH)).withRequestBodyPart(
					aMultipart("file").withHeader("Content-Disposition", containing("filename=\"handbook.pdf\""))
						.withHeader("Content-Type", equalTo("application/pdf"))
						.withBody(equalTo(PDF))
						.build()));
	}

	@Test
	void listsDocumentsWithEveryFilterAndWalksThePages() {
		wireMock.stubJson(get(urlPathEqualTo(DOCUMENTS_PATH)).withQueryParam("search", equalTo("hand")),
				"libraries_documents_list_v1", LibraryFixtures.documentPage(0, 1, LibraryFixtures.document("done")));
		for (int page = 0; page < 2; page++) {
			wireMock.stubJson(get(urlEqualTo(DOCUMENTS_PATH + "?page_size=1&page=" + page + "&sort_order=asc")),
					"libraries_documents_list_v1",
					LibraryFixtures.documentPage(page, 2, LibraryFixtures.document((page == 0) ? "done" : "error")));
		}

		StepVerifier.create(this.libraries.listDocuments(LIBRARY_ID,
				ListDocumentsRequest.builder()
					.search("hand")
					.pageSize(5)
					.page(0)
					.filtersAttributes("{}")
					.sortBy("name")
					.sortOrder("desc")
					.build()))
			.assertNext((page) -> assertThat(page.total()).isEqualTo(1L))
			.verifyComplete();
		StepVerifier
			.create(this.libraries.listAllDocuments(LIBRARY_ID,
					ListDocumentsRequest.builder().pageSize(1).sortOrder("asc").build()), 1)
			.expectNextMatches((document) -> document.processStatus() == ProcessStatus.DONE)
			.thenRequest(5)
			.expectNextMatches((document) -> document.processStatus().isFailed())
			.verifyComplete();

		wireMock.server()
			.verify(getRequestedFor(urlPathEqualTo(DOCUMENTS_PATH)).withQueryParam("search", equalTo("hand"))
				.withQueryParam("page_size", equalTo("5"))
				.withQueryParam("page", equalTo("0"))
				.withQueryParam("filters_attributes", equalTo("{}"))
				.withQueryParam("sort_by", equalTo("name"))
				.withQueryParam("sort_order", equalTo("desc")));
		assertThat(wireMock.requestCount()).isEqualTo(3);
	}

	@Test
	void readsUpdatesReplacesDeletesAndReprocessesADocument() {
		wireMock.stubJson(get(urlEqualTo(DOCUMENT_PATH)), "libraries_documents_get_v1",
				LibraryFixtures.document("done"));
		wireMock.stubJson(patch(urlEqualTo(DOCUMENT_PATH)), "libraries_documents_patch_v1",
				LibraryFixtures.document("done"));
		wireMock.stubJson(put(urlEqualTo(DOCUMENT_PATH)), "libraries_documents_update_v1",
				LibraryFixtures.document("done"));
		wireMock.server().stubFor(delete(urlEqualTo(DOCUMENT_PATH)).willReturn(aResponse().withStatus(204)));
		wireMock.server()
			.stubFor(post(urlEqualTo(DOCUMENT_PATH + "/reprocess")).willReturn(aResponse().withStatus(204)));

		StepVerifier.create(this.libraries.getDocument(LIBRARY_ID, DOCUMENT_ID))
			.assertNext((document) -> assertThat(document.attributes()).containsEntry("team", "hr"))
			.verifyComplete();
		StepVerifier.create(this.libraries.updateDocument(LIBRARY_ID, DOCUMENT_ID,
				UpdateDocumentRequest.builder()
					.attributes(Map.of("reviewed", true))
					.expiresAt(Instant.parse("2027-06-30T12:00:00Z"))
					.build()))
			.expectNextCount(1)
			.verifyComplete();
		@SuppressWarnings("deprecation")
		StepVerifier.FirstStep<Document> replaced = StepVerifier.create(this.libraries.replaceDocument(LIBRARY_ID,
				DOCUMENT_ID, UpdateDocumentRequest.builder().name("Handbook 2027").build()));
		replaced.expectNextCount(1).verifyComplete();
		StepVerifier.create(this.libraries.deleteDocument(LIBRARY_ID, DOCUMENT_ID)).verifyComplete();
		StepVerifier.create(this.libraries.reprocessDocument(LIBRARY_ID, DOCUMENT_ID)).verifyComplete();

		wireMock.server()
			.verify(patchRequestedFor(urlEqualTo(DOCUMENT_PATH)).withRequestBody(
					equalToJson("{\"attributes\":{\"reviewed\":true},\"expires_at\":\"2027-06-30T12:00:00Z\"}")));
		wireMock.server()
			.verify(putRequestedFor(urlEqualTo(DOCUMENT_PATH))
				.withRequestBody(equalToJson("{\"name\":\"Handbook 2027\"}")));
		wireMock.server().verify(exactly(1), deleteRequestedFor(urlEqualTo(DOCUMENT_PATH)));
		wireMock.server().verify(exactly(1), postRequestedFor(urlEqualTo(DOCUMENT_PATH + "/reprocess")));
	}

	@Test
	void readsTextStatusAndSignedUrls() {
		wireMock.stubJson(get(urlEqualTo(DOCUMENT_PATH + "/text_content?page_start=1&page_end=1")),
				"libraries_documents_get_text_content_v1", "{\"text\":\"Welcome aboard.\"}");
		wireMock.stubJson(get(urlEqualTo(DOCUMENT_PATH + "/text_content")), "libraries_documents_get_text_content_v1",
				"{\"text\":\"Welcome aboard. Everything.\"}");
		wireMock.stubJson(get(urlEqualTo(DOCUMENT_PATH + "/status")), "libraries_documents_get_status_v1",
				LibraryFixtures.status("done"));
		wireMock.stubJson(get(urlEqualTo(DOCUMENT_PATH + "/signed-url")), "libraries_documents_get_signed_url_v1",
				"\"https://files.example/handbook.pdf?X-Signature=abc\"");
		wireMock.stubJson(get(urlEqualTo(DOCUMENT_PATH + "/extracted-text-signed-url")),
				"libraries_documents_get_extracted_text_signed_url_v1",
				"\"https://files.example/handbook.md?X-Signature=def\"");

		StepVerifier.create(this.libraries.getDocumentTextContent(LIBRARY_ID, DOCUMENT_ID, 1, 1))
			.assertNext((text) -> assertThat(text.text()).isEqualTo("Welcome aboard."))
			.verifyComplete();
		StepVerifier.create(this.libraries.getDocumentTextContent(LIBRARY_ID, DOCUMENT_ID))
			.assertNext((text) -> assertThat(text.text()).isEqualTo("Welcome aboard. Everything."))
			.verifyComplete();
		StepVerifier.create(this.libraries.getDocumentStatus(LIBRARY_ID, DOCUMENT_ID))
			.assertNext((status) -> assertThat(status.processStatus()).isEqualTo(ProcessStatus.DONE))
			.verifyComplete();
		StepVerifier.create(this.libraries.getDocumentSignedUrl(LIBRARY_ID, DOCUMENT_ID))
			.expectNext("https://files.example/handbook.pdf?X-Signature=abc")
			.verifyComplete();
		StepVerifier.create(this.libraries.getDocumentExtractedTextSignedUrl(LIBRARY_ID, DOCUMENT_ID))
			.expectNext("https://files.example/handbook.md?X-Signature=def")
			.verifyComplete();
	}

	@Test
	void listsSharesAndUnsharesAccess() {
		wireMock.stubJson(get(urlEqualTo(LIBRARY_PATH + "/share")), "libraries_share_list_v1",
				"{\"data\":[" + LibraryFixtures.ACCESS + "]}");
		wireMock.stubJson(put(urlEqualTo(LIBRARY_PATH + "/share")), "libraries_share_create_v1",
				LibraryFixtures.ACCESS);
		wireMock.stubJson(delete(urlEqualTo(LIBRARY_PATH + "/share")), "libraries_share_delete_v1",
				LibraryFixtures.ACCESS);

		StepVerifier.create(this.libraries.listAccesses(LIBRARY_ID))
			.assertNext(
					(accesses) -> assertThat(accesses.data()).extracting(LibraryAccess::role).containsExactly("Editor"))
			.verifyComplete();
		StepVerifier
			.create(this.libraries.share(LIBRARY_ID,
					ShareLibraryRequest.builder()
						.shareWithUuid(USER_ID)
						.shareWithType(ShareEntityType.WORKSPACE)
						.level(AccessLevel.VIEWER)
						.build()))
			.assertNext((access) -> assertThat(access.libraryId()).isEqualTo(LIBRARY_ID))
			.verifyComplete();
		// the older answer with the deleted access is ignored
		StepVerifier.create(this.libraries.unshare(LIBRARY_ID,
				UnshareLibraryRequest.builder()
					.shareWithUuid(USER_ID)
					.shareWithType(ShareEntityType.WORKSPACE)
					.build()))
			.verifyComplete();

		wireMock.server()
			.verify(putRequestedFor(urlEqualTo(LIBRARY_PATH + "/share")).withRequestBody(
					equalToJson("{\"level\":\"Viewer\",\"share_with_uuid\":\"%s\",\"share_with_type\":\"Workspace\"}"
						.formatted(USER_ID))));
		wireMock.server()
			.verify(deleteRequestedFor(urlEqualTo(LIBRARY_PATH + "/share")).withRequestBody(
					equalToJson("{\"share_with_uuid\":\"%s\",\"share_with_type\":\"Workspace\"}".formatted(USER_ID))));
	}

	@Test
	void waitingEndsWhenTheDocumentIsProcessed() {
		stubStatuses("todo", "in_progress", "done");
		List<ProcessStatus> seen = new CopyOnWriteArrayList<>();

		StepVerifier
			.create(this.libraries.waitForDocumentProcessing(LIBRARY_ID, DOCUMENT_ID,
					(update) -> seen.add(update.processStatus())))
			.assertNext((status) -> assertThat(status.processStatus()).isEqualTo(ProcessStatus.DONE))
			.verifyComplete();

		assertThat(seen).containsExactly(ProcessStatus.TODO, ProcessStatus.IN_PROGRESS, ProcessStatus.DONE);
		assertThat(this.clock.delays()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
		wireMock.server().verify(exactly(3), getRequestedFor(urlEqualTo(DOCUMENT_PATH + "/status")));
	}

	@Test
	void waitingEndsWhenTheProcessingFails() {
		stubStatuses("in_progress", "missing_content");

		StepVerifier.create(this.libraries.waitForDocumentProcessing(LIBRARY_ID, DOCUMENT_ID, (update) -> {
		})).assertNext((status) -> assertThat(status.processStatus().isFailed()).isTrue()).verifyComplete();

		assertThat(this.clock.delays()).containsExactly(Duration.ofSeconds(10));
		wireMock.server().verify(exactly(2), getRequestedFor(urlEqualTo(DOCUMENT_PATH + "/status")));
	}

	@Test
	void waitingGivesUpAtTheTimeoutWithTheLastStatus() {
		wireMock.stubJson(get(urlEqualTo(DOCUMENT_PATH + "/status")), "libraries_documents_get_status_v1",
				LibraryFixtures.status("waiting_for_capacity"));

		StepVerifier.create(this.libraries.waitForDocumentProcessing(LIBRARY_ID, DOCUMENT_ID, (update) -> {
		}))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralJobTimeoutException.class)
				.hasMessageContaining("processing of document " + DOCUMENT_ID + " in library " + LIBRARY_ID
						+ " is still waiting_for_capacity after PT25S")
				.satisfies((timeout) -> assertThat(
						((DocumentProcessingStatus) ((MistralJobTimeoutException) timeout).getLastSeen()).documentId())
					.isEqualTo(DOCUMENT_ID)))
			.verify(WAIT);

		assertThat(this.clock.delays()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10),
				Duration.ofSeconds(5));
		wireMock.server().verify(exactly(4), getRequestedFor(urlEqualTo(DOCUMENT_PATH + "/status")));
	}

	private static void stubStatuses(String... statuses) {
		for (int i = 0; i < statuses.length; i++) {
			wireMock.server()
				.stubFor(get(urlEqualTo(DOCUMENT_PATH + "/status")).inScenario("processing")
					.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "read-" + i)
					.willSetStateTo("read-" + (i + 1))
					.willReturn(okJson(LibraryFixtures.status(statuses[i]))));
		}
	}

}
