package dev.mistralboot.test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.conversations.ConversationEntry;
import dev.mistralboot.contract.OpenApiContract;
import org.jspecify.annotations.Nullable;

/**
 * A mock Mistral API server on a random loopback port, for tests and for running
 * applications without a key.
 *
 * <p>
 * It answers like the live API, with bodies that conform to the official OpenAPI
 * description:
 * <ul>
 * <li>chat completions ({@code POST /v1/chat/completions}), whole or streamed as
 * server-sent events, with the scripted {@linkplain #chat() replies} (text, text in given
 * pieces, tool calls) or a default answer;</li>
 * <li>embeddings ({@code POST /v1/embeddings}): deterministic unit vectors of the
 * {@linkplain #embeddings() configured dimension}, close for texts that share words
 * (common English words aside), quantized to the requested {@code output_dtype}
 * ({@code int8}, {@code uint8}, {@code binary}, {@code ubinary}) and always sent as JSON
 * numbers, as the live API does even for {@code encoding_format: base64};</li>
 * <li>files ({@code POST/GET /v1/files}, {@code GET/DELETE /v1/files/{id}}, {@code GET
 * /v1/files/{id}/content}), kept in memory;</li>
 * <li>fine-tuning jobs ({@code /v1/fine_tuning/jobs}, with {@code dry_run},
 * {@code cancel} and {@code start}), whose status moves one {@linkplain #fineTuning()
 * scripted step} each time the job is read;</li>
 * <li>the model list ({@code GET /v1/models});</li>
 * <li>agents ({@code /v1/agents}: agents, versions, aliases) and conversations
 * ({@code /v1/conversations}: start, append, restart, whole or streamed as typed events;
 * list, get, history, messages, delete), kept in memory, each turn answered with the
 * {@linkplain #conversations() scripted replies} (text, or a function call the
 * application answers with a function result);</li>
 * <li>document libraries ({@code /v1/libraries}: libraries, documents, accesses), kept in
 * memory, whose documents' processing moves one {@linkplain #libraries() scripted step}
 * each time their status is read;</li>
 * <li>audio ({@code /v1/audio}): transcriptions, whole or streamed, answer the
 * {@linkplain #audio() scripted text}; speech answers a playable WAV (a soft tone as long
 * as the text takes to say), whole or streamed in pieces; voices are kept in memory
 * beside two preset voices, with WAV samples;</li>
 * <li>{@linkplain #failNext(int, Duration) error statuses} with {@code Retry-After}, for
 * the next requests.</li>
 * </ul>
 * Every request is recorded ({@link #requests()}, {@link #chatRequests()}) and validated
 * against the OpenAPI description: a non-conforming request gets a 422 naming what is
 * wrong, and is listed by {@link #violations()} and {@link #assertAllRequestsConform()}
 * (which {@code @AutoConfigureMockMistral} calls after each test). Other endpoints answer
 * 404 unless stubbed through {@link #wireMock()}.
 *
 * <pre>{@code
 * try (MockMistral mock = MockMistral.start()) {
 *     mock.chat().reply("Paris.");
 *     MistralChatClient chat = new MistralChatClient(MistralHttp.builder().baseUrl(mock.baseUrl()).build());
 *     chat.complete(ChatCompletionRequest.builder().model("mistral-small-latest").user("Capital of France?").build());
 *     assertThat(mock.lastChatRequest().messages()).hasSize(1);
 * }
 * }</pre> Thread-safe. With Spring Boot tests, prefer
 * {@link dev.mistralboot.test.autoconfigure.AutoConfigureMockMistral}.
 */
public final class MockMistral implements AutoCloseable {

	private final WireMockServer server;

	private final MockMistralHandler handler;

	private final Chat chat = new Chat();

	private final Embeddings embeddings = new Embeddings();

	private final FineTuning fineTuning = new FineTuning();

	private final Completions fim = new Completions(true);

	private final Completions agents = new Completions(false);

	private final Ocr ocr = new Ocr();

	private final Classifiers classifiers = new Classifiers();

	private final Batch batch = new Batch();

	private final Libraries libraries = new Libraries();

	private final Audio audio = new Audio();

	private final Conversations conversations = new Conversations();

	private MockMistral(WireMockServer server, MockMistralHandler handler) {
		this.server = server;
		this.handler = handler;
	}

	/**
	 * Starts a server on a free port of {@code 127.0.0.1}. Requests are validated when
	 * the OpenAPI description is available (packaged in this jar, or named by the system
	 * property {@value OpenApiContract#PATH_PROPERTY}); otherwise a WARN line says
	 * validation is off.
	 * @return the running server; {@link #close()} it when done
	 */
	public static MockMistral start() {
		return start(MockContract.get().orElse(null));
	}

	static MockMistral start(@Nullable OpenApiContract contract) {
		MockMistralHandler handler = new MockMistralHandler(contract);
		UUID catchAll = UUID.randomUUID();
		WireMockServer server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.dynamicPort()
			.http2PlainDisabled(true)
			.disableRequestJournal()
			.containerThreads(20)
			.extensions(handler.transformer(), handler.userStubListener(catchAll)));
		server.start();
		server.addStubMapping(WireMock.any(WireMock.anyUrl())
			.atPriority(Integer.MAX_VALUE)
			.withId(catchAll)
			.willReturn(WireMock.aResponse().withTransformers(MockMistralHandler.TRANSFORMER))
			.build());
		return new MockMistral(server, handler);
	}

	/**
	 * The base URL to configure the clients with ({@code mistral.base-url}), without
	 * {@code /v1}.
	 * @return for example {@code http://127.0.0.1:53172}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Chat scripting.
	 * @return the chat script of this server
	 */
	public Chat chat() {
		return this.chat;
	}

	/**
	 * Embeddings settings.
	 * @return the embeddings settings of this server
	 */
	public Embeddings embeddings() {
		return this.embeddings;
	}

	/**
	 * Fine-tuning job scripting.
	 * @return the fine-tuning script of this server
	 */
	public FineTuning fineTuning() {
		return this.fineTuning;
	}

	/**
	 * FIM scripting ({@code POST /v1/fim/completions}, whole or streamed).
	 * @return the FIM script of this server
	 */
	public Completions fim() {
		return this.fim;
	}

	/**
	 * Agents completion scripting ({@code POST /v1/agents/completions}, whole or
	 * streamed).
	 * @return the agents script of this server
	 */
	public Completions agents() {
		return this.agents;
	}

	/**
	 * OCR scripting ({@code POST /v1/ocr}).
	 * @return the OCR script of this server
	 */
	public Ocr ocr() {
		return this.ocr;
	}

	/**
	 * Moderation and classification scripting ({@code /v1/moderations},
	 * {@code /v1/chat/moderations}, {@code /v1/classifications},
	 * {@code /v1/chat/classifications}).
	 * @return the classifiers script of this server
	 */
	public Classifiers classifiers() {
		return this.classifiers;
	}

	/**
	 * Batch job scripting ({@code /v1/batch/jobs}).
	 * @return the batch script of this server
	 */
	public Batch batch() {
		return this.batch;
	}

	/**
	 * Audio scripting ({@code /v1/audio}).
	 * @return the audio script of this server
	 */
	public Audio audio() {
		return this.audio;
	}

	/**
	 * Conversations scripting ({@code /v1/conversations}): the replies of the turns
	 * (start, append, restart), whole or streamed.
	 * @return the conversations script of this server
	 */
	public Conversations conversations() {
		return this.conversations;
	}

	/**
	 * Document libraries scripting ({@code /v1/libraries}).
	 * @return the libraries script of this server
	 */
	public Libraries libraries() {
		return this.libraries;
	}

	/**
	 * Answers the next request, whatever its endpoint, with an error status and the API's
	 * error body.
	 * @param status the HTTP status, 400 to 599
	 * @return this server
	 * @throws IllegalArgumentException when the status is not an error status
	 */
	public MockMistral failNext(int status) {
		return failNext(status, null, 1);
	}

	/**
	 * Answers the next request with an error status and a {@code Retry-After} header, as
	 * the API does on 429.
	 * @param status the HTTP status, 400 to 599
	 * @param retryAfter the wait to announce, sent in whole seconds
	 * ({@code Duration.ZERO} keeps tests fast)
	 * @return this server
	 * @throws IllegalArgumentException when the status is not an error status or the wait
	 * is negative
	 */
	public MockMistral failNext(int status, Duration retryAfter) {
		return failNext(status, Objects.requireNonNull(retryAfter, "retryAfter"), 1);
	}

	/**
	 * Answers the next {@code times} requests with an error status and, when given, a
	 * {@code Retry-After} header.
	 * @param status the HTTP status, 400 to 599
	 * @param retryAfter the wait to announce, or {@code null} for no header
	 * @param times how many requests fail, at least 1
	 * @return this server
	 * @throws IllegalArgumentException when the status is not an error status, the wait
	 * is negative or {@code times} is below 1
	 */
	public MockMistral failNext(int status, @Nullable Duration retryAfter, int times) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("status must be an error status between 400 and 599, got " + status);
		}
		if (retryAfter != null && retryAfter.isNegative()) {
			throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
		}
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1, got " + times);
		}
		this.handler.enqueueFailure(new MockMistralHandler.Failure(status, retryAfter, times));
		return this;
	}

	/**
	 * Pauses between the events of streamed answers, so that a user interface shows them
	 * arriving piece by piece. Zero (the default) sends them at once. Not cleared by
	 * {@link #reset()}.
	 * @param delay the pause before each event
	 * @return this server
	 * @throws IllegalArgumentException when the delay is negative or longer than 10
	 * seconds
	 */
	public MockMistral streamDelay(Duration delay) {
		if (delay == null || delay.isNegative() || delay.compareTo(Duration.ofSeconds(10)) > 0) {
			throw new IllegalArgumentException("delay must be between 0 and 10 seconds, got " + delay);
		}
		this.handler.streamDelay(delay);
		return this;
	}

	/**
	 * Every request received since the start or the last {@link #reset()}, oldest first.
	 * @return an immutable snapshot
	 */
	public List<RecordedRequest> requests() {
		return this.handler.requests();
	}

	/**
	 * The requests for one operation of the OpenAPI description.
	 * @param operationId for example {@code embeddings_v1_embeddings_post}
	 * @return an immutable snapshot, oldest first; empty when validation is off
	 * (operation ids come from the description)
	 */
	public List<RecordedRequest> requests(String operationId) {
		return requests().stream().filter((request) -> operationId.equals(request.operationId())).toList();
	}

	/**
	 * The chat completion requests received, read as the client's request type, oldest
	 * first.
	 * @return an immutable snapshot
	 */
	public List<ChatCompletionRequest> chatRequests() {
		return requests().stream()
			.filter((request) -> request.method().equals("POST") && request.path().equals("/v1/chat/completions"))
			.map((request) -> request.bodyAs(ChatCompletionRequest.class))
			.toList();
	}

	/**
	 * The last chat completion request received.
	 * @return the request
	 * @throws AssertionError when no chat request was received
	 */
	public ChatCompletionRequest lastChatRequest() {
		List<ChatCompletionRequest> chats = chatRequests();
		if (chats.isEmpty()) {
			throw new AssertionError("MockMistral received no chat completion request; received: " + requests());
		}
		return chats.get(chats.size() - 1);
	}

	/**
	 * Whether requests are validated against the OpenAPI description.
	 * @return {@code false} when the description was not found (a WARN line said so)
	 */
	public boolean validatesRequests() {
		return this.handler.validates();
	}

	/**
	 * The requests that did not conform to the OpenAPI description, each with its errors.
	 * @return readable descriptions, oldest first; secrets in bodies are masked
	 */
	public List<String> violations() {
		return this.handler.violations();
	}

	/**
	 * Fails when a request received since the start or the last {@link #reset()} did not
	 * conform to the OpenAPI description.
	 * @throws AssertionError listing each non-conforming request with what is wrong
	 */
	public void assertAllRequestsConform() {
		List<String> violations = violations();
		if (violations.isEmpty()) {
			return;
		}
		StringBuilder message = new StringBuilder().append(violations.size())
			.append(" request(s) sent to MockMistral do not conform to the Mistral OpenAPI description:");
		int number = 1;
		for (String violation : violations) {
			message.append("\n\n#").append(number++).append(' ').append(violation);
		}
		throw new AssertionError(message.toString());
	}

	/**
	 * Forgets recorded requests, violations, scripted replies and failures, uploaded
	 * files and jobs, and restores the default settings (except
	 * {@link #streamDelay(Duration)}). User stubs added through {@link #wireMock()} are
	 * removed.
	 */
	public void reset() {
		this.handler.reset();
		for (StubMapping stub : this.server.getStubMappings()) {
			if (stub.getPriority() == null || stub.getPriority() != Integer.MAX_VALUE) {
				this.server.removeStubMapping(stub);
			}
		}
	}

	/**
	 * The WireMock server inside, to stub endpoints this mock does not simulate (OCR,
	 * audio, agents, ...). Stubs added here take precedence over the simulation; their
	 * requests are validated and recorded too.
	 * @return the server
	 */
	public WireMockServer wireMock() {
		return this.server;
	}

	/** Stops the server. */
	@Override
	public void close() {
		this.server.stop();
	}

	@Override
	public String toString() {
		return "MockMistral[" + baseUrl() + ", validatesRequests=" + validatesRequests() + "]";
	}

	/**
	 * Scripted chat answers. Queued replies are served in order, one per chat request;
	 * when none is queued the {@linkplain #respondWith(Function) responder} decides, else
	 * a default text answer is given.
	 */
	public final class Chat {

		private Chat() {
		}

		/**
		 * Queues a text answer (streamed word by word to a streaming request).
		 * @param text the answer
		 * @return this script, to queue more
		 */
		public Chat reply(String text) {
			return reply(MockChatReply.text(text));
		}

		/**
		 * Queues a text answer streamed in exactly these pieces (joined for a
		 * non-streaming request).
		 * @param pieces the pieces
		 * @return this script
		 */
		public Chat replyInPieces(String... pieces) {
			return reply(MockChatReply.inPieces(pieces));
		}

		/**
		 * Queues an answer calling one function.
		 * @param functionName the function's name
		 * @param argumentsJson the arguments, a JSON object
		 * @return this script
		 */
		public Chat replyWithToolCall(String functionName, String argumentsJson) {
			return reply(MockChatReply.toolCall(functionName, argumentsJson));
		}

		/**
		 * Queues a reply.
		 * @param reply the reply
		 * @return this script
		 */
		public Chat reply(MockChatReply reply) {
			MockMistral.this.handler.enqueueChat(Objects.requireNonNull(reply, "reply"));
			return this;
		}

		/**
		 * Answers chat requests for which no reply is queued with a function of the
		 * request, for behaviour that depends on what the application sends (the last
		 * message, the tools offered, ...).
		 * @param responder returns the reply, or {@code null} for the default answer;
		 * {@code null} removes it
		 * @return this script
		 */
		public Chat respondWith(@Nullable Function<ChatCompletionRequest, @Nullable MockChatReply> responder) {
			MockMistral.this.handler.chatResponder(responder);
			return this;
		}

	}

	/**
	 * Embeddings settings.
	 */
	public final class Embeddings {

		private Embeddings() {
		}

		/**
		 * Sets the length of the vectors returned when a request sets no
		 * {@code output_dimension}.
		 * @param dimension the length, 1 to 65536 (default 1024, like
		 * {@code mistral-embed})
		 * @return this settings object
		 * @throws IllegalArgumentException when out of range
		 */
		public Embeddings dimension(int dimension) {
			if (dimension < 1 || dimension > 65536) {
				throw new IllegalArgumentException("dimension must be between 1 and 65536, got " + dimension);
			}
			MockMistral.this.handler.dimension(dimension);
			return this;
		}

		/**
		 * The vector this server returns for a text with the current dimension and
		 * {@code output_dtype} {@code float}, to compare with what the application
		 * computed.
		 * @param text the text
		 * @return a new unit vector
		 */
		public float[] vectorOf(String text) {
			return MockResponses.embedding(Objects.requireNonNull(text, "text"), MockMistral.this.handler.dimension());
		}

	}

	/**
	 * Fine-tuning job scripting.
	 */
	public final class FineTuning {

		private FineTuning() {
		}

		/**
		 * Sets the statuses new jobs walk through: the first on creation, then one step
		 * each time the job is read ({@code GET /v1/fine_tuning/jobs/{id}}). Default:
		 * {@code QUEUED, VALIDATING, RUNNING, SUCCESS}. A job created with
		 * {@code auto_start: false} waits at {@code VALIDATED} until started; a cancelled
		 * job goes through {@code CANCELLATION_REQUESTED} to {@code CANCELLED}.
		 * @param statuses the API statuses, for example
		 * {@code "QUEUED", "RUNNING", "FAILED"}
		 * @return this script
		 * @throws IllegalArgumentException when empty or a status is not one of the API's
		 */
		public FineTuning statuses(String... statuses) {
			if (statuses == null || statuses.length == 0) {
				throw new IllegalArgumentException(
						"give at least one status, for example statuses(\"QUEUED\", " + "\"RUNNING\", \"SUCCESS\")");
			}
			Optional<String> unknown = MockMistralHandler.unknownStatus(Arrays.asList(statuses));
			if (unknown.isPresent()) {
				throw new IllegalArgumentException(
						"unknown job status '" + unknown.get() + "'; use one of " + MockMistralHandler.JOB_STATUSES);
			}
			MockMistral.this.handler.jobStatuses(Arrays.asList(statuses));
			return this;
		}

	}

	/**
	 * Scripted answers of the chat-shaped completions of FIM or agents: queued replies
	 * are served in order, then a default text answer. Streaming requests get server-sent
	 * events like chat.
	 */
	public final class Completions {

		private final boolean fim;

		private Completions(boolean fim) {
			this.fim = fim;
		}

		/**
		 * Queues a text answer (streamed word by word to a streaming request).
		 * @param text the answer
		 * @return this script
		 */
		public Completions reply(String text) {
			return reply(MockChatReply.text(text));
		}

		/**
		 * Queues a text answer streamed in exactly these pieces.
		 * @param pieces the pieces
		 * @return this script
		 */
		public Completions replyInPieces(String... pieces) {
			return reply(MockChatReply.inPieces(pieces));
		}

		/**
		 * Queues a reply.
		 * @param reply the reply
		 * @return this script
		 */
		public Completions reply(MockChatReply reply) {
			Objects.requireNonNull(reply, "reply");
			MockMistral.this.handler.families((families) -> {
				if (this.fim) {
					families.enqueueFim(reply);
				}
				else {
					families.enqueueAgent(reply);
				}
			});
			return this;
		}

	}

	/**
	 * OCR scripting. By default every requested page (or one page) is answered with a
	 * short markdown text naming its index.
	 */
	public final class Ocr {

		private Ocr() {
		}

		/**
		 * Sets the markdown of the pages returned, first page first.
		 * @param markdown one text per page
		 * @return this script
		 */
		public Ocr pages(String... markdown) {
			List<String> pages = Arrays.asList(markdown);
			MockMistral.this.handler.families((families) -> families.ocrPages(pages));
			return this;
		}

		/**
		 * Sets the document annotation returned (by default {@code "{}"} when the request
		 * asks for one, else none).
		 * @param json the annotation, JSON text
		 * @return this script
		 */
		public Ocr documentAnnotation(String json) {
			Objects.requireNonNull(json, "json");
			MockMistral.this.handler.families((families) -> families.documentAnnotation(json));
			return this;
		}

	}

	/**
	 * Moderation and classification scripting. By default nothing is flagged (every
	 * category scores 0.01) and classifications score one target, {@code label}, with
	 * {@code positive} and {@code negative} at 0.5.
	 */
	public final class Classifiers {

		private Classifiers() {
		}

		/**
		 * Flags these categories (score 0.92) in every moderation result until reset.
		 * @param categories categories, such as {@code "violence_and_threats"}
		 * @return this script
		 */
		public Classifiers flag(String... categories) {
			java.util.Set<String> flagged = java.util.Set.of(categories);
			MockMistral.this.handler.families((families) -> families.flagged(flagged));
			return this;
		}

		/**
		 * Sets the scores of one classifier target, for every classification result until
		 * reset (replacing the default target).
		 * @param target the target's name
		 * @param scores the score of each label
		 * @return this script
		 * @throws IllegalArgumentException when no score is given
		 */
		public Classifiers scores(String target, java.util.Map<String, Double> scores) {
			if (scores == null || scores.isEmpty()) {
				throw new IllegalArgumentException(
						"give at least one label score, for example Map.of(\"positive\", 0.9)");
			}
			java.util.Map<String, java.util.Map<String, Double>> all = java.util.Map.of(target,
					java.util.Map.copyOf(scores));
			MockMistral.this.handler.families((families) -> families.classificationScores(all));
			return this;
		}

	}

	/**
	 * Batch job scripting. A job's status moves one step each time it is read ({@code GET
	 * /v1/batch/jobs/{id}}); on {@code SUCCESS} every request of the job (inline or from
	 * its input files) is answered and the results are stored as its output file, which
	 * {@code MistralBatchClient.readOutput} downloads.
	 */
	public final class Batch {

		private Batch() {
		}

		/**
		 * Sets the statuses new jobs walk through (default {@code QUEUED, RUNNING,
		 * SUCCESS}).
		 * @param statuses the API's statuses
		 * @return this script
		 * @throws IllegalArgumentException when empty or a status is not one of the API's
		 */
		public Batch statuses(String... statuses) {
			if (statuses == null || statuses.length == 0) {
				throw new IllegalArgumentException(
						"give at least one status, for example statuses(\"QUEUED\", \"SUCCESS\")");
			}
			for (String status : statuses) {
				if (!MockFamilies.BATCH_STATUSES.contains(status)) {
					throw new IllegalArgumentException(
							"unknown batch status '" + status + "'; use one of " + MockFamilies.BATCH_STATUSES);
				}
			}
			List<String> list = Arrays.asList(statuses);
			MockMistral.this.handler.families((families) -> families.batchStatuses(list));
			return this;
		}

	}

	/**
	 * Document libraries scripting. Libraries, documents and accesses live in memory
	 * until reset; a document's text content is the uploaded text (a placeholder for
	 * binary formats); its processing status moves one step each time it is read
	 * ({@code GET .../documents/{id}/status}, as {@code waitForDocumentProcessing} does),
	 * and starts over on reprocessing.
	 */
	public final class Libraries {

		private Libraries() {
		}

		/**
		 * Sets the statuses new (and reprocessed) documents walk through (default
		 * {@code todo, in_progress, done}).
		 * @param statuses the API's processing statuses
		 * @return this script
		 * @throws IllegalArgumentException when empty or a status is not one of the API's
		 */
		public Libraries processingStatuses(String... statuses) {
			if (statuses == null || statuses.length == 0) {
				throw new IllegalArgumentException(
						"give at least one status, for example processingStatuses(\"todo\", \"done\")");
			}
			for (String status : statuses) {
				if (!MockLibraries.STATUSES.contains(status)) {
					throw new IllegalArgumentException(
							"unknown processing status '" + status + "'; use one of " + MockLibraries.STATUSES);
				}
			}
			List<String> list = Arrays.asList(statuses);
			MockMistral.this.handler.libraries((libraries) -> libraries.statuses(list));
			return this;
		}

	}

	/**
	 * Audio scripting. Transcriptions answer the scripted text (a default sentence until
	 * one is set), with one segment covering the whole audio when segments are asked for
	 * (its length read from an uploaded WAV's header, else one second). Speech answers a
	 * WAV file: 16-bit mono PCM at 16 kHz, a soft tone of 0.3 s per word of the input (at
	 * most 30 s), whatever {@code response_format} asks for but {@code pcm} (the raw
	 * samples): browsers play it in an {@code <audio>} element. Voices live in memory
	 * until reset, beside two preset voices.
	 */
	public final class Audio {

		private Audio() {
		}

		/**
		 * Sets the text every following transcription answers, whole or streamed (word by
		 * word), until reset.
		 * @param text the transcription
		 * @return this script
		 * @throws IllegalArgumentException when the text is blank
		 */
		public Audio transcriptionText(String text) {
			if (text == null || text.isBlank()) {
				throw new IllegalArgumentException("a transcription needs text, for example \"Hello world.\"");
			}
			MockMistral.this.handler.audio((audio) -> audio.transcriptionText(text));
			return this;
		}

		/**
		 * A playable WAV file like the ones speech answers: 16-bit mono PCM at 16 kHz, a
		 * soft tone that fades in and out. Handy as audio to transcribe.
		 * @param length how long it plays, up to a minute
		 * @return the WAV bytes
		 * @throws IllegalArgumentException when the length is not positive or over a
		 * minute
		 */
		public byte[] wav(Duration length) {
			if (length == null || length.isNegative() || length.isZero() || length.toSeconds() > 60) {
				throw new IllegalArgumentException("a WAV lasts more than 0 and at most 60 seconds, not " + length);
			}
			return MockAudio.wav(length, 440);
		}

	}

	/**
	 * Scripted conversation turns. Each start, append and restart of a conversation is
	 * answered with the next queued reply; when none is queued the
	 * {@linkplain #respondWith(Function) responder} decides, else a default text answer
	 * is given. Conversations live in memory until {@link MockMistral#reset()}; one with
	 * an {@code agent_id} needs an agent created on this server (its model answers), and
	 * a {@code function.result} must answer a {@code function.call} of the conversation
	 * (a 400 otherwise, as the live API answers). An append to a conversation whose last
	 * turn made function calls must answer each of them once (a 400 naming the calls
	 * otherwise), so a test of a tool loop fails when a result is missing, sent twice or
	 * answers the wrong call; {@link MockConversationReply#andFunctionCall} scripts
	 * several calls in one turn.
	 *
	 * <p>
	 * A function-call round, as an application with {@code @MistralTool} beans meets it:
	 *
	 * <pre>{@code
	 * mock.conversations()
	 *     .replyWithFunctionCall("retrieve_payment_status", "{\"transaction_id\":\"T1001\"}")
	 *     .reply("Your payment T1001 was paid on 2024-10-05.");
	 * // start (or startStream): the answer is a function.call entry (streamed as two
	 * // function.call.delta events whose arguments join); append a function.result with
	 * // its tool_call_id: the answer is a message.output with the text (streamed word by word)
	 * }</pre>
	 *
	 * For behaviour that depends on what the application sends, use a responder:
	 *
	 * <pre>{@code
	 * mock.conversations().respondWith((inputs) -> inputs.stream().anyMatch(FunctionResultEntry.class::isInstance)
	 *     ? MockConversationReply.text("It was paid.")
	 *     : MockConversationReply.functionCall("retrieve_payment_status", "{\"transaction_id\":\"T1001\"}"));
	 * }</pre>
	 */
	public final class Conversations {

		private Conversations() {
		}

		/**
		 * Queues a text answer (streamed word by word to a streaming request).
		 * @param text the answer
		 * @return this script, to queue more
		 */
		public Conversations reply(String text) {
			return reply(MockConversationReply.text(text));
		}

		/**
		 * Queues a text answer streamed in exactly these pieces.
		 * @param pieces the pieces
		 * @return this script
		 */
		public Conversations replyInPieces(String... pieces) {
			return reply(MockConversationReply.inPieces(pieces));
		}

		/**
		 * Queues a turn that calls one of the application's functions.
		 * @param functionName the function's name
		 * @param argumentsJson the arguments, a JSON object
		 * @return this script
		 */
		public Conversations replyWithFunctionCall(String functionName, String argumentsJson) {
			return reply(MockConversationReply.functionCall(functionName, argumentsJson));
		}

		/**
		 * Queues a reply.
		 * @param reply the reply
		 * @return this script
		 */
		public Conversations reply(MockConversationReply reply) {
			Objects.requireNonNull(reply, "reply");
			MockMistral.this.handler.conversations((conversations) -> conversations.enqueue(reply));
			return this;
		}

		/**
		 * Answers turns for which no reply is queued with a function of the turn's inputs
		 * (user messages, function results), read as the client's entry types.
		 * @param responder returns the reply, or {@code null} for the default answer;
		 * {@code null} removes it
		 * @return this script
		 */
		public Conversations respondWith(
				@Nullable Function<List<ConversationEntry>, @Nullable MockConversationReply> responder) {
			MockMistral.this.handler.conversations((conversations) -> conversations.responder(responder));
			return this;
		}

		/**
		 * The ids of the conversations this server holds, oldest first.
		 * @return the ids
		 */
		public List<String> ids() {
			return MockMistral.this.handler.conversationIds();
		}

	}

}
