package dev.mistralboot.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.contract.OpenApiContract;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The behaviour behind {@link MockMistral}: validates and records every request, serves
 * scripted failures and answers, and simulates the stateful endpoints (files, fine-tuning
 * jobs). Thread-safe.
 */
final class MockMistralHandler {

	static final String TRANSFORMER = "mock-mistral";

	static final String CHAT_OPERATION = "chat_completion_v1_chat_completions_post";

	static final String DEFAULT_CHAT_MODEL = "mistral-small-latest";

	static final String DEFAULT_EMBEDDING_MODEL = "mistral-embed";

	static final List<String> DEFAULT_JOB_STATUSES = List.of("QUEUED", "VALIDATING", "RUNNING", "SUCCESS");

	static final List<String> JOB_STATUSES = List.of("QUEUED", "STARTED", "VALIDATING", "VALIDATED", "RUNNING",
			"FAILED_VALIDATION", "FAILED", "SUCCESS", "CANCELLED", "CANCELLATION_REQUESTED");

	private static final List<String> TERMINAL = List.of("FAILED_VALIDATION", "FAILED", "SUCCESS", "CANCELLED");

	private static final int DEFAULT_DIMENSION = 1024;

	private static final int MAX_SHOWN_BODY = 2000;

	private static final Pattern FILE = Pattern.compile("/v1/files/([^/]+)");

	private static final Pattern FILE_CONTENT = Pattern.compile("/v1/files/([^/]+)/content");

	private static final Pattern JOB = Pattern.compile("/v1/fine_tuning/jobs/([^/]+)");

	private static final Pattern JOB_ACTION = Pattern.compile("/v1/fine_tuning/jobs/([^/]+)/(cancel|start)");

	private static final Pattern SECRET_FIELD = Pattern.compile("(?i)api_key|token|secret|password|authorization");

	private final @Nullable OpenApiContract contract;

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final Deque<MockChatReply> chatReplies = new ArrayDeque<>();

	private final Deque<Failure> failures = new ArrayDeque<>();

	private final Map<String, StoredFile> files = new LinkedHashMap<>();

	private final Map<String, StoredJob> jobs = new LinkedHashMap<>();

	private @Nullable Function<ChatCompletionRequest, @Nullable MockChatReply> chatResponder;

	private int dimension = DEFAULT_DIMENSION;

	private List<String> jobStatuses = DEFAULT_JOB_STATUSES;

	private Duration streamDelay = Duration.ZERO;

	private final MockFamilies families = new MockFamilies(this);

	private final MockAgents agents = new MockAgents();

	private final MockConversations conversations = new MockConversations(this.agents);

	private final MockLibraries libraries = new MockLibraries();

	private final MockAudio audio = new MockAudio();

	MockMistralHandler(@Nullable OpenApiContract contract) {
		this.contract = contract;
	}

	/**
	 * Scripts the families of {@link MockFamilies}, under this handler's lock.
	 */
	synchronized void families(java.util.function.Consumer<MockFamilies> script) {
		script.accept(this.families);
	}

	/**
	 * Scripts the conversations of {@link MockConversations}, under this handler's lock.
	 */
	synchronized void conversations(java.util.function.Consumer<MockConversations> script) {
		script.accept(this.conversations);
	}

	/**
	 * The ids of the conversations this server holds, oldest first.
	 */
	synchronized List<String> conversationIds() {
		return this.conversations.ids();
	}

	/**
	 * Scripts the document libraries of {@link MockLibraries}, under this handler's lock.
	 */
	synchronized void libraries(java.util.function.Consumer<MockLibraries> script) {
		script.accept(this.libraries);
	}

	/**
	 * Scripts the audio endpoints of {@link MockAudio}, under this handler's lock.
	 */
	synchronized void audio(java.util.function.Consumer<MockAudio> script) {
		script.accept(this.audio);
	}

	/** An uploaded or generated file, called under the lock. */
	@Nullable StoredFile file(String id) {
		return this.files.get(id);
	}

	/** Stores a generated file (a batch output), called under the lock. */
	void storeFile(StoredFile file) {
		this.files.put(file.id(), file);
	}

	Duration streamDelayValue() {
		return this.streamDelay;
	}

	// ------------------------------------------------------------------------------------------
	// scripting

	synchronized void enqueueChat(MockChatReply reply) {
		this.chatReplies.add(reply);
	}

	synchronized void chatResponder(@Nullable Function<ChatCompletionRequest, @Nullable MockChatReply> responder) {
		this.chatResponder = responder;
	}

	synchronized void enqueueFailure(Failure failure) {
		this.failures.add(failure);
	}

	synchronized void dimension(int dimension) {
		this.dimension = dimension;
	}

	synchronized int dimension() {
		return this.dimension;
	}

	synchronized void jobStatuses(List<String> statuses) {
		this.jobStatuses = List.copyOf(statuses);
	}

	synchronized void streamDelay(Duration delay) {
		this.streamDelay = delay;
	}

	synchronized void reset() {
		this.requests.clear();
		this.violations.clear();
		this.chatReplies.clear();
		this.failures.clear();
		this.files.clear();
		this.jobs.clear();
		this.chatResponder = null;
		this.dimension = DEFAULT_DIMENSION;
		this.jobStatuses = DEFAULT_JOB_STATUSES;
		this.families.reset();
		this.agents.reset();
		this.conversations.reset();
		this.libraries.reset();
		this.audio.reset();
	}

	List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	List<String> violations() {
		return List.copyOf(this.violations);
	}

	boolean validates() {
		return this.contract != null;
	}

	// ------------------------------------------------------------------------------------------
	// serving

	/**
	 * Validates and records a request; returns the 422 to serve when it does not conform.
	 */
	private @Nullable ResponseDefinition check(LoggedRequest request) {
		String method = request.getMethod().getName();
		String url = request.getUrl();
		String contentType = request.getHeader("Content-Type");
		byte[] body = (request.getBody() != null) ? request.getBody() : new byte[0];
		String operationId = null;
		List<String> errors = List.of();
		if (this.contract != null) {
			operationId = this.contract.operationId(method, url, body).orElse(null);
			errors = this.contract.validateRequest(method, url, contentType, body);
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (HttpHeader header : request.getHeaders().all()) {
			headers.putIfAbsent(header.key().toLowerCase(Locale.ROOT), header.firstValue());
		}
		this.requests.add(new RecordedRequest(method, url, operationId, headers, body));
		if (errors.isEmpty()) {
			return null;
		}
		String violation = describe(method, url, operationId, contentType, body, errors);
		this.violations.add(violation);
		return json(422,
				MockResponses.validationError("mock_mistral_contract_violation",
						"MockMistral: this request does not conform to the Mistral OpenAPI description: "
								+ String.join("; ", errors),
						null));
	}

	synchronized ResponseDefinition serve(LoggedRequest request) {
		ResponseDefinition invalid = check(request);
		if (invalid != null) {
			return invalid;
		}
		Failure failure = this.failures.peek();
		if (failure != null) {
			if (failure.remaining() <= 1) {
				this.failures.poll();
			}
			else {
				this.failures.poll();
				this.failures.push(new Failure(failure.status(), failure.retryAfter(), failure.remaining() - 1));
			}
			ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
				.withStatus(failure.status())
				.withHeader("Content-Type", "application/json")
				.withHeader("mistral-correlation-id", UUID.randomUUID().toString())
				.withBody(MockResponses.error(failure.status()).toString());
			if (failure.retryAfter() != null) {
				response.withHeader("Retry-After", String.valueOf(failure.retryAfter().toSeconds()));
			}
			return response.build();
		}
		String method = request.getMethod().getName();
		String path = request.getUrl().split("\\?", 2)[0];
		if (method.equals("POST") && path.equals("/v1/chat/completions")) {
			return chat(request);
		}
		if (method.equals("POST") && path.equals("/v1/embeddings")) {
			return embeddings(request);
		}
		if (method.equals("GET") && path.equals("/v1/models")) {
			return json(200,
					MockResponses.models(List.of(DEFAULT_CHAT_MODEL, "mistral-large-latest"), DEFAULT_EMBEDDING_MODEL));
		}
		if (method.equals("POST") && path.equals("/v1/files")) {
			return upload(request);
		}
		if (method.equals("GET") && path.equals("/v1/files")) {
			return json(200, MockResponses
				.list(this.files.values().stream().map((file) -> MockResponses.file(file, false)).toList()));
		}
		Matcher fileContent = FILE_CONTENT.matcher(path);
		if (fileContent.matches() && method.equals("GET")) {
			StoredFile file = this.files.get(fileContent.group(1));
			return (file != null) ? ResponseDefinitionBuilder.responseDefinition()
				.withStatus(200)
				.withHeader("Content-Type", "application/octet-stream")
				.withBody(file.content())
				.build() : notFound("File", fileContent.group(1));
		}
		Matcher fileMatch = FILE.matcher(path);
		if (fileMatch.matches() && (method.equals("GET") || method.equals("DELETE"))) {
			String id = fileMatch.group(1);
			StoredFile file = this.files.get(id);
			if (file == null) {
				return notFound("File", id);
			}
			if (method.equals("DELETE")) {
				this.files.remove(id);
				return json(200, MockResponses.fileDeleted(id));
			}
			return json(200, MockResponses.file(file, true));
		}
		if (path.equals("/v1/fine_tuning/jobs")) {
			if (method.equals("POST")) {
				return createJob(request);
			}
			if (method.equals("GET")) {
				return json(200, MockResponses
					.list(this.jobs.values().stream().map((job) -> MockResponses.job(job, false)).toList()));
			}
		}
		Matcher jobAction = JOB_ACTION.matcher(path);
		if (jobAction.matches() && method.equals("POST")) {
			StoredJob job = this.jobs.get(jobAction.group(1));
			if (job == null) {
				return notFound("Job", jobAction.group(1));
			}
			if (jobAction.group(2).equals("cancel")) {
				job.cancel();
			}
			else {
				job.start();
			}
			return json(200, MockResponses.job(job, true));
		}
		Matcher jobMatch = JOB.matcher(path);
		if (jobMatch.matches() && method.equals("GET")) {
			StoredJob job = this.jobs.get(jobMatch.group(1));
			if (job == null) {
				return notFound("Job", jobMatch.group(1));
			}
			job.advance();
			return json(200, MockResponses.job(job, true));
		}
		ResponseDefinition conversation = this.conversations.serve(method, path, request, this);
		if (conversation != null) {
			return conversation;
		}
		ResponseDefinition agent = this.agents.serve(method, path, request);
		if (agent != null) {
			return agent;
		}
		ResponseDefinition library = this.libraries.serve(method, path, request);
		if (library != null) {
			return library;
		}
		ResponseDefinition audio = this.audio.serve(method, path, request);
		if (audio != null) {
			return audio;
		}
		ResponseDefinition family = this.families.serve(method, path, request);
		if (family != null) {
			return family;
		}
		ObjectNode error = MockResponses.error(404);
		error.put("message", "MockMistral does not simulate " + method + " " + path
				+ ": stub it with mockMistral.wireMock().stubFor(...)");
		return json(404, error);
	}

	private ResponseDefinition chat(LoggedRequest request) {
		ChatCompletionRequest chat;
		try {
			chat = MockResponses.JSON.readValue(request.getBody(), ChatCompletionRequest.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return json(422, MockResponses.validationError("json_invalid",
					"MockMistral cannot read this chat request: " + ex.getMessage(), null));
		}
		MockChatReply reply = this.chatReplies.poll();
		if (reply == null && this.chatResponder != null) {
			reply = this.chatResponder.apply(chat);
		}
		if (reply == null) {
			reply = MockChatReply.text("This is MockMistral's default answer. Script another one with "
					+ "mockMistral.chat().reply(...).");
		}
		String model = (chat.model() != null) ? chat.model() : DEFAULT_CHAT_MODEL;
		int promptTokens = Math.max(1, MockResponses.tokens(promptText(request)));
		if (Boolean.TRUE.equals(chat.stream())) {
			List<String> events = MockResponses.chatChunks(model, reply, promptTokens);
			StringBuilder body = new StringBuilder();
			for (String event : events) {
				body.append("data: ").append(event).append("\n\n");
			}
			ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
				.withStatus(200)
				.withHeader("Content-Type", "text/event-stream; charset=utf-8")
				.withHeader("Cache-Control", "no-cache")
				.withHeader("mistral-correlation-id", UUID.randomUUID().toString())
				.withBody(body.toString());
			if (!this.streamDelay.isZero()) {
				response.withChunkedDribbleDelay(events.size(), (int) this.streamDelay.toMillis() * events.size());
			}
			return response.build();
		}
		return json(200, MockResponses.chatCompletion(model, reply, promptTokens));
	}

	private static String promptText(LoggedRequest request) {
		StringBuilder text = new StringBuilder();
		try {
			for (JsonNode message : MockResponses.JSON.readTree(request.getBody()).path("messages")) {
				JsonNode content = message.path("content");
				if (content.isString()) {
					text.append(content.asString());
				}
				else {
					content.forEach((chunk) -> text.append(chunk.path("text").asString("")));
				}
			}
		}
		catch (JacksonException ex) {
			// counted as empty
		}
		return text.toString();
	}

	private ResponseDefinition embeddings(LoggedRequest request) {
		JsonNode body = MockResponses.JSON.readTree(request.getBody());
		List<String> inputs = new ArrayList<>();
		JsonNode input = body.path("input");
		if (input.isArray()) {
			input.forEach((item) -> inputs.add(item.asString("")));
		}
		else {
			inputs.add(input.asString(""));
		}
		int size = body.path("output_dimension").isInt() ? body.path("output_dimension").asInt() : this.dimension;
		String model = body.path("model").asString(DEFAULT_EMBEDDING_MODEL);
		// encoding_format "base64" is answered with JSON numbers too, like the live API
		// (and the response schema)
		String dtype = body.path("output_dtype").asString("float");
		return json(200, MockResponses.embeddings(model, inputs, size, dtype));
	}

	private ResponseDefinition upload(LoggedRequest request) {
		Request.Part filePart = part(request, "file");
		if (filePart == null) {
			return json(422, MockResponses.validationError("missing", "Field required", "file"));
		}
		Request.Part purpose = part(request, "purpose");
		Request.Part visibility = part(request, "visibility");
		String filename = (filePart.getFileName() != null) ? filePart.getFileName() : "upload.jsonl";
		StoredFile file = new StoredFile(UUID.randomUUID().toString(), filename,
				(purpose != null) ? purpose.getBody().asString().trim() : "fine-tune",
				(visibility != null) ? visibility.getBody().asString().trim() : "workspace",
				filePart.getBody().asBytes(), MockResponses.now());
		this.files.put(file.id(), file);
		return json(200, MockResponses.file(file, false));
	}

	private static Request.@Nullable Part part(LoggedRequest request, String name) {
		Collection<Request.Part> parts = request.isMultipart() ? request.getParts() : null;
		if (parts == null) {
			return null;
		}
		return parts.stream().filter((part) -> name.equals(part.getName())).findFirst().orElse(null);
	}

	private ResponseDefinition createJob(LoggedRequest request) {
		JsonNode body = MockResponses.JSON.readTree(request.getBody());
		List<String> trainingFiles = new ArrayList<>();
		long dataTokens = 0;
		for (JsonNode training : body.path("training_files")) {
			String id = training.path("file_id").asString("");
			StoredFile file = this.files.get(id);
			if (file == null) {
				ObjectNode error = MockResponses.error(404);
				error.put("message", "Training file " + id + " was not found; upload it first");
				return json(404, error);
			}
			trainingFiles.add(id);
			dataTokens += MockResponses.tokens(new String(file.content(), StandardCharsets.UTF_8));
		}
		JsonNode steps = body.path("hyperparameters").path("training_steps");
		int trainingSteps = steps.isIntegralNumber() ? steps.asInt() : 10;
		double learningRate = body.path("hyperparameters").path("learning_rate").asDouble(0.0001);
		String dryRun = queryParameter(request.getUrl(), "dry_run");
		if ("true".equalsIgnoreCase(dryRun)) {
			return json(200, MockResponses.dryRun(Math.max(dataTokens, 1), trainingSteps));
		}
		String suffix = body.path("suffix").isString() ? body.path("suffix").asString() : null;
		boolean autoStart = body.path("auto_start").asBoolean(true);
		StoredJob job = new StoredJob(UUID.randomUUID().toString(), body.path("model").asString(""), suffix, autoStart,
				trainingFiles, trainingSteps, learningRate, Math.max(dataTokens, 1), this.jobStatuses);
		this.jobs.put(job.id(), job);
		return json(200, MockResponses.job(job, false));
	}

	private static @Nullable String queryParameter(String url, String name) {
		int question = url.indexOf('?');
		if (question < 0) {
			return null;
		}
		for (String pair : url.substring(question + 1).split("&")) {
			String[] parts = pair.split("=", 2);
			if (parts[0].equals(name)) {
				return (parts.length > 1) ? parts[1] : "";
			}
		}
		return null;
	}

	static ResponseDefinition notFound(String what, String id) {
		ObjectNode error = MockResponses.error(404);
		error.put("message", what + " " + id + " not found");
		return json(404, error);
	}

	static ResponseDefinition json(int status, JsonNode body) {
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("mistral-correlation-id", UUID.randomUUID().toString())
			.withBody(body.toString())
			.build();
	}

	// ------------------------------------------------------------------------------------------
	// messages

	static String describe(String method, String url, @Nullable String operationId, @Nullable String contentType,
			byte[] body, List<String> errors) {
		StringBuilder text = new StringBuilder(method).append(' ').append(url);
		if (operationId != null) {
			text.append(" (").append(operationId).append(')');
		}
		text.append(':');
		for (String error : errors) {
			text.append("\n  - ").append(error);
		}
		if (body.length > 0) {
			text.append("\n  body (")
				.append((contentType != null) ? contentType : "no Content-Type")
				.append("): ")
				.append(shown(body, contentType));
		}
		return text.toString();
	}

	/**
	 * The body for a message: JSON with secret fields masked, cut to a readable length.
	 */
	private static String shown(byte[] body, @Nullable String contentType) {
		String text;
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
			try {
				JsonNode tree = MockResponses.JSON.readTree(body);
				mask(tree);
				text = tree.toString();
			}
			catch (JacksonException ex) {
				text = new String(body, StandardCharsets.UTF_8);
			}
		}
		else if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			text = "(multipart, " + body.length + " bytes)";
		}
		else {
			text = new String(body, StandardCharsets.UTF_8);
		}
		return (text.length() > MAX_SHOWN_BODY)
				? text.substring(0, MAX_SHOWN_BODY) + "... (" + (text.length() - MAX_SHOWN_BODY) + " more characters)"
				: text;
	}

	private static void mask(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (String name : new ArrayList<>(object.propertyNames())) {
				if (SECRET_FIELD.matcher(name).matches() && object.get(name).isString()) {
					object.put(name, "******");
				}
				else {
					mask(object.get(name));
				}
			}
		}
		else if (node.isArray()) {
			node.forEach(MockMistralHandler::mask);
		}
	}

	// ------------------------------------------------------------------------------------------
	// WireMock glue

	/** Serves every request that no user stub with a higher priority answers. */
	ResponseDefinitionTransformerV2 transformer() {
		return new ResponseDefinitionTransformerV2() {

			@Override
			public ResponseDefinition transform(ServeEvent serveEvent) {
				return serve(serveEvent.getRequest());
			}

			@Override
			public boolean applyGlobally() {
				return false;
			}

			@Override
			public String getName() {
				return TRANSFORMER;
			}

		};
	}

	/** Validates and records the requests served by the user's own WireMock stubs. */
	ServeEventListener userStubListener(UUID catchAllStubId) {
		return new ServeEventListener() {

			@Override
			public void afterMatch(ServeEvent serveEvent, Parameters parameters) {
				if (serveEvent.getStubMapping() != null
						&& !catchAllStubId.equals(serveEvent.getStubMapping().getId())) {
					synchronized (MockMistralHandler.this) {
						check(serveEvent.getRequest());
					}
				}
			}

			@Override
			public String getName() {
				return "mock-mistral-user-stubs";
			}

		};
	}

	static Optional<String> unknownStatus(Collection<String> statuses) {
		return statuses.stream().filter((status) -> !JOB_STATUSES.contains(status)).findFirst();
	}

	// ------------------------------------------------------------------------------------------
	// state

	/**
	 * A scripted error status for the next requests.
	 *
	 * @param status the HTTP status
	 * @param retryAfter the {@code Retry-After} to send, or {@code null}
	 * @param remaining how many more requests get it
	 */
	record Failure(int status, @Nullable Duration retryAfter, int remaining) {
	}

	/**
	 * An uploaded file.
	 *
	 * @param id the file id
	 * @param filename the file name
	 * @param purpose the purpose
	 * @param visibility the visibility
	 * @param content the bytes
	 * @param createdAt when it was uploaded (epoch seconds)
	 */
	record StoredFile(String id, String filename, String purpose, String visibility, byte[] content, long createdAt) {

		int lines() {
			String text = new String(this.content, StandardCharsets.UTF_8);
			return (int) text.lines().filter((line) -> !line.isBlank()).count();
		}

	}

	/**
	 * A status a job went through, and when.
	 *
	 * @param status the status
	 * @param at when (epoch seconds)
	 */
	record StatusChange(String status, long at) {
	}

	/**
	 * A fine-tuning job walking through its scripted statuses, one step per {@code GET}.
	 */
	static final class StoredJob {

		private final String id;

		private final String model;

		private final @Nullable String suffix;

		private final boolean autoStart;

		private final List<String> trainingFiles;

		private final int trainingSteps;

		private final double learningRate;

		private final long dataTokens;

		private final List<String> statuses;

		private final long createdAt = MockResponses.now();

		private final List<StatusChange> history = new ArrayList<>();

		private int step;

		private boolean started;

		private String status;

		StoredJob(String id, String model, @Nullable String suffix, boolean autoStart, List<String> trainingFiles,
				int trainingSteps, double learningRate, long dataTokens, List<String> statuses) {
			this.id = id;
			this.model = model;
			this.suffix = suffix;
			this.autoStart = autoStart;
			this.trainingFiles = List.copyOf(trainingFiles);
			this.trainingSteps = trainingSteps;
			this.learningRate = learningRate;
			this.dataTokens = dataTokens;
			this.statuses = statuses;
			this.started = autoStart;
			this.status = statuses.get(0);
			this.history.add(new StatusChange(this.status, this.createdAt));
		}

		/**
		 * Moves one step along the scripted statuses; a job without auto-start waits at
		 * VALIDATED.
		 */
		void advance() {
			if (TERMINAL.contains(this.status)) {
				return;
			}
			if (this.status.equals("CANCELLATION_REQUESTED")) {
				moveTo("CANCELLED");
				return;
			}
			if (this.step + 1 >= this.statuses.size()) {
				return;
			}
			String next = this.statuses.get(this.step + 1);
			if (!this.started && (next.equals("RUNNING") || TERMINAL.contains(next))) {
				if (!this.status.equals("VALIDATED")) {
					moveTo("VALIDATED");
				}
				return;
			}
			this.step++;
			moveTo(next);
		}

		void start() {
			this.started = true;
			if (this.status.equals("VALIDATED")) {
				advance();
			}
		}

		void cancel() {
			if (!TERMINAL.contains(this.status)) {
				moveTo("CANCELLATION_REQUESTED");
			}
		}

		private void moveTo(String next) {
			this.status = next;
			this.history.add(new StatusChange(next, MockResponses.now()));
		}

		String id() {
			return this.id;
		}

		String model() {
			return this.model;
		}

		@Nullable String suffix() {
			return this.suffix;
		}

		boolean autoStart() {
			return this.autoStart;
		}

		List<String> trainingFiles() {
			return this.trainingFiles;
		}

		int trainingSteps() {
			return this.trainingSteps;
		}

		double learningRate() {
			return this.learningRate;
		}

		long dataTokens() {
			return this.dataTokens;
		}

		long trainTokens() {
			return 131072L * this.trainingSteps;
		}

		double cost() {
			return MockResponses.cost(trainTokens());
		}

		String status() {
			return this.status;
		}

		long createdAt() {
			return this.createdAt;
		}

		long modifiedAt() {
			return this.history.get(this.history.size() - 1).at();
		}

		List<StatusChange> history() {
			return List.copyOf(this.history);
		}

	}

}
