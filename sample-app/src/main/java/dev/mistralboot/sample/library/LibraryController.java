package dev.mistralboot.sample.library;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.mistralboot.client.agents.CreateAgentRequest;
import dev.mistralboot.client.chat.DocumentLibraryTool;
import dev.mistralboot.client.conversations.ConversationEvent;
import dev.mistralboot.client.conversations.ConversationRequest;
import dev.mistralboot.client.conversations.MessageOutputEvent;
import dev.mistralboot.client.conversations.MistralConversationsClient;
import dev.mistralboot.client.conversations.ResponseErrorEvent;
import dev.mistralboot.client.conversations.ToolExecutionDoneEvent;
import dev.mistralboot.client.conversations.ToolExecutionStartedEvent;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.libraries.CreateLibraryRequest;
import dev.mistralboot.client.libraries.Document;
import dev.mistralboot.client.libraries.DocumentProcessingStatus;
import dev.mistralboot.client.libraries.Library;
import dev.mistralboot.client.libraries.ListLibrariesRequest;
import dev.mistralboot.client.libraries.MistralLibrariesClient;
import dev.mistralboot.client.libraries.UploadDocumentRequest;
import dev.mistralboot.sample.Question;
import dev.mistralboot.sample.ServerSentEvents;
import dev.mistralboot.sample.agents.AgentBootstrap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A document library with {@link MistralLibrariesClient}: the sample's documents
 * ({@code data/documents.json}, the ones the search section embeds) are uploaded to a
 * library, one Markdown document each (streamed multipart uploads), the page follows
 * their processing ({@code waitForDocumentProcessing}, polling every
 * {@code mistral.libraries.poll-interval}), then an agent carrying the
 * {@code document_library} tool with the library's id answers questions about them in a
 * streamed conversation. The library and the agent are found by name and reused.
 */
@RestController
@RegisterReflectionForBinding(LibraryController.SampleDocument.class)
class LibraryController {

	/** The name of the library, by which it is found again. */
	static final String LIBRARY_NAME = "mistral-spring-boot-sample-documents";

	/** The name of the agent that searches the library. */
	static final String AGENT_NAME = "sample-librarian";

	private static final Log logger = LogFactory.getLog(LibraryController.class);

	private final MistralLibrariesClient libraries;

	private final MistralConversationsClient conversations;

	private final AgentBootstrap agents;

	private final AsyncTaskExecutor executor;

	private final String model;

	private final List<SampleDocument> documents;

	private volatile @Nullable String agentId;

	LibraryController(MistralLibrariesClient libraries, MistralConversationsClient conversations, AgentBootstrap agents,
			AsyncTaskExecutor executor, JsonMapper json, @Value("${sample.agent.model}") String model) {
		this.libraries = libraries;
		this.conversations = conversations;
		this.agents = agents;
		this.executor = executor;
		this.model = model;
		try (InputStream in = new ClassPathResource("data/documents.json").getInputStream()) {
			this.documents = json.readValue(in, new TypeReference<List<SampleDocument>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Uploads the documents and waits for their processing, as server-sent events: a
	 * {@code library} event ({@code id}, {@code name}, {@code created}), one
	 * {@code uploaded} event per document ({@code id}, {@code name}), {@code status}
	 * events while each is processed ({@code id}, {@code name}, {@code status}), an
	 * {@code agent} event ({@code id}, {@code action}), then {@code done}, or
	 * {@code failure} with the error message.
	 */
	@PostMapping(path = "/api/library/upload", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter upload() {
		return ServerSentEvents.stream(this.executor, logger, "Uploading the documents", (emitter) -> {
			Library library = library(emitter);
			List<Document> uploaded = new ArrayList<>();
			for (SampleDocument document : this.documents) {
				Document sent = this.libraries.uploadDocument(library.id(), document.upload());
				uploaded.add(sent);
				ServerSentEvents.send(emitter, "uploaded",
						Map.of("id", sent.id(), "name", String.valueOf(sent.name())));
			}
			int processed = 0;
			for (Document document : uploaded) {
				DocumentProcessingStatus last = this.libraries.waitForDocumentProcessing(library.id(), document.id(),
						(status) -> ServerSentEvents.send(emitter, "status", Map.of("id", document.id(), "name",
								String.valueOf(document.name()), "status", String.valueOf(status.processStatus()))));
				if (last.processStatus() != null && !last.processStatus().isFailed()) {
					processed++;
				}
			}
			AgentBootstrap.Ensured agent = this.agents.ensure(librarian(library.id()));
			this.agentId = agent.agent().id();
			ServerSentEvents.send(emitter, "agent", Map.of("id", agent.agent().id(), "action", agent.action()));
			ServerSentEvents.send(emitter, "done", Map.of("libraryId", library.id(), "documents", uploaded.size(),
					"processed", processed, "agentId", agent.agent().id()));
		});
	}

	/**
	 * Asks the librarian agent a question, streamed: {@code token} events with the pieces
	 * of the answer, a {@code tool} event when the library search runs ({@code name},
	 * {@code phase}), then {@code done}, or {@code failure}.
	 * @param question the question ({@code {"message": "..."}})
	 */
	@PostMapping(path = "/api/library/ask", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter ask(@RequestBody Question question) {
		String message = question.text();
		String agent = this.agentId;
		if (agent == null) {
			throw new IllegalArgumentException("Upload the documents first: the agent that searches them is made then");
		}
		return ServerSentEvents.stream(this.executor, logger, "Asking the librarian", (emitter) -> {
			ConversationRequest request = ConversationRequest.builder().agentId(agent).inputs(message).build();
			try (MistralStream<ConversationEvent> events = this.conversations.startStream(request)) {
				int pieces = 0;
				for (ConversationEvent event : events) {
					if (event instanceof MessageOutputEvent piece && !piece.content().text().isEmpty()) {
						pieces++;
						ServerSentEvents.send(emitter, "token", Map.of("text", piece.content().text()));
					}
					else if (event instanceof ToolExecutionStartedEvent tool) {
						ServerSentEvents.send(emitter, "tool",
								Map.of("name", String.valueOf(tool.name()), "phase", "started"));
					}
					else if (event instanceof ToolExecutionDoneEvent tool) {
						ServerSentEvents.send(emitter, "tool",
								Map.of("name", String.valueOf(tool.name()), "phase", "done"));
					}
					else if (event instanceof ResponseErrorEvent error) {
						ServerSentEvents.failure(emitter, error.message());
						return;
					}
				}
				ServerSentEvents.send(emitter, "done", Map.of("pieces", pieces));
			}
		});
	}

	/** The sample's library: found by name, else created. */
	private Library library(SseEmitter emitter) {
		Library found = this.libraries.listAll(ListLibrariesRequest.builder().search(LIBRARY_NAME).build())
			.filter((library) -> LIBRARY_NAME.equals(library.name()))
			.findFirst()
			.orElse(null);
		Library library = (found != null) ? found
				: this.libraries.create(CreateLibraryRequest.builder()
					.name(LIBRARY_NAME)
					.description("The documents of the Mistral Spring Boot sample application")
					.build());
		ServerSentEvents.send(emitter, "library",
				Map.of("id", library.id(), "name", LIBRARY_NAME, "created", found == null));
		return library;
	}

	/** The agent that answers from the library. */
	CreateAgentRequest librarian(String libraryId) {
		return CreateAgentRequest.builder()
			.name(AGENT_NAME)
			.model(this.model)
			.description("Answers questions from the documents of the sample's library")
			.instructions("Answer from the documents of the library only: search it, name the document you "
					+ "used, and say so when the documents do not tell.")
			.tools(new DocumentLibraryTool(null, List.of(libraryId)))
			.build();
	}

	/**
	 * One of the sample's documents.
	 *
	 * @param title its title
	 * @param text its text
	 */
	record SampleDocument(String title, String text) {

		/** The document as a Markdown file named after its title, streamed. */
		UploadDocumentRequest upload() {
			byte[] markdown = ("# " + this.title + "\n\n" + this.text + "\n").getBytes(StandardCharsets.UTF_8);
			return UploadDocumentRequest.of(new ByteArrayInputStream(markdown), fileName())
				.contentType("text/markdown")
				.build();
		}

		String fileName() {
			String ascii = Normalizer.normalize(this.title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
			return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + ".md";
		}

	}

}
