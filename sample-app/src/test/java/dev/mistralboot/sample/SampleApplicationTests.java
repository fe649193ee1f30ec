package dev.mistralboot.sample;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;

import dev.mistralboot.client.agents.MistralAgentsClient;
import dev.mistralboot.client.chat.AssistantMessage;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.chat.FunctionDefinition;
import dev.mistralboot.client.chat.FunctionTool;
import dev.mistralboot.client.chat.SystemMessage;
import dev.mistralboot.client.chat.ToolMessage;
import dev.mistralboot.sample.agents.AgentBootstrap;
import dev.mistralboot.sample.agents.PaymentAgent;
import dev.mistralboot.sample.audio.Chime;
import dev.mistralboot.test.MockMistral;
import dev.mistralboot.test.RecordedRequest;
import dev.mistralboot.test.autoconfigure.AutoConfigureMockMistral;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sample's endpoints against the mock server, the way a user tests an application
 * with {@code mistral-spring-boot-starter-test}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { SampleApplicationTests.FAST_POLLING, SampleApplicationTests.FAST_LIBRARY_POLLING })
@AutoConfigureMockMistral
class SampleApplicationTests {

	/**
	 * Fine-tuning jobs are watched with a short poll interval (the same in every test
	 * class: one shared context).
	 */
	static final String FAST_POLLING = "mistral.fine-tuning.poll-interval=20ms";

	/** Documents' processing is read with a short poll interval too. */
	static final String FAST_LIBRARY_POLLING = "mistral.libraries.poll-interval=20ms";

	@LocalServerPort
	private int port;

	@Autowired
	private MockMistral mistral;

	@Autowired
	private PaymentAgent paymentAgent;

	@Autowired
	private AgentBootstrap agentBootstrap;

	@Autowired
	private MistralAgentsClient agents;

	private final JsonMapper json = JsonMapper.builder().build();

	private RestClient web;

	@BeforeEach
	void setUp() {
		// forgets what the start-up (the payments agent) or another test class left
		this.mistral.reset();
		SampleMockScript.script(this.mistral);
		this.mistral.streamDelay(Duration.ZERO);
		this.web = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	@Test
	void reportsMockMode() {
		JsonNode mode = get("/api/mode");

		assertThat(mode.path("mode").asString()).isEqualTo("mock");
		assertThat(mode.path("baseUrl").asString()).isEqualTo(this.mistral.baseUrl());
	}

	@Test
	void chatAnswersWithTheConfiguredModelAndSystemPrompt() {
		this.mistral.chat().reply("Rayleigh scattering.");

		JsonNode answer = post("/api/chat", Map.of("message", "Why is the sky blue?"));

		assertThat(answer.path("answer").asString()).isEqualTo("Rayleigh scattering.");
		assertThat(answer.path("usage").path("total_tokens").asInt()).isPositive();
		ChatCompletionRequest sent = this.mistral.lastChatRequest();
		assertThat(sent.model()).isEqualTo("mistral-small-latest");
		assertThat(sent.temperature()).isEqualTo(0.3);
		assertThat(sent.messages()).hasSize(2).first().isInstanceOf(SystemMessage.class);
	}

	@Test
	void chatStreamSendsOneEventPerPieceThenDone() throws Exception {
		this.mistral.chat().replyInPieces("Light ", "is ", "scattered.");

		HttpResponse<String> response = postStream("{\"message\":\"Sky\"}");

		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(MediaType.parseMediaType(type).isCompatibleWith(MediaType.TEXT_EVENT_STREAM))
					.isTrue());
		List<String> lines = response.body().lines().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).containsExactly("event:token", "data:{\"text\":\"Light \"}", "event:token",
				"data:{\"text\":\"is \"}", "event:token", "data:{\"text\":\"scattered.\"}", "event:done",
				"data:{\"chunks\":5}");
		assertThat(this.mistral.lastChatRequest().stream()).isTrue();
	}

	@Test
	void chatStreamReportsFailures() throws Exception {
		this.mistral.failNext(401);

		HttpResponse<String> response = postStream("{\"message\":\"Hi\"}");

		assertThat(response.body()).contains("event:failure").contains("401").doesNotContain("mock-mistral-test-key");
	}

	@Test
	void chatStreamTakesALongQuestionInItsBody() throws Exception {
		this.mistral.chat().replyInPieces("Long ", "question.");
		String question = "Why? ".repeat(4_000);

		HttpResponse<String> response = postStream(this.json.writeValueAsString(Map.of("message", question)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("event:done").doesNotContain("event:failure");
		assertThat(question).hasSize(20_000);
		assertThat(this.mistral.requests("chat_completion_v1_chat_completions_post").get(0).bodyAsString())
			.contains(question.strip());
	}

	@Test
	void missingOrBlankQuestionsAreRejectedWith400() throws Exception {
		for (String body : List.of("{}", "{\"message\":null}", "{\"message\":\"\"}", "{\"message\":\"   \"}")) {
			for (String path : List.of("/api/chat", "/api/payments/ask", "/api/chat/stream", "/api/agent/conversation",
					"/api/library/ask")) {
				HttpResponse<String> response = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
						.header("Content-Type", "application/json")
						.header("Accept", "text/event-stream, application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(path + " " + body).isEqualTo(400);
				assertThat(this.json.readTree(response.body()).path("error").asString()).as(path + " " + body)
					.contains("non-empty \"message\"");
			}
		}
		assertThat(this.mistral.requests()).as("nothing was sent to Mistral").isEmpty();
	}

	@Test
	void paymentQuestionRunsTheToolLoop() {
		JsonNode answer = post("/api/payments/ask", Map.of("message", "What is the status of transaction T1002?"));

		assertThat(answer.path("answer").asString()).isEqualTo("Transaction T1002 is unpaid.");
		assertThat(answer.path("toolCalls")).hasSize(1);
		assertThat(answer.path("toolCalls").get(0).asString()).isEqualTo(
				"retrieve_payment_status{\"transaction_id\":\"T1002\"} -> {\"transaction_id\":\"T1002\",\"status\":\"Unpaid\"}");
		List<ChatCompletionRequest> requests = this.mistral.chatRequests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).tools()).hasSize(2)
			.allSatisfy((tool) -> assertThat(tool).isInstanceOf(FunctionTool.class));
		Map<String, FunctionDefinition> functions = new java.util.HashMap<>();
		requests.get(0).tools().forEach((tool) -> {
			FunctionDefinition function = ((FunctionTool) tool).function();
			functions.put(function.name(), function);
		});
		assertThat(functions).containsOnlyKeys("retrieve_payment_status", "retrieve_payment_date");
		assertThat(functions.get("retrieve_payment_status").description())
			.isEqualTo("Get payment status of a transaction");
		JsonNode parameters = this.json.valueToTree(functions.get("retrieve_payment_date").parameters());
		assertThat(parameters.path("properties").path("transaction_id").path("type").asString()).isEqualTo("string");
		assertThat(parameters.path("required").get(0).asString()).isEqualTo("transaction_id");
		List<ChatMessage> second = requests.get(1).messages();
		assertThat(second).hasSize(3);
		AssistantMessage call = (AssistantMessage) second.get(1);
		ToolMessage result = (ToolMessage) second.get(2);
		assertThat(result.toolCallId()).isNotNull().isEqualTo(call.toolCalls().get(0).id());
		assertThat(result.name()).isEqualTo("retrieve_payment_status");
		assertThat(result.content().text()).isEqualTo("{\"transaction_id\":\"T1002\",\"status\":\"Unpaid\"}");
	}

	@Test
	void paymentQuestionsAboutSeveralTransactionsAndUnknownOnes() {
		JsonNode dates = post("/api/payments/ask", Map.of("message", "When were T1001 and t1005 paid?"));

		assertThat(dates.path("answer").asString()).isEqualTo("The payment date of transaction T1001 is 2021-10-05. "
				+ "The payment date of transaction T1005 is 2021-10-08.");
		assertThat(dates.path("toolCalls")).hasSize(2);
		assertThat(this.mistral.chatRequests()).hasSize(2);
		assertThat(this.mistral.chatRequests().get(1).messages()).hasSize(4);

		JsonNode mixed = post("/api/payments/ask",
				Map.of("message", "What is the status of transaction T1001 and when was T1003 paid?"));

		assertThat(mixed.path("answer").asString())
			.isEqualTo("Transaction T1001 is paid. The payment date of transaction T1003 is 2021-10-07.");
		assertThat(mixed.path("toolCalls").get(0).asString()).startsWith("retrieve_payment_status");
		assertThat(mixed.path("toolCalls").get(1).asString()).startsWith("retrieve_payment_date");

		JsonNode unknown = post("/api/payments/ask", Map.of("message", "What is the status of T1009?"));

		assertThat(unknown.path("answer").asString())
			.isEqualTo("I could not find transaction T1009: please check its id.");
		assertThat(unknown.path("toolCalls").get(0).asString())
			.endsWith("-> {\"transaction_id\":\"T1009\",\"error\":\"transaction id not found\"}");
	}

	@Test
	void searchRanksDocumentsByCosineAndEmbedsThemOnce() {
		JsonNode first = getArray("/api/search?query=French cheese from the mountains");
		JsonNode second = getArray("/api/search?query=a cold wind in the Rhône valley&top=1");

		assertThat(first).hasSize(3);
		assertThat(first.get(0).path("title").asString()).isEqualTo("Comté");
		assertThat(first.get(0).path("score").asDouble()).isGreaterThan(first.get(1).path("score").asDouble());
		assertThat(second).hasSize(1);
		assertThat(second.get(0).path("title").asString()).isEqualTo("Mistral wind");
		List<RecordedRequest> embeddings = this.mistral.requests("embeddings_v1_embeddings_post");
		assertThat(embeddings).extracting((request) -> request.json().path("model").asString())
			.containsOnly("mistral-embed");
		// the documents once (first search of this context only), then one request per
		// query
		List<Integer> inputs = embeddings.stream().map((request) -> request.json().path("input").size()).toList();
		assertThat(inputs).endsWith(1, 1);
		assertThat(inputs).hasSizeBetween(2, 3);
		if (inputs.size() == 3) {
			assertThat(inputs.get(0)).isEqualTo(10);
		}
		assertThat(embeddings.get(embeddings.size() - 1).json().path("input").get(0).asString())
			.isEqualTo("a cold wind in the Rhône valley");
	}

	@Test
	void searchRejectsBadInput() {
		assertThat(get("/api/search?query=cheese&top=0").path("error").asString())
			.isEqualTo("top must be at least 1, was 0");
	}

	@Test
	void fineTuningUploadsEstimatesCreatesWatchesAndCancels() throws Exception {
		JsonNode file = post("/api/fine-tuning/files", null);
		String fileId = file.path("id").asString();
		assertThat(file.path("filename").asString()).isEqualTo("training.jsonl");
		assertThat(file.path("num_lines").asInt()).isEqualTo(8);
		assertThat(file.path("purpose").asString()).isEqualTo("fine-tune");
		RecordedRequest upload = this.mistral.requests("files_api_routes_upload_file").get(0);
		assertThat(upload.bodyAsString()).contains("name=\"purpose\"")
			.contains("fine-tune")
			.contains("filename=\"training.jsonl\"");

		JsonNode dryRun = post("/api/fine-tuning/jobs?fileId=" + fileId, null);
		assertThat(dryRun.path("object").asString()).isEqualTo("job.metadata");
		assertThat(dryRun.path("cost").asDouble()).isPositive();
		assertThat(dryRun.path("training_steps").asInt()).isEqualTo(10);

		JsonNode job = post("/api/fine-tuning/jobs?dryRun=false&fileId=" + fileId, null);
		String jobId = job.path("id").asString();
		assertThat(job.path("status").asString()).isEqualTo("QUEUED");
		assertThat(job.path("job_type").asString()).isEqualTo("completion");
		assertThat(job.path("training_files").get(0).asString()).isEqualTo(fileId);
		assertThat(get("/api/fine-tuning/jobs/" + jobId).path("status").asString()).isEqualTo("VALIDATING");
		assertThat(get("/api/fine-tuning/jobs").path("total").asInt()).isEqualTo(1);

		List<String> watched = sse("/api/fine-tuning/jobs/" + jobId + "/watch");
		// each read moves the mock's job one status on: it was VALIDATING, the watch
		// reads RUNNING then SUCCESS
		assertThat(watched).containsExactly("event:status",
				"data:{\"id\":\"" + jobId + "\",\"status\":\"RUNNING\",\"fineTunedModel\":null}", "event:status",
				"data:{\"id\":\"" + jobId + "\",\"status\":\"SUCCESS\",\"fineTunedModel\":\"ft:open-mistral-nemo:"
						+ jobId.substring(0, 8) + ":sample\"}",
				"event:done",
				"data:{\"id\":\"" + jobId + "\",\"status\":\"SUCCESS\",\"fineTunedModel\":\"ft:open-mistral-nemo:"
						+ jobId.substring(0, 8) + ":sample\"}");
		JsonNode finished = get("/api/fine-tuning/jobs/" + jobId);
		assertThat(finished.path("events")).hasSize(4);
		assertThat(finished.path("checkpoints").get(0).path("metrics").path("train_loss").asDouble()).isPositive();

		JsonNode second = post("/api/fine-tuning/jobs?dryRun=false&fileId=" + fileId, null);
		String secondId = second.path("id").asString();
		assertThat(post("/api/fine-tuning/jobs/" + secondId + "/cancel", null).path("status").asString())
			.isEqualTo("CANCELLATION_REQUESTED");
		assertThat(get("/api/fine-tuning/jobs/" + secondId).path("status").asString()).isEqualTo("CANCELLED");

		List<RecordedRequest> creations = this.mistral.requests("jobs_api_routes_fine_tuning_create_fine_tuning_job");
		assertThat(creations).extracting(RecordedRequest::url)
			.containsExactly("/v1/fine_tuning/jobs?dry_run=true", "/v1/fine_tuning/jobs", "/v1/fine_tuning/jobs");
		JsonNode sent = creations.get(0).json();
		assertThat(sent.path("model").asString()).isEqualTo("open-mistral-nemo");
		assertThat(sent.path("training_files").get(0).path("file_id").asString()).isEqualTo(fileId);
		assertThat(sent.path("hyperparameters").path("training_steps").asInt()).isEqualTo(10);
		assertThat(sent.path("hyperparameters").path("learning_rate").asDouble()).isEqualTo(1e-4);
		assertThat(sent.path("suffix").asString()).isEqualTo("sample");
		assertThat(sent.path("auto_start").asBoolean()).isTrue();
	}

	@Test
	void watchingAnUnknownJobReportsTheFailure() throws Exception {
		List<String> watched = sse("/api/fine-tuning/jobs/00000000-0000-0000-0000-000000000000/watch");

		assertThat(watched).hasSize(2);
		assertThat(watched.get(0)).isEqualTo("event:failure");
		assertThat(watched.get(1)).contains("404").contains("not found");
	}

	@Test
	void thePaymentsAgentIsCreatedOnceReusedByTheNextStartAndUpdatedWhenItsDefinitionChanges() {
		AgentBootstrap.Ensured first = this.paymentAgent.ensure();

		assertThat(first.action()).isEqualTo(AgentBootstrap.Action.CREATED);
		assertThat(first.agent().name()).isEqualTo("payments");
		assertThat(first.agent().metadata()).containsEntry(AgentBootstrap.DIGEST_KEY, first.digest());
		JsonNode created = this.mistral.requests("agents_api_v1_agents_create").get(0).json();
		assertThat(created.path("model").asString()).isEqualTo("mistral-small-latest");
		assertThat(created.path("tools").valueStream().map((tool) -> tool.path("function").path("name").asString()))
			.containsExactlyInAnyOrder("retrieve_payment_status", "retrieve_payment_date");

		// a second start of the application against the same server: the agent is found
		// and reused
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SampleApplication.class).run(
				"--server.port=0", "--spring.main.banner-mode=off", "--mistral.base-url=" + this.mistral.baseUrl(),
				"--mistral.api-key=second-start-key", "--logging.level.root=warn")) {
			AgentBootstrap.Ensured again = second.getBean(PaymentAgent.class).current();
			assertThat(again.action()).isEqualTo(AgentBootstrap.Action.REUSED);
			assertThat(again.agent().id()).isEqualTo(first.agent().id());
		}
		assertThat(this.mistral.requests("agents_api_v1_agents_create")).hasSize(1);
		assertThat(this.mistral.requests("agents_api_v1_agents_update")).isEmpty();
		assertThat(this.mistral.requests("agents_api_v1_agents_list_pages")).hasSize(2)
			.allSatisfy((request) -> assertThat(request.url()).contains("name=payments"));

		// a changed definition updates the same agent: a new version with the new digest
		AgentBootstrap.Ensured changed = this.agentBootstrap
			.ensure(this.paymentAgent.definition().toBuilder().instructions("Answer in French.").build());
		assertThat(changed.action()).isEqualTo(AgentBootstrap.Action.UPDATED);
		assertThat(changed.agent().id()).isEqualTo(first.agent().id());
		assertThat(changed.digest()).isNotEqualTo(first.digest());
		assertThat(changed.agent().instructions()).isEqualTo("Answer in French.");
		assertThat(changed.agent().metadata()).containsEntry(AgentBootstrap.DIGEST_KEY, changed.digest());
		assertThat(this.agents.get(first.agent().id()).version()).isGreaterThan(first.agent().version());
		assertThat(this.paymentAgent.ensure().action()).as("back to the application's definition")
			.isEqualTo(AgentBootstrap.Action.UPDATED);
		assertThat(this.paymentAgent.ensure().action()).isEqualTo(AgentBootstrap.Action.REUSED);
		assertThat(this.mistral.requests("agents_api_v1_agents_create")).hasSize(1);
	}

	@Test
	void agentConversationRunsTheFunctionCallsAndAppendsTheNextQuestion() throws Exception {
		String agentId = this.paymentAgent.ensure().agent().id();

		List<Event> first = postEvents("/api/agent/conversation",
				"{\"message\":\"What is the status of transaction T1002?\"}");

		assertThat(names(first)).containsSubsequence("conversation", "call", "result", "conversation", "token", "done")
			.doesNotContain("failure");
		String conversationId = data(first, "conversation").path("id").asString();
		assertThat(conversationId).startsWith("conv_");
		JsonNode call = data(first, "call");
		assertThat(call.path("name").asString()).isEqualTo("retrieve_payment_status");
		assertThat(call.path("arguments").asString()).isEqualTo("{\"transaction_id\":\"T1002\"}");
		JsonNode result = data(first, "result");
		assertThat(result.path("name").asString()).isEqualTo("retrieve_payment_status");
		assertThat(result.path("result").asString()).isEqualTo("{\"transaction_id\":\"T1002\",\"status\":\"Unpaid\"}");
		assertThat(text(first)).isEqualTo("Transaction T1002 is unpaid.");
		assertThat(data(first, "done").path("rounds").asInt()).isEqualTo(1);
		// the call shows before its result, and both before the answer
		assertThat(names(first).indexOf("call")).isLessThan(names(first).indexOf("result"));
		assertThat(names(first).indexOf("result")).isLessThan(names(first).indexOf("token"));

		List<RecordedRequest> starts = requests("POST", "/v1/conversations");
		assertThat(starts).hasSize(1);
		assertThat(starts.get(0).json().path("agent_id").asString()).isEqualTo(agentId);
		assertThat(starts.get(0).json().path("stream").asBoolean()).isTrue();
		List<RecordedRequest> appends = requests("POST", "/v1/conversations/" + conversationId);
		assertThat(appends).hasSize(1);
		JsonNode functionResult = appends.get(0).json().path("inputs").get(0);
		assertThat(functionResult.path("type").asString()).isEqualTo("function.result");
		assertThat(functionResult.path("tool_call_id").asString()).isNotBlank();
		assertThat(functionResult.path("result").asString()).isEqualTo(result.path("result").asString());

		List<Event> second = postEvents("/api/agent/conversation?conversationId=" + conversationId,
				"{\"message\":\"When was T1003 paid?\"}");

		assertThat(data(second, "call").path("name").asString()).isEqualTo("retrieve_payment_date");
		assertThat(text(second)).isEqualTo("The payment date of transaction T1003 is 2021-10-07.");
		assertThat(requests("POST", "/v1/conversations")).as("appended, not started again").hasSize(1);
		assertThat(requests("POST", "/v1/conversations/" + conversationId)).hasSize(3);

		JsonNode history = get("/api/agent/conversations/" + conversationId + "/history");
		assertThat(history.valueStream().map((entry) -> entry.path("type").asString())).containsExactly("message.input",
				"function.call", "function.result", "message.output", "message.input", "function.call",
				"function.result", "message.output");
		assertThat(history.get(0).path("text").asString()).isEqualTo("What is the status of transaction T1002?");
		assertThat(history.get(1).path("name").asString()).isEqualTo("retrieve_payment_status");
		assertThat(history.get(7).path("text").asString())
			.isEqualTo("The payment date of transaction T1003 is 2021-10-07.");
		assertThat(get("/api/agent/conversations").valueStream().map((row) -> row.path("id").asString()))
			.contains(conversationId);
	}

	@Test
	void agentConversationEnsuresTheAgentAgainWhenItWasDeleted() throws Exception {
		String deleted = this.paymentAgent.ensure().agent().id();
		this.agents.delete(deleted);

		List<Event> events = postEvents("/api/agent/conversation", "{\"message\":\"Is T1001 paid?\"}");

		assertThat(text(events)).isEqualTo("Transaction T1001 is paid.");
		List<RecordedRequest> starts = requests("POST", "/v1/conversations");
		assertThat(starts).hasSize(2);
		assertThat(starts.get(0).json().path("agent_id").asString()).isEqualTo(deleted);
		String recreated = starts.get(1).json().path("agent_id").asString();
		assertThat(recreated).isNotEqualTo(deleted).isEqualTo(this.paymentAgent.current().agent().id());
		assertThat(this.mistral.requests("agents_api_v1_agents_create")).hasSize(2);
	}

	@Test
	void agentConversationWithoutATransactionIdAsksForOne() throws Exception {
		this.paymentAgent.ensure();

		List<Event> events = postEvents("/api/agent/conversation", "{\"message\":\"Hello\"}");

		assertThat(names(events)).doesNotContain("call", "result", "failure");
		assertThat(text(events)).isEqualTo("Which transaction do you mean? Give me its id, for example T1001.");
		assertThat(data(events, "done").path("rounds").asInt()).isZero();
	}

	@Test
	void libraryUploadsTheDocumentsWaitsForTheirProcessingAndAnswersFromThem() throws Exception {
		List<Event> upload = postEvents("/api/library/upload", null);

		assertThat(names(upload)).doesNotContain("failure").endsWith("agent", "done");
		JsonNode library = data(upload, "library");
		assertThat(library.path("created").asBoolean()).isTrue();
		String libraryId = library.path("id").asString();
		List<JsonNode> uploaded = all(upload, "uploaded");
		assertThat(uploaded).hasSize(10);
		assertThat(uploaded.get(0).path("name").asString()).isEqualTo("comte.md");
		// each document's statuses, read until processed: in_progress then done
		for (JsonNode document : uploaded) {
			assertThat(all(upload, "status").stream()
				.filter((status) -> status.path("id").asString().equals(document.path("id").asString()))
				.map((status) -> status.path("status").asString())).containsExactly("in_progress", "done");
		}
		JsonNode done = data(upload, "done");
		assertThat(done.path("documents").asInt()).isEqualTo(10);
		assertThat(done.path("processed").asInt()).isEqualTo(10);
		assertThat(done.path("libraryId").asString()).isEqualTo(libraryId);
		List<RecordedRequest> uploads = this.mistral.requests("libraries_documents_upload_v1");
		assertThat(uploads).hasSize(10);
		assertThat(uploads.get(0).bodyAsString()).contains("filename=\"comte.md\"")
			.contains("text/markdown")
			.contains("# Comté")
			.contains("aged for months until nutty and sweet");
		JsonNode agent = data(upload, "agent");
		assertThat(agent.path("action").asString()).isEqualTo("CREATED");
		JsonNode librarian = this.mistral.requests("agents_api_v1_agents_create").get(0).json();
		assertThat(librarian.path("name").asString()).isEqualTo("sample-librarian");
		assertThat(librarian.path("tools").get(0).path("type").asString()).isEqualTo("document_library");
		assertThat(librarian.path("tools").get(0).path("library_ids").get(0).asString()).isEqualTo(libraryId);

		List<Event> again = postEvents("/api/library/upload", null);
		assertThat(data(again, "library").path("created").asBoolean()).as("found by name").isFalse();
		assertThat(data(again, "library").path("id").asString()).isEqualTo(libraryId);
		assertThat(data(again, "agent").path("action").asString()).isEqualTo("REUSED");
		assertThat(this.mistral.requests("libraries_create_v1")).hasSize(1);

		List<Event> answer = postEvents("/api/library/ask",
				"{\"message\":\"Which cheese is made from sheep's milk?\"}");

		assertThat(names(answer)).contains("token", "done").doesNotContain("failure");
		assertThat(text(answer)).startsWith("According to the document \"Roquefort\" of the library:")
			.contains("sheep's milk")
			.contains(SampleMockScript.LIBRARY_NOTE);
		assertThat(all(answer, "token")).as("streamed in pieces").hasSizeGreaterThan(5);
		assertThat(requests("POST", "/v1/conversations").get(0).json().path("agent_id").asString())
			.isEqualTo(agent.path("id").asString());
	}

	@Test
	void transcriptionOfTheChimeIsStreamed() throws Exception {
		List<Event> events = postEvents("/api/audio/transcribe", null);

		assertThat(names(events)).contains("text", "done").doesNotContain("failure");
		String streamed = all(events, "text").stream()
			.map((piece) -> piece.path("text").asString())
			.collect(Collectors.joining());
		assertThat(streamed).isEqualTo(SampleMockScript.TRANSCRIPTION);
		assertThat(all(events, "text")).hasSizeGreaterThan(1);
		assertThat(data(events, "done").path("text").asString()).isEqualTo(SampleMockScript.TRANSCRIPTION);
		RecordedRequest upload = requests("POST", "/v1/audio/transcriptions").get(0);
		assertThat(upload.bodyAsString()).contains("filename=\"chime.wav\"")
			.contains("name=\"model\"")
			.contains("voxtral-mini-latest")
			.contains("name=\"stream\"");
		assertThat(indexOf(upload.body(), Chime.wav())).as("the chime's bytes travel whole").isNotNegative();
		assertThat(getBytes("/api/audio/chime.wav").getBody()).isEqualTo(Chime.wav());
	}

	@Test
	void speechIsAValidWavWrittenToTheResponse() throws Exception {
		String text = "Transaction T1001 was paid on the fifth of October 2021.";

		ResponseEntity<byte[]> response = getBytes("/api/audio/speech?text=" + text);

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getHeaders().getContentType()).hasToString("audio/wav");
		byte[] wav = response.getBody();
		assertThat(wav).hasSizeGreaterThan(44);
		ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
		assertThat(header.getInt(4)).isEqualTo(wav.length - 8);
		assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
		assertThat(new String(wav, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
		assertThat(header.getInt(40)).isEqualTo(wav.length - 44);
		AudioFormat format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav)).getFormat();
		assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
		// MockMistral speaks 0.3 s per word
		long frames = (wav.length - 44) / format.getFrameSize();
		assertThat((double) frames / format.getSampleRate()).isCloseTo(0.3 * text.split(" ").length, within(0.01));
		JsonNode sent = requests("POST", "/v1/audio/speech").get(0).json();
		assertThat(sent.path("input").asString()).isEqualTo(text);
		assertThat(sent.path("response_format").asString()).isEqualTo("wav");

		assertThat(get("/api/audio/speech?text=").path("error").asString()).contains("text to read aloud");
	}

	@Test
	void mistralErrorsBecomeReadableJson() {
		this.mistral.failNext(402);

		JsonNode error = post("/api/chat", Map.of("message", "Hi"));

		assertThat(error.path("mistralStatus").asInt()).isEqualTo(402);
		assertThat(error.path("error").asString()).contains("No active subscription")
			.doesNotContain("mock-mistral-test-key");
	}

	@Test
	void actuatorShowsTheMistralHealthAndGenAiMetrics() {
		post("/api/chat", Map.of("message", "Hi"));

		JsonNode health = get("/actuator/health");
		assertThat(health.path("status").asString()).isEqualTo("UP");
		JsonNode mistral = health.path("components").path("mistral");
		assertThat(mistral.path("status").asString()).isEqualTo("UP");
		assertThat(mistral.path("details").path("models").asInt()).isEqualTo(3);
		assertThat(mistral.path("details").toString()).doesNotContain("mock-mistral-test-key");

		JsonNode tokens = get("/actuator/metrics/gen_ai.client.token.usage");
		assertThat(tokens.path("name").asString()).isEqualTo("gen_ai.client.token.usage");
		assertThat(tokens.path("baseUnit").asString()).isEqualTo("tokens");
		assertThat(measurement(tokens, "TOTAL")).isPositive();
		assertThat(tag(tokens, "gen_ai.token.type")).contains("input", "output");
		assertThat(tag(tokens, "gen_ai.operation.name")).contains("chat");
		assertThat(tag(tokens, "gen_ai.request.model")).contains("mistral-small-latest");
		JsonNode input = get("/actuator/metrics/gen_ai.client.token.usage?tag=gen_ai.token.type:input");
		assertThat(measurement(input, "COUNT")).isPositive();

		JsonNode operations = get("/actuator/metrics/gen_ai.client.operation?tag=gen_ai.operation.name:chat");
		assertThat(measurement(operations, "COUNT")).isPositive();
		assertThat(get("/actuator/metrics/http.client.requests").path("measurements").get(0).path("value").asDouble())
			.isPositive();
		// the Mistral calls carry their URI template, not "none"
		JsonNode uris = get("/actuator/metrics/http.client.requests");
		List<String> uriTags = new java.util.ArrayList<>();
		for (JsonNode tag : uris.path("availableTags")) {
			if (tag.path("tag").asString().equals("uri")) {
				tag.path("values").forEach((value) -> uriTags.add(value.asString()));
			}
		}
		assertThat(uriTags).contains("/v1/chat/completions").doesNotContain("none");
	}

	private static double measurement(JsonNode metric, String statistic) {
		for (JsonNode measurement : metric.path("measurements")) {
			if (measurement.path("statistic").asString().equals(statistic)) {
				return measurement.path("value").asDouble();
			}
		}
		throw new AssertionError("No " + statistic + " in " + metric);
	}

	private static List<String> tag(JsonNode metric, String name) {
		for (JsonNode tag : metric.path("availableTags")) {
			if (tag.path("tag").asString().equals(name)) {
				return tag.path("values").valueStream().map(JsonNode::asString).toList();
			}
		}
		return List.of();
	}

	/** The non-blank lines of a server-sent event stream, read to its end. */
	private List<String> sse(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Accept", "text/event-stream")
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.body().lines().filter((line) -> !line.isBlank()).toList();
	}

	private HttpResponse<String> postStream(String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/chat/stream"))
				.header("Content-Type", "application/json")
				.header("Accept", "text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode get(String path) {
		return this.json.readTree(this.web.get().uri(path).retrieve().body(String.class));
	}

	private JsonNode getArray(String path) {
		return get(path);
	}

	private JsonNode post(String path, Object body) {
		RestClient.RequestBodySpec request = this.web.post().uri(path);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(this.json.writeValueAsString(body));
		}
		return this.json.readTree(request.retrieve().body(String.class));
	}

	/** The events of a POSTed server-sent event stream, read to its end. */
	private List<Event> postEvents(String path, String body) throws Exception {
		// a guard against a stream that never ends, far beyond what a turn takes
		HttpResponse<String> response = HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Content-Type", "application/json")
				.header("Accept", "text/event-stream")
				.POST((body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString())
			.get(2, TimeUnit.MINUTES);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Event> events = new java.util.ArrayList<>();
		String name = null;
		for (String line : response.body().lines().toList()) {
			if (line.startsWith("event:")) {
				name = line.substring(6);
			}
			else if (line.startsWith("data:")) {
				events.add(new Event(name, this.json.readTree(line.substring(5))));
			}
		}
		return events;
	}

	private static List<String> names(List<Event> events) {
		return events.stream().map(Event::name).toList();
	}

	private static JsonNode data(List<Event> events, String name) {
		return all(events, name).stream()
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + name + " event in " + events));
	}

	private static List<JsonNode> all(List<Event> events, String name) {
		return events.stream().filter((event) -> name.equals(event.name())).map(Event::data).toList();
	}

	/** The text of the token events, joined. */
	private static String text(List<Event> events) {
		return all(events, "token").stream()
			.map((token) -> token.path("text").asString())
			.collect(Collectors.joining());
	}

	private List<RecordedRequest> requests(String method, String path) {
		return this.mistral.requests()
			.stream()
			.filter((request) -> request.method().equals(method) && request.path().equals(path))
			.toList();
	}

	private ResponseEntity<byte[]> getBytes(String path) {
		return this.web.get().uri(path).retrieve().toEntity(byte[].class);
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	record Event(String name, JsonNode data) {
	}

}
