package dev.mistralboot.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.mistralboot.client.chat.AssistantMessage;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.chat.FunctionDefinition;
import dev.mistralboot.client.chat.FunctionTool;
import dev.mistralboot.client.chat.SystemMessage;
import dev.mistralboot.client.chat.ToolMessage;
import dev.mistralboot.test.MockMistral;
import dev.mistralboot.test.RecordedRequest;
import dev.mistralboot.test.autoconfigure.AutoConfigureMockMistral;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's endpoints against the mock server, the way a user tests an application
 * with {@code mistral-spring-boot-starter-test}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = SampleApplicationTests.FAST_POLLING)
@AutoConfigureMockMistral
class SampleApplicationTests {

	/**
	 * Fine-tuning jobs are watched with a short poll interval (the same in every test
	 * class: one shared context).
	 */
	static final String FAST_POLLING = "mistral.fine-tuning.poll-interval=20ms";

	@LocalServerPort
	private int port;

	@Autowired
	private MockMistral mistral;

	private final JsonMapper json = JsonMapper.builder().build();

	private RestClient web;

	@BeforeEach
	void setUp() {
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
			for (String path : List.of("/api/chat", "/api/payments/ask", "/api/chat/stream")) {
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

}
