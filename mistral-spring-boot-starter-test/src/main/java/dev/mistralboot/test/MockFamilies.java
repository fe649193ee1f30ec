package dev.mistralboot.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The families {@link MockMistral} simulates besides chat, embeddings, files and
 * fine-tuning jobs: FIM, agents completions, OCR, moderations and classifications, batch
 * jobs, one model's card, fine-tuned model management and signed file URLs. Each answers
 * with a default that conforms to the OpenAPI description, and can be scripted. Called by
 * {@link MockMistralHandler} under its lock.
 */
final class MockFamilies {

	static final List<String> DEFAULT_BATCH_STATUSES = List.of("QUEUED", "RUNNING", "SUCCESS");

	static final List<String> BATCH_STATUSES = List.of("QUEUED", "RUNNING", "SUCCESS", "FAILED", "TIMEOUT_EXCEEDED",
			"CANCELLATION_REQUESTED", "CANCELLED");

	private static final List<String> BATCH_TERMINAL = List.of("SUCCESS", "FAILED", "TIMEOUT_EXCEEDED", "CANCELLED");

	/** The moderation categories of Mistral's moderation models. */
	static final List<String> MODERATION_CATEGORIES = List.of("sexual", "hate_and_discrimination",
			"violence_and_threats", "dangerous_and_criminal_content", "selfharm", "health", "financial", "law", "pii");

	private static final Pattern MODEL = Pattern.compile("/v1/models/([^/]+)");

	private static final Pattern FT_MODEL = Pattern.compile("/v1/fine_tuning/models/([^/]+)");

	private static final Pattern FT_MODEL_ARCHIVE = Pattern.compile("/v1/fine_tuning/models/([^/]+)/archive");

	private static final Pattern BATCH_JOB = Pattern.compile("/v1/batch/jobs/([^/]+)");

	private static final Pattern BATCH_CANCEL = Pattern.compile("/v1/batch/jobs/([^/]+)/cancel");

	private static final Pattern FILE_URL = Pattern.compile("/v1/files/([^/]+)/url");

	private final MockMistralHandler handler;

	private final Deque<MockChatReply> fimReplies = new ArrayDeque<>();

	private final Deque<MockChatReply> agentReplies = new ArrayDeque<>();

	private List<String> ocrPages = List.of();

	private @Nullable String documentAnnotation;

	private Set<String> flagged = Set.of();

	private Map<String, Map<String, Double>> classificationScores = defaultScores();

	private List<String> batchStatuses = DEFAULT_BATCH_STATUSES;

	private final Map<String, BatchJob> batches = new LinkedHashMap<>();

	private final Set<String> archived = new LinkedHashSet<>();

	private final Set<String> deletedModels = new LinkedHashSet<>();

	MockFamilies(MockMistralHandler handler) {
		this.handler = handler;
	}

	// ------------------------------------------------------------------------------------------
	// scripting

	void enqueueFim(MockChatReply reply) {
		this.fimReplies.add(reply);
	}

	void enqueueAgent(MockChatReply reply) {
		this.agentReplies.add(reply);
	}

	void ocrPages(List<String> markdown) {
		this.ocrPages = List.copyOf(markdown);
	}

	void documentAnnotation(@Nullable String json) {
		this.documentAnnotation = json;
	}

	void flagged(Set<String> categories) {
		this.flagged = Set.copyOf(categories);
	}

	void classificationScores(Map<String, Map<String, Double>> scores) {
		this.classificationScores = Map.copyOf(scores);
	}

	void batchStatuses(List<String> statuses) {
		this.batchStatuses = List.copyOf(statuses);
	}

	void reset() {
		this.fimReplies.clear();
		this.agentReplies.clear();
		this.ocrPages = List.of();
		this.documentAnnotation = null;
		this.flagged = Set.of();
		this.classificationScores = defaultScores();
		this.batchStatuses = DEFAULT_BATCH_STATUSES;
		this.batches.clear();
		this.archived.clear();
		this.deletedModels.clear();
	}

	private static Map<String, Map<String, Double>> defaultScores() {
		return Map.of("label", Map.of("positive", 0.5, "negative", 0.5));
	}

	// ------------------------------------------------------------------------------------------
	// serving

	/**
	 * Serves a request of one of these families.
	 * @return the answer, or {@code null} when the request is not one of them
	 */
	@Nullable ResponseDefinition serve(String method, String encodedPath, LoggedRequest request) {
		// ids such as ft:open-mistral-7b:... arrive percent-encoded
		String path = org.springframework.web.util.UriUtils.decode(encodedPath, StandardCharsets.UTF_8);
		if (method.equals("POST")) {
			switch (path) {
				case "/v1/fim/completions":
					return completion(request, this.fimReplies, "codestral-latest",
							"This is MockMistral's default FIM answer. Script another one with mockMistral.fim().reply(...).");
				case "/v1/agents/completions":
					return completion(request, this.agentReplies, MockMistralHandler.DEFAULT_CHAT_MODEL,
							"This is MockMistral's default agent answer. Script another one with "
									+ "mockMistral.agents().reply(...).");
				case "/v1/ocr":
					return json(200, ocr(body(request)));
				case "/v1/moderations":
				case "/v1/chat/moderations":
					return json(200, moderation(body(request), path.startsWith("/v1/chat")));
				case "/v1/classifications":
				case "/v1/chat/classifications":
					return json(200, classification(body(request), path.startsWith("/v1/chat")));
				case "/v1/batch/jobs":
					return createBatch(body(request));
				default:
					break;
			}
		}
		if (method.equals("GET") && path.equals("/v1/batch/jobs")) {
			ObjectNode list = MockResponses.JSON.createObjectNode();
			ArrayNode data = list.putArray("data");
			this.batches.values().forEach((job) -> data.add(batchJson(job, false)));
			list.put("object", "list");
			list.put("total", this.batches.size());
			return json(200, list);
		}
		Matcher batchCancel = BATCH_CANCEL.matcher(path);
		if (batchCancel.matches() && method.equals("POST")) {
			BatchJob job = this.batches.get(batchCancel.group(1));
			if (job == null) {
				return notFound("Batch job", batchCancel.group(1));
			}
			if (!BATCH_TERMINAL.contains(job.status)) {
				job.status = "CANCELLATION_REQUESTED";
			}
			return json(200, batchJson(job, false));
		}
		Matcher batchJob = BATCH_JOB.matcher(path);
		if (batchJob.matches() && (method.equals("GET") || method.equals("DELETE"))) {
			BatchJob job = this.batches.get(batchJob.group(1));
			if (job == null) {
				return notFound("Batch job", batchJob.group(1));
			}
			if (method.equals("DELETE")) {
				this.batches.remove(job.id);
				ObjectNode deleted = MockResponses.JSON.createObjectNode();
				deleted.put("id", job.id);
				deleted.put("object", "batch");
				deleted.put("deleted", true);
				return json(200, deleted);
			}
			advance(job);
			return json(200, batchJson(job, request.getUrl().contains("inline=true")));
		}
		Matcher model = MODEL.matcher(path);
		if (model.matches() && (method.equals("GET") || method.equals("DELETE"))) {
			return model(method, model.group(1));
		}
		Matcher archiving = FT_MODEL_ARCHIVE.matcher(path);
		if (archiving.matches() && (method.equals("POST") || method.equals("DELETE"))) {
			String id = archiving.group(1);
			if (!isFineTuned(id)) {
				return notFound("Fine-tuned model", id);
			}
			boolean archive = method.equals("POST");
			if (archive) {
				this.archived.add(id);
			}
			else {
				this.archived.remove(id);
			}
			ObjectNode answer = MockResponses.JSON.createObjectNode();
			answer.put("id", id);
			answer.put("object", "model");
			answer.put("archived", archive);
			return json(200, answer);
		}
		Matcher tuned = FT_MODEL.matcher(path);
		if (tuned.matches() && method.equals("PATCH")) {
			String id = tuned.group(1);
			if (!isFineTuned(id)) {
				return notFound("Fine-tuned model", id);
			}
			return json(200, fineTunedModel(id, body(request)));
		}
		Matcher fileUrl = FILE_URL.matcher(path);
		if (fileUrl.matches() && method.equals("GET")) {
			String id = fileUrl.group(1);
			if (this.handler.file(id) == null) {
				return notFound("File", id);
			}
			String host = request.getHeader("Host");
			ObjectNode url = MockResponses.JSON.createObjectNode();
			url.put("url", "http://" + ((host != null) ? host : "127.0.0.1") + "/v1/files/" + id
					+ "/content?signature=mock-signature");
			return json(200, url);
		}
		return null;
	}

	// ------------------------------------------------------------------------------------------
	// FIM and agents

	private ResponseDefinition completion(LoggedRequest request, Deque<MockChatReply> replies, String defaultModel,
			String defaultText) {
		JsonNode body = body(request);
		MockChatReply reply = replies.poll();
		if (reply == null) {
			reply = MockChatReply.text(defaultText);
		}
		String model = body.path("model").isString() ? body.path("model").asString() : defaultModel;
		String prompt = body.path("prompt").asString("") + body.path("suffix").asString("");
		for (JsonNode message : body.path("messages")) {
			prompt += message.path("content").isString() ? message.path("content").asString() : "";
		}
		int promptTokens = Math.max(1, MockResponses.tokens(prompt));
		if (body.path("stream").asBoolean(false)) {
			List<String> events = MockResponses.chatChunks(model, reply, promptTokens);
			StringBuilder text = new StringBuilder();
			for (String event : events) {
				text.append("data: ").append(event).append("\n\n");
			}
			ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
				.withStatus(200)
				.withHeader("Content-Type", "text/event-stream; charset=utf-8")
				.withHeader("Cache-Control", "no-cache")
				.withHeader("mistral-correlation-id", UUID.randomUUID().toString())
				.withBody(text.toString());
			Duration delay = this.handler.streamDelayValue();
			if (!delay.isZero()) {
				response.withChunkedDribbleDelay(events.size(), (int) delay.toMillis() * events.size());
			}
			return response.build();
		}
		return json(200, MockResponses.chatCompletion(model, reply, promptTokens));
	}

	// ------------------------------------------------------------------------------------------
	// OCR

	private ObjectNode ocr(JsonNode body) {
		List<Integer> indexes = new ArrayList<>();
		if (body.path("pages").isArray()) {
			body.path("pages").forEach((page) -> indexes.add(page.asInt()));
		}
		int count = Math.max(Math.max(indexes.size(), this.ocrPages.size()), 1);
		ObjectNode root = MockResponses.JSON.createObjectNode();
		ArrayNode pages = root.putArray("pages");
		for (int i = 0; i < count; i++) {
			int index = (i < indexes.size()) ? indexes.get(i) : i;
			ObjectNode page = pages.addObject();
			page.put("index", index);
			page.put("markdown", (i < this.ocrPages.size()) ? this.ocrPages.get(i)
					: "# MockMistral OCR\n\nPage " + index + " of the document, read by MockMistral.");
			page.putArray("images");
			page.putArray("tables");
			page.putArray("hyperlinks");
			page.putNull("header");
			page.putNull("footer");
			ObjectNode dimensions = page.putObject("dimensions");
			dimensions.put("dpi", 200);
			dimensions.put("height", 2200);
			dimensions.put("width", 1700);
		}
		root.put("model", body.path("model").asString("mistral-ocr-latest"));
		if (this.documentAnnotation != null) {
			root.put("document_annotation", this.documentAnnotation);
		}
		else if (body.has("document_annotation_format")) {
			root.put("document_annotation", "{}");
		}
		else {
			root.putNull("document_annotation");
		}
		ObjectNode usage = root.putObject("usage_info");
		usage.put("pages_processed", count);
		usage.putNull("doc_size_bytes");
		return root;
	}

	// ------------------------------------------------------------------------------------------
	// classifiers

	private ObjectNode moderation(JsonNode body, boolean chat) {
		int count = inputs(body.path("input"), chat);
		ObjectNode root = MockResponses.JSON.createObjectNode();
		root.put("id", "mod-" + UUID.randomUUID().toString().replace("-", ""));
		root.put("model", body.path("model").asString("mistral-moderation-latest"));
		ArrayNode results = root.putArray("results");
		for (int i = 0; i < count; i++) {
			ObjectNode result = results.addObject();
			ObjectNode categories = result.putObject("categories");
			ObjectNode scores = result.putObject("category_scores");
			Set<String> names = new LinkedHashSet<>(MODERATION_CATEGORIES);
			names.addAll(this.flagged);
			for (String category : names) {
				boolean flag = this.flagged.contains(category);
				categories.put(category, flag);
				scores.put(category, flag ? 0.92 : 0.01);
			}
		}
		return root;
	}

	private ObjectNode classification(JsonNode body, boolean chat) {
		int count = inputs(body.path("input"), chat);
		ObjectNode root = MockResponses.JSON.createObjectNode();
		root.put("id", "cls-" + UUID.randomUUID().toString().replace("-", ""));
		root.put("model", body.path("model").asString("ft:classifier:ministral-3b-latest:mock"));
		ArrayNode results = root.putArray("results");
		for (int i = 0; i < count; i++) {
			ObjectNode result = results.addObject();
			this.classificationScores.forEach((target, scores) -> {
				ObjectNode node = result.putObject(target).putObject("scores");
				scores.forEach(node::put);
			});
		}
		return root;
	}

	/**
	 * How many results an input asks for: one per text, or per conversation (a chat input
	 * is one conversation or a list of them).
	 */
	private static int inputs(JsonNode input, boolean chat) {
		if (!input.isArray()) {
			return 1;
		}
		if (chat) {
			// classifications: a list of {messages}; moderations: a list of messages or
			// of conversations
			JsonNode first = input.path(0);
			if (first.isArray() || first.has("messages")) {
				return Math.max(input.size(), 1);
			}
			return 1;
		}
		return Math.max(input.size(), 1);
	}

	// ------------------------------------------------------------------------------------------
	// batch

	private ResponseDefinition createBatch(JsonNode body) {
		List<JsonNode> requests = new ArrayList<>();
		List<String> inputFiles = new ArrayList<>();
		for (JsonNode request : body.path("requests")) {
			requests.add(request);
		}
		for (JsonNode fileId : body.path("input_files")) {
			String id = fileId.asString("");
			MockMistralHandler.StoredFile file = this.handler.file(id);
			if (file == null) {
				return notFound("Input file", id + " (upload it first)");
			}
			inputFiles.add(id);
			for (String line : new String(file.content(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank()) {
					try {
						requests.add(MockResponses.JSON.readTree(line));
					}
					catch (JacksonException ex) {
						ObjectNode error = MockResponses.error(400);
						error.put("message", "Input file " + id + " has a line that is not JSON: " + line);
						return json(400, error);
					}
				}
			}
		}
		JsonNode metadata = body.path("metadata");
		BatchJob job = new BatchJob(UUID.randomUUID().toString(), body.path("endpoint").asString(""),
				body.path("model").isString() ? body.path("model").asString() : null,
				body.path("agent_id").isString() ? body.path("agent_id").asString() : null,
				metadata.isObject() ? (ObjectNode) metadata : null, inputFiles, requests, this.batchStatuses);
		this.batches.put(job.id, job);
		return json(200, batchJson(job, false));
	}

	private void advance(BatchJob job) {
		if (BATCH_TERMINAL.contains(job.status)) {
			return;
		}
		if (job.status.equals("CANCELLATION_REQUESTED")) {
			job.status = "CANCELLED";
			job.completedAt = MockResponses.now();
			return;
		}
		if (job.step + 1 < job.statuses.size()) {
			job.step++;
			job.status = job.statuses.get(job.step);
			if (job.status.equals("RUNNING")) {
				job.startedAt = MockResponses.now();
			}
			if (job.status.equals("SUCCESS")) {
				finish(job);
			}
			else if (BATCH_TERMINAL.contains(job.status)) {
				job.completedAt = MockResponses.now();
			}
		}
	}

	/** Answers every request of a job and stores the results as its output file. */
	private void finish(BatchJob job) {
		StringBuilder output = new StringBuilder();
		int i = 0;
		for (JsonNode request : job.requests) {
			ObjectNode line = MockResponses.JSON.createObjectNode();
			line.put("id", "batch-" + job.id.substring(0, 8) + "-" + i);
			line.put("custom_id", request.path("custom_id").asString(String.valueOf(i)));
			ObjectNode response = line.putObject("response");
			response.put("status_code", 200);
			response.set("body", batchAnswer(job, request.path("body")));
			line.putNull("error");
			job.outputs.add(response.get("body"));
			output.append(line).append('\n');
			i++;
		}
		MockMistralHandler.StoredFile file = new MockMistralHandler.StoredFile(UUID.randomUUID().toString(),
				"batch-" + job.id + "-output.jsonl", "batch", "workspace",
				output.toString().getBytes(StandardCharsets.UTF_8), MockResponses.now());
		this.handler.storeFile(file);
		job.outputFile = file.id();
		job.completedAt = MockResponses.now();
	}

	private JsonNode batchAnswer(BatchJob job, JsonNode body) {
		String model = body.path("model").isString() ? body.path("model").asString()
				: (job.model != null) ? job.model : MockMistralHandler.DEFAULT_CHAT_MODEL;
		switch (job.endpoint) {
			case "/v1/embeddings":
				return MockResponses.embeddings(model, texts(body.path("input")), this.handler.dimension(), "float");
			case "/v1/moderations":
				return moderation(body, false);
			case "/v1/chat/moderations":
				return moderation(body, true);
			case "/v1/classifications":
				return classification(body, false);
			case "/v1/chat/classifications":
				return classification(body, true);
			case "/v1/ocr":
				return ocr(body);
			default:
				return MockResponses.chatCompletion(model,
						MockChatReply.text("This is MockMistral's default batch answer."), 1);
		}
	}

	private static List<String> texts(JsonNode input) {
		List<String> inputs = new ArrayList<>();
		if (input.isArray()) {
			input.forEach((item) -> inputs.add(item.asString("")));
		}
		else {
			inputs.add(input.asString(""));
		}
		return inputs;
	}

	private ObjectNode batchJson(BatchJob job, boolean inline) {
		ObjectNode node = MockResponses.JSON.createObjectNode();
		node.put("id", job.id);
		node.put("object", "batch");
		ArrayNode inputFiles = node.putArray("input_files");
		job.inputFiles.forEach(inputFiles::add);
		if (job.metadata != null) {
			node.set("metadata", job.metadata);
		}
		else {
			node.putNull("metadata");
		}
		node.put("endpoint", job.endpoint);
		node.put("model", job.model);
		node.put("agent_id", job.agentId);
		node.put("output_file", job.outputFile);
		node.putNull("error_file");
		node.putArray("errors");
		if (inline && job.status.equals("SUCCESS")) {
			ArrayNode outputs = node.putArray("outputs");
			job.outputs.forEach((output) -> outputs.addObject().set("response", output));
		}
		else {
			node.putNull("outputs");
		}
		node.put("status", job.status);
		node.put("created_at", job.createdAt);
		int total = job.requests.size();
		boolean done = job.status.equals("SUCCESS");
		node.put("total_requests", total);
		node.put("completed_requests", done ? total : 0);
		node.put("succeeded_requests", done ? total : 0);
		node.put("failed_requests", 0);
		if (job.startedAt != null) {
			node.put("started_at", job.startedAt);
		}
		else {
			node.putNull("started_at");
		}
		if (job.completedAt != null) {
			node.put("completed_at", job.completedAt);
		}
		else {
			node.putNull("completed_at");
		}
		return node;
	}

	// ------------------------------------------------------------------------------------------
	// models

	private ResponseDefinition model(String method, String id) {
		if (isFineTuned(id)) {
			if (method.equals("DELETE")) {
				this.deletedModels.add(id);
				ObjectNode deleted = MockResponses.JSON.createObjectNode();
				deleted.put("id", id);
				deleted.put("object", "model");
				deleted.put("deleted", true);
				return json(200, deleted);
			}
			ObjectNode card = MockResponses.JSON.createObjectNode();
			card.put("id", id);
			card.put("object", "model");
			card.put("created", MockResponses.now());
			card.put("owned_by", "mock-organization");
			ObjectNode capabilities = card.putObject("capabilities");
			capabilities.put("completion_chat", true);
			capabilities.put("function_calling", true);
			capabilities.put("fine_tuning", false);
			card.put("name", id);
			card.putNull("description");
			card.put("max_context_length", 32768);
			card.putArray("aliases");
			card.putNull("deprecation");
			card.put("type", "fine-tuned");
			card.put("job", UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString());
			card.put("root", root(id));
			card.put("archived", this.archived.contains(id));
			return json(200, card);
		}
		for (JsonNode card : MockResponses
			.models(List.of(MockMistralHandler.DEFAULT_CHAT_MODEL, "mistral-large-latest"),
					MockMistralHandler.DEFAULT_EMBEDDING_MODEL)
			.path("data")) {
			if (card.path("id").asString("").equals(id)) {
				if (method.equals("DELETE")) {
					ObjectNode error = MockResponses.error(403);
					error.put("message",
							"Model " + id + " is a base model: only fine-tuned models (ft:...) can be deleted");
					return json(403, error);
				}
				return json(200, card);
			}
		}
		return notFound("Model", id);
	}

	private ObjectNode fineTunedModel(String id, JsonNode body) {
		ObjectNode node = MockResponses.JSON.createObjectNode();
		node.put("id", id);
		node.put("object", "model");
		node.put("created", MockResponses.now());
		node.put("owned_by", "mock-organization");
		node.put("workspace_id", "mock-workspace");
		node.put("root", root(id));
		node.put("root_version", "1");
		node.put("archived", this.archived.contains(id));
		if (body.path("name").isString()) {
			node.put("name", body.path("name").asString());
		}
		else {
			node.putNull("name");
		}
		if (body.path("description").isString()) {
			node.put("description", body.path("description").asString());
		}
		else {
			node.putNull("description");
		}
		ObjectNode capabilities = node.putObject("capabilities");
		capabilities.put("completion_chat", true);
		capabilities.put("completion_fim", false);
		capabilities.put("function_calling", true);
		capabilities.put("fine_tuning", false);
		capabilities.put("classification", false);
		node.put("max_context_length", 32768);
		node.putArray("aliases");
		node.put("job", UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString());
		node.put("model_type", "completion");
		return node;
	}

	private boolean isFineTuned(String id) {
		return id.startsWith("ft:") && !this.deletedModels.contains(id);
	}

	private static String root(String id) {
		String[] parts = id.split(":");
		return (parts.length > 1) ? parts[1] : "open-mistral-7b";
	}

	// ------------------------------------------------------------------------------------------
	// helpers

	private static JsonNode body(LoggedRequest request) {
		try {
			byte[] body = request.getBody();
			return (body != null && body.length > 0) ? MockResponses.JSON.readTree(body)
					: MockResponses.JSON.createObjectNode();
		}
		catch (JacksonException ex) {
			return MockResponses.JSON.createObjectNode();
		}
	}

	private static ResponseDefinition notFound(String what, String id) {
		return MockMistralHandler.notFound(what, id);
	}

	private static ResponseDefinition json(int status, JsonNode body) {
		return MockMistralHandler.json(status, body);
	}

	/** A batch job walking through its scripted statuses, one step per read. */
	private static final class BatchJob {

		final String id;

		final String endpoint;

		final @Nullable String model;

		final @Nullable String agentId;

		final @Nullable ObjectNode metadata;

		final List<String> inputFiles;

		final List<JsonNode> requests;

		final List<String> statuses;

		final long createdAt = MockResponses.now();

		final List<JsonNode> outputs = new ArrayList<>();

		int step;

		String status;

		@Nullable String outputFile;

		@Nullable Long startedAt;

		@Nullable Long completedAt;

		BatchJob(String id, String endpoint, @Nullable String model, @Nullable String agentId,
				@Nullable ObjectNode metadata, List<String> inputFiles, List<JsonNode> requests,
				List<String> statuses) {
			this.id = id;
			this.endpoint = endpoint;
			this.model = model;
			this.agentId = agentId;
			this.metadata = metadata;
			this.inputFiles = inputFiles;
			this.requests = requests;
			this.statuses = statuses;
			this.status = statuses.get(0);
		}

	}

}
