package dev.mistralboot.test;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.libraries.AccessLevel;
import dev.mistralboot.client.libraries.CreateLibraryRequest;
import dev.mistralboot.client.libraries.Document;
import dev.mistralboot.client.libraries.DocumentProcessingStatus;
import dev.mistralboot.client.libraries.Library;
import dev.mistralboot.client.libraries.LibraryAccess;
import dev.mistralboot.client.libraries.ListDocumentsRequest;
import dev.mistralboot.client.libraries.ListLibrariesRequest;
import dev.mistralboot.client.libraries.MistralLibrariesClient;
import dev.mistralboot.client.libraries.ProcessStatus;
import dev.mistralboot.client.libraries.ReactiveMistralLibrariesClient;
import dev.mistralboot.client.libraries.ShareEntityType;
import dev.mistralboot.client.libraries.ShareLibraryRequest;
import dev.mistralboot.client.libraries.UnshareLibraryRequest;
import dev.mistralboot.client.libraries.UpdateDocumentRequest;
import dev.mistralboot.client.libraries.UpdateLibraryRequest;
import dev.mistralboot.client.libraries.UploadDocumentRequest;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MockMistral} simulates the document libraries for the blocking and reactive
 * clients: every operation, with state kept between calls and a scripted processing;
 * every request is checked against the request schemas of the OpenAPI description and
 * every JSON answer against the response schemas.
 */
class MockMistralLibrariesTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String HANDBOOK = "# Handbook\n\nThe office opens at 8:30.\n";

	private OpenApiContract contract;

	private MockMistral mock;

	private final List<String> responseViolations = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		this.contract = OpenApiContract.get();
		this.mock = MockMistral.start(this.contract);
		this.mock.wireMock().addMockServiceRequestListener((request, response) -> {
			String type = response.getHeaders().getContentTypeHeader().mimeTypePart();
			if ("application/json".equals(type)) {
				String path = request.getUrl().split("\\?", 2)[0];
				List<String> errors = this.contract.validateResponse(request.getMethod().getName(), path,
						response.getStatus(), response.getBodyAsString());
				errors.forEach((error) -> this.responseViolations
					.add(request.getMethod() + " " + path + " " + response.getStatus() + ": " + error));
			}
		});
	}

	@AfterEach
	void conforms() {
		try {
			this.mock.assertAllRequestsConform();
			assertThat(this.responseViolations).as("answers that do not conform to the response schemas").isEmpty();
		}
		finally {
			this.mock.close();
		}
	}

	private MistralLibrariesClient blocking() {
		return new MistralLibrariesClient(MistralHttp.builder()
			.baseUrl(this.mock.baseUrl())
			.apiKey("test-key")
			.retryPolicy(RetryPolicy.NONE)
			.build(), new JobPoller(Duration.ofSeconds(1), Duration.ofMinutes(1), (duration) -> {
			}));
	}

	@Test
	void librariesDocumentsAndAccessesKeepTheirState() {
		MistralLibrariesClient libraries = blocking();
		Library library = libraries
			.create(CreateLibraryRequest.builder().name("Handbooks").description("For new staff").build());
		assertThat(libraries.list(ListLibrariesRequest.builder().search("hand").build()).data()).extracting(Library::id)
			.containsExactly(library.id());
		assertThat(
				libraries.update(library.id(), UpdateLibraryRequest.builder().name("Staff handbooks").build()).name())
			.isEqualTo("Staff handbooks");

		Document document = libraries.uploadDocument(library.id(),
				UploadDocumentRequest.of(new ByteArrayResource(HANDBOOK.getBytes(StandardCharsets.UTF_8)))
					.filename("handbook.md")
					.contentType("text/markdown")
					.build());
		assertThat(document.processStatus()).isEqualTo(ProcessStatus.TODO);
		List<ProcessStatus> seen = new CopyOnWriteArrayList<>();
		DocumentProcessingStatus processed = libraries.waitForDocumentProcessing(library.id(), document.id(),
				(update) -> seen.add(update.processStatus()));
		assertThat(processed.processStatus()).isEqualTo(ProcessStatus.DONE);
		assertThat(seen).containsExactly(ProcessStatus.TODO, ProcessStatus.IN_PROGRESS, ProcessStatus.DONE);
		assertThat(libraries.getDocument(library.id(), document.id()).processStatus()).isEqualTo(ProcessStatus.DONE);
		assertThat(libraries.getDocumentTextContent(library.id(), document.id()).text()).isEqualTo(HANDBOOK);
		assertThat(libraries.getDocumentSignedUrl(library.id(), document.id())).startsWith(this.mock.baseUrl());
		assertThat(libraries.getDocumentExtractedTextSignedUrl(library.id(), document.id()))
			.startsWith(this.mock.baseUrl());
		assertThat(libraries
			.updateDocument(library.id(), document.id(),
					UpdateDocumentRequest.builder().attributes(Map.of("team", "hr")).build())
			.attributes()).containsEntry("team", "hr");
		assertThat(libraries.listAllDocuments(library.id(), ListDocumentsRequest.builder().pageSize(1).build()))
			.extracting(Document::name)
			.containsExactly("handbook.md");
		assertThat(libraries.get(library.id()).nbDocuments()).isEqualTo(1);

		libraries.reprocessDocument(library.id(), document.id());
		assertThat(libraries.getDocumentStatus(library.id(), document.id()).processStatus())
			.isEqualTo(ProcessStatus.TODO);

		String colleague = "0197a2f7-aaaa-7bbb-8ccc-dddd00001111";
		LibraryAccess access = libraries.share(library.id(),
				ShareLibraryRequest.builder()
					.shareWithUuid(colleague)
					.shareWithType(ShareEntityType.USER)
					.level(AccessLevel.EDITOR)
					.build());
		assertThat(access.role()).isEqualTo("Editor");
		assertThat(libraries.listAccesses(library.id()).data()).extracting(LibraryAccess::shareWithUuid)
			.contains(colleague);
		libraries.unshare(library.id(),
				UnshareLibraryRequest.builder().shareWithUuid(colleague).shareWithType(ShareEntityType.USER).build());
		assertThat(libraries.listAccesses(library.id()).data()).extracting(LibraryAccess::shareWithUuid)
			.doesNotContain(colleague);

		libraries.deleteDocument(library.id(), document.id());
		assertThat(libraries.listDocuments(library.id()).data()).isEmpty();
		libraries.delete(library.id());
		assertThatThrownBy(() -> libraries.get(library.id())).isInstanceOf(MistralNotFoundException.class);
	}

	@Test
	void aScriptedProcessingCanFail() {
		this.mock.libraries().processingStatuses("waiting_for_capacity", "error");
		MistralLibrariesClient libraries = blocking();
		Library library = libraries.create(CreateLibraryRequest.builder().name("Scans").build());
		Document document = libraries.uploadDocument(library.id(),
				UploadDocumentRequest.of(new ByteArrayResource(new byte[] { 1, 2, 3 })).filename("scan.pdf").build());

		DocumentProcessingStatus status = libraries.waitForDocumentProcessing(library.id(), document.id(), (update) -> {
		});

		assertThat(status.processStatus().isFailed()).isTrue();
		assertThat(libraries.getDocumentTextContent(library.id(), document.id()).text()).contains("application/pdf");
		assertThatIllegalArgumentException().isThrownBy(() -> this.mock.libraries().processingStatuses("ready"))
			.withMessageContaining("unknown processing status 'ready'");
		this.mock.reset();
		assertThat(libraries.list().data()).isEmpty();
	}

	@Test
	void theReactiveClientIsAnsweredTheSame() {
		ReactiveMistralLibrariesClient libraries = new ReactiveMistralLibrariesClient(ReactiveMistralHttp.builder()
			.baseUrl(this.mock.baseUrl())
			.apiKey("test-key")
			.retryPolicy(RetryPolicy.NONE)
			.connector(new JdkClientHttpConnector(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()))
			.build(), ReactiveJobPoller.of(Duration.ofMillis(1), Duration.ofSeconds(30)));
		this.mock.libraries().processingStatuses("in_progress", "done");

		Library library = libraries.create(CreateLibraryRequest.builder().name("Notes").build()).block(WAIT);
		Document document = libraries
			.uploadDocument(library.id(),
					Flux.just(DefaultDataBufferFactory.sharedInstance.wrap("hello".getBytes(StandardCharsets.UTF_8))),
					"notes.txt")
			.block(WAIT);
		DocumentProcessingStatus status = libraries.waitForDocumentProcessing(library.id(), document.id(), (update) -> {
		}).block(WAIT);

		assertThat(status.processStatus()).isEqualTo(ProcessStatus.DONE);
		assertThat(libraries.getDocumentTextContent(library.id(), document.id()).block(WAIT).text()).isEqualTo("hello");
		assertThat(libraries.listAll(ListLibrariesRequest.ALL).collectList().block(WAIT)).extracting(Library::name)
			.containsExactly("Notes");
		libraries.delete(library.id()).block(WAIT);
		assertThat(libraries.list().block(WAIT).data()).isEmpty();
	}

}
