package dev.mistralboot.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.SystemMessage;
import dev.mistralboot.client.chat.ToolMessage;
import dev.mistralboot.test.MockMistral;
import dev.mistralboot.test.RecordedRequest;
import dev.mistralboot.test.autoconfigure.AutoConfigureMockMistral;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's endpoints against the mock server, the way a user tests an application with
 * {@code mistral-spring-boot-starter-test}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMistral
class SampleApplicationTests {

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

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/chat/stream?message=Sky"))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofString());

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

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/chat/stream?message=Hi"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.body()).contains("event:failure").contains("401").doesNotContain("mock-mistral-test-key");
	}

	@Test
	void paymentQuestionRunsTheToolLoop() {
		JsonNode answer = post("/api/payments/ask", Map.of("message", "What is the status of transaction T1002?"));

		assertThat(answer.path("answer").asString()).isEqualTo("Transaction T1002 is unpaid.");
		assertThat(answer.path("toolCalls")).hasSize(1);
		assertThat(answer.path("toolCalls").get(0).asString())
			.startsWith("retrieve_payment_status{\"transaction_id\":\"T1002\"}")
			.contains("Unpaid");
		List<ChatCompletionRequest> requests = this.mistral.chatRequests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).tools()).hasSize(2);
		ToolMessage result = (ToolMessage) requests.get(1).messages().get(2);
		String callId = requests.get(1).messages().get(1) instanceof dev.mistralboot.client.chat.AssistantMessage call
				? call.toolCalls().get(0).id() : null;
		assertThat(result.toolCallId()).isNotNull().isEqualTo(callId);
		assertThat(result.content().text()).contains("\"status\":\"Unpaid\"");
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
		assertThat(embeddings).hasSizeLessThanOrEqualTo(3);
		assertThat(embeddings).extracting((request) -> request.json().path("model").asString())
			.containsOnly("mistral-embed");
	}

	@Test
	void fineTuningUploadsCreatesWatchesAndCancels() {
		JsonNode file = post("/api/fine-tuning/files", null);
		String fileId = file.path("id").asString();
		assertThat(file.path("num_lines").asInt()).isEqualTo(8);
		assertThat(file.path("purpose").asString()).isEqualTo("fine-tune");

		JsonNode dryRun = post("/api/fine-tuning/jobs?fileId=" + fileId, null);
		assertThat(dryRun.path("object").asString()).isEqualTo("job.metadata");
		assertThat(dryRun.path("cost").asDouble()).isPositive();

		JsonNode job = post("/api/fine-tuning/jobs?dryRun=false&fileId=" + fileId, null);
		String jobId = job.path("id").asString();
		assertThat(job.path("status").asString()).isEqualTo("QUEUED");
		assertThat(get("/api/fine-tuning/jobs/" + jobId).path("status").asString()).isEqualTo("VALIDATING");
		assertThat(get("/api/fine-tuning/jobs").path("total").asInt()).isEqualTo(1);
		assertThat(post("/api/fine-tuning/jobs/" + jobId + "/cancel", null).path("status").asString())
			.isEqualTo("CANCELLATION_REQUESTED");
		assertThat(get("/api/fine-tuning/jobs/" + jobId).path("status").asString()).isEqualTo("CANCELLED");

		List<RecordedRequest> creations = this.mistral.requests("jobs_api_routes_fine_tuning_create_fine_tuning_job");
		assertThat(creations).extracting(RecordedRequest::url)
			.containsExactly("/v1/fine_tuning/jobs?dry_run=true", "/v1/fine_tuning/jobs?dry_run=false");
		assertThat(creations.get(0).json().path("model").asString()).isEqualTo("open-mistral-nemo");
		assertThat(creations.get(0).json().path("hyperparameters").path("training_steps").asInt()).isEqualTo(10);
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
	void actuatorShowsHealthAndTheCallsToMistral() {
		post("/api/chat", Map.of("message", "Hi"));

		assertThat(get("/actuator/health").path("status").asString()).isEqualTo("UP");
		JsonNode metric = get("/actuator/metrics/http.client.requests");
		assertThat(metric.path("measurements").get(0).path("value").asDouble()).isPositive();
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
