package dev.mistralboot.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.http.ChunkedDribbleDelay;
import dev.mistralboot.client.chat.ChatCompletionAccumulator;
import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.FinishReason;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.chat.ToolCall;
import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralBadRequestException;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.core.MistralRateLimitException;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.MistralServerException;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.MistralUnprocessableEntityException;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.embeddings.Embedding;
import dev.mistralboot.client.embeddings.EmbeddingDtype;
import dev.mistralboot.client.embeddings.EmbeddingRequest;
import dev.mistralboot.client.embeddings.EncodingFormat;
import dev.mistralboot.client.embeddings.MistralEmbeddingsClient;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MockMistral} driven by the real clients over loopback HTTP; every answer it
 * serves is checked against the response schemas of the OpenAPI description, every
 * request against the request schemas.
 */
class MockMistralTests {

	private static final String KEY = "test-key-123";

	private final HttpClient raw = HttpClient.newHttpClient();

	private OpenApiContract contract;

	private MockMistral mock;

	private MistralHttp http;

	private MistralChatClient chat;

	@BeforeEach
	void start() {
		this.contract = OpenApiContract.get();
		this.mock = MockMistral.start(this.contract);
		this.http = MistralHttp.builder()
			.baseUrl(this.mock.baseUrl())
			.apiKey(KEY)
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5)))
			.build();
		this.chat = new MistralChatClient(this.http);
	}

	@AfterEach
	void conforms() {
		try {
			this.mock.assertAllRequestsConform();
		}
		finally {
			this.mock.close();
		}
	}

	private static ChatCompletionRequest.Builder question(String text) {
		return ChatCompletionRequest.builder().model("mistral-small-latest").user(text);
	}

	// ------------------------------------------------------------------------------------------
	// chat

	@Test
	void repliesWithScriptedTextInOrderThenTheDefault() {
		this.mock.chat().reply("Paris.").reply("Rome.");

		ChatCompletionResponse first = this.chat.complete(question("Capital of France?").build());
		ChatCompletionResponse second = this.chat.complete(question("Capital of Italy?").build());
		ChatCompletionResponse third = this.chat.complete(question("Capital of Spain?").build());

		assertThat(first.text()).isEqualTo("Paris.");
		assertThat(first.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(first.model()).isEqualTo("mistral-small-latest");
		assertThat(first.usage().completionTokens()).isPositive();
		assertThat(first.usage().totalTokens())
			.isEqualTo(first.usage().promptTokens() + first.usage().completionTokens());
		assertThat(second.text()).isEqualTo("Rome.");
		assertThat(third.text()).startsWith("This is MockMistral's default answer");
		assertThat(this.mock.chatRequests()).extracting((request) -> request.messages().size()).containsOnly(1);
	}

	@Test
	void chatCompletionBodyConformsToTheResponseSchema() throws Exception {
		this.mock.chat().reply("Bonjour !").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
		String body = "{\"model\":\"mistral-small-latest\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

		for (int i = 0; i < 2; i++) {
			HttpResponse<String> response = postJson("/v1/chat/completions", body);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("mistral-correlation-id")).isPresent();
			assertThat(this.contract.validateResponse(MockMistralHandler.CHAT_OPERATION, 200, response.body()))
				.as(response.body())
				.isEmpty();
		}
	}

	@Test
	void streamsTheGivenPiecesAndChunksConformToTheSchema() throws Exception {
		this.mock.chat().replyInPieces("Hel", "lo, ", "world", "!");

		List<String> pieces = new ArrayList<>();
		ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
		try (MistralStream<ChatCompletionChunk> stream = this.chat.stream(question("Greet me").build())) {
			for (ChatCompletionChunk chunk : stream) {
				accumulator.add(chunk);
				if (!chunk.text().isEmpty()) {
					pieces.add(chunk.text());
				}
			}
		}

		assertThat(pieces).containsExactly("Hel", "lo, ", "world", "!");
		ChatCompletionResponse whole = accumulator.toResponse();
		assertThat(whole.text()).isEqualTo("Hello, world!");
		assertThat(whole.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(accumulator.usage()).isNotNull();
		assertThat(this.mock.lastChatRequest().stream()).isTrue();

		this.mock.chat().reply("Two words");
		HttpResponse<String> raw = postJson("/v1/chat/completions",
				"{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
		assertThat(raw.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		List<String> events = raw.body().lines().filter((line) -> line.startsWith("data: ")).toList();
		assertThat(events).last().isEqualTo("data: [DONE]");
		assertThat(events).hasSize(5); // role, "Two ", "words", finish + usage, [DONE]
		for (String event : events.subList(0, events.size() - 1)) {
			assertThat(
					this.contract.validateSchema("CompletionChunk", event.substring(6), OpenApiContract.Mode.LIVE_API))
				.as(event)
				.isEmpty();
		}
	}

	@Test
	void textRepliesAreStreamedWordByWord() {
		this.mock.chat().reply("The sky is blue.");

		List<String> pieces = new ArrayList<>();
		try (MistralStream<ChatCompletionChunk> stream = this.chat.stream(question("Sky?").build())) {
			stream.forEach((chunk) -> pieces.add(chunk.text()));
		}

		assertThat(String.join("", pieces)).isEqualTo("The sky is blue.");
		assertThat(pieces).contains("The ", "sky ", "is ", "blue.");
	}

	@Test
	void toolCallsArriveWholeAndStreamed() {
		this.mock.chat()
			.reply(MockChatReply.toolCall("retrieve_payment_status", "{\"transaction_id\":\"T1001\"}")
				.andToolCall("retrieve_payment_date", "{\"transaction_id\":\"T1001\"}"))
			.replyWithToolCall("retrieve_payment_status", "{\"transaction_id\":\"T1002\"}");

		ChatCompletionResponse whole = this.chat.complete(question("Status of T1001?").build());
		ChatCompletionResponse streamed;
		try (MistralStream<ChatCompletionChunk> stream = this.chat.stream(question("Status of T1002?").build())) {
			streamed = ChatCompletionAccumulator.fold(stream);
		}

		assertThat(whole.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(whole.toolCalls()).extracting((call) -> call.function().name())
			.containsExactly("retrieve_payment_status", "retrieve_payment_date");
		assertThat(whole.toolCalls()).allSatisfy((call) -> assertThat(call.id()).matches("[a-zA-Z0-9]{9}"));
		assertThat(whole.toolCalls().get(0).function().arguments()).isEqualTo("{\"transaction_id\":\"T1001\"}");
		assertThat(streamed.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		ToolCall call = streamed.toolCalls().get(0);
		assertThat(call.function().name()).isEqualTo("retrieve_payment_status");
		assertThat(call.function().arguments()).isEqualTo("{\"transaction_id\":\"T1002\"}");
	}

	@Test
	void responderAnswersWhatTheQueueDoesNot() {
		this.mock.chat()
			.respondWith((request) -> MockChatReply.text("You said " + request.messages().size() + " message(s)"))
			.reply("queued first");

		assertThat(this.chat.complete(question("a").build()).text()).isEqualTo("queued first");
		assertThat(this.chat.complete(question("b").system("Be brief").build()).text())
			.isEqualTo("You said 2 message(s)");
	}

	@Test
	void lengthFinishReasonIsSent() {
		this.mock.chat().reply(MockChatReply.text("Cut sh").withFinishReason(FinishReason.LENGTH));

		assertThat(this.chat.complete(question("Long story").build()).finishReason()).isEqualTo(FinishReason.LENGTH);
	}

	// ------------------------------------------------------------------------------------------
	// failures

	@Test
	void failNextWithRetryAfterIsRetriedByTheClient() {
		this.mock.failNext(429, Duration.ZERO).chat().reply("after the retry");

		MistralResponse<ChatCompletionResponse> response = this.chat.completeWithResponse(question("Hi").build());

		assertThat(response.body().text()).isEqualTo("after the retry");
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(this.mock.requests()).hasSize(2);
	}

	@Test
	void rateLimitCarriesRetryAfterAndTheErrorBody() throws Exception {
		this.mock.failNext(429, Duration.ofSeconds(7));

		HttpResponse<String> response = postJson("/v1/chat/completions",
				"{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
		JsonNode error = MockResponses.JSON.readTree(response.body());
		assertThat(error.path("object").asString()).isEqualTo("error");
		assertThat(error.path("type").asString()).isEqualTo("rate_limited");

		MistralHttp noRetries = this.http.mutate().retryPolicy(RetryPolicy.NONE).build();
		this.mock.failNext(429, Duration.ofSeconds(3));
		assertThatThrownBy(() -> new MistralChatClient(noRetries).complete(question("Hi").build()))
			.isInstanceOfSatisfying(MistralRateLimitException.class,
					(ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(3)));
	}

	@Test
	void failuresRepeatTheGivenNumberOfTimes() {
		this.mock.failNext(503, null, 3);

		assertThatThrownBy(() -> this.chat.complete(question("Hi").build())).isInstanceOf(MistralServerException.class)
			.hasMessageContaining("503");
		assertThat(this.mock.requests()).hasSize(3);
		assertThat(this.chat.complete(question("Hi again").build()).text()).startsWith("This is MockMistral");
	}

	// ------------------------------------------------------------------------------------------
	// embeddings

	@Test
	void embeddingsHaveTheConfiguredDimensionAndSimilarTextsAreClose() {
		this.mock.embeddings().dimension(256);
		Map<String, Object> body = Map.of("model", "mistral-embed", "input",
				List.of("French cheese is delicious", "Which cheese is French?", "Rust borrow checker"));

		JsonNode response = this.http
			.execute(ApiRequest.post("/v1/embeddings").operation("embeddings").json(body).build(), JsonNode.class)
			.body();

		assertThat(this.contract.validateResponse("embeddings_v1_embeddings_post", 200, response.toString())).isEmpty();
		JsonNode data = response.path("data");
		assertThat(data).hasSize(3);
		float[] cheese = vector(data.get(0));
		assertThat(cheese).hasSize(256).isEqualTo(this.mock.embeddings().vectorOf("French cheese is delicious"));
		assertThat(cosine(cheese, vector(data.get(1)))).isGreaterThan(cosine(cheese, vector(data.get(2))));
		assertThat(cosine(cheese, cheese)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
		assertThat(response.path("usage").path("prompt_tokens").asInt()).isPositive();

		JsonNode small = this.http
			.execute(ApiRequest.post("/v1/embeddings")
				.operation("test")
				.json(Map.of("model", "mistral-embed", "input", "one", "output_dimension", 8))
				.build(), JsonNode.class)
			.body();
		assertThat(small.path("data").get(0).path("embedding")).hasSize(8);
	}

	@Test
	void commonWordsDoNotMakeTextsClose() {
		float[] query = this.mock.embeddings().vectorOf("cheese from the mountains");
		float[] cheese = this.mock.embeddings().vectorOf("Comté is a cheese made in the Jura mountains");
		float[] wind = this.mock.embeddings().vectorOf("The wind blows from the north down the valley to the sea");

		assertThat(cosine(query, cheese)).isGreaterThan(0.5);
		assertThat(cosine(query, wind)).isZero();
		assertThat(cosine(this.mock.embeddings().vectorOf("the house of the cat"),
				this.mock.embeddings().vectorOf("the street of the dog")))
			.isZero();
	}

	@Test
	void embeddingsFollowTheRequestedDtypeThroughTheTypedClient() {
		this.mock.embeddings().dimension(64);
		MistralEmbeddingsClient embeddings = new MistralEmbeddingsClient(this.http);
		String text = "Comté is a French cheese from the Jura mountains";
		float[] floats = this.mock.embeddings().vectorOf(text);

		int[] int8 = embedWith(embeddings, text, EmbeddingDtype.INT8, null).ints();
		int[] uint8 = embedWith(embeddings, text, EmbeddingDtype.UINT8, null).ints();
		int[] binary = embedWith(embeddings, text, EmbeddingDtype.BINARY, null).ints();
		int[] ubinary = embedWith(embeddings, text, EmbeddingDtype.UBINARY, null).ints();
		float[] base64 = embedWith(embeddings, text, null, EncodingFormat.BASE64).floats();

		assertThat(int8).hasSize(64);
		assertThat(uint8).hasSize(64);
		assertThat(binary).hasSize(8);
		assertThat(ubinary).hasSize(8);
		for (int i = 0; i < 64; i++) {
			assertThat(int8[i]).isBetween(-128, 127).isEqualTo(Math.round(floats[i] * 127f));
			assertThat(uint8[i]).isBetween(0, 255).isEqualTo(Math.round((floats[i] + 1f) * 127.5f));
			boolean bit = (ubinary[i / 8] & (0x80 >>> (i % 8))) != 0;
			assertThat(bit).as("bit %d", i).isEqualTo(floats[i] > 0);
		}
		for (int i = 0; i < 8; i++) {
			assertThat(binary[i]).isBetween(-128, 127).isEqualTo((int) (byte) ubinary[i]);
		}
		assertThat(base64).isEqualTo(floats);
		assertThat(this.mock.requests("embeddings_v1_embeddings_post"))
			.extracting((request) -> request.json().path("output_dtype").asString(""))
			.containsExactly("int8", "uint8", "binary", "ubinary", "");

		JsonNode raw = this.http
			.execute(ApiRequest.post("/v1/embeddings")
				.operation("test")
				.json(Map.of("model", "mistral-embed", "input", List.of(text), "output_dtype", "binary"))
				.build(), JsonNode.class)
			.body();
		assertThat(this.contract.validateResponse("embeddings_v1_embeddings_post", 200, raw.toString())).isEmpty();
		assertThat(raw.path("data").get(0).path("embedding").get(0).isIntegralNumber()).isTrue();
	}

	private static Embedding embedWith(MistralEmbeddingsClient client, String text, EmbeddingDtype dtype,
			EncodingFormat format) {
		return client
			.embed(EmbeddingRequest.builder()
				.model("mistral-embed")
				.input(text)
				.outputDtype(dtype)
				.encodingFormat(format)
				.build())
			.embeddings()
			.get(0);
	}

	private static float[] vector(JsonNode item) {
		JsonNode embedding = item.path("embedding");
		float[] vector = new float[embedding.size()];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = embedding.get(i).floatValue();
		}
		return vector;
	}

	private static double cosine(float[] a, float[] b) {
		double dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot;
	}

	// ------------------------------------------------------------------------------------------
	// files and jobs

	@Test
	void filesAndFineTuningJobWalkThroughTheirLifecycle() {
		this.mock.fineTuning().statuses("QUEUED", "VALIDATING", "RUNNING", "SUCCESS");
		byte[] training = ("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
				+ "{\"role\":\"assistant\",\"content\":\"Hello\"}]}\n")
			.repeat(3)
			.getBytes(StandardCharsets.UTF_8);

		JsonNode file = upload("train.jsonl", training);
		String fileId = file.path("id").asString();
		assertValid("files_api_routes_upload_file", file);
		assertThat(file.path("bytes").asInt()).isEqualTo(training.length);
		assertThat(file.path("num_lines").asInt()).isEqualTo(3);
		assertThat(file.path("purpose").asString()).isEqualTo("fine-tune");
		assertValid("files_api_routes_list_files", get("/v1/files"));
		assertValid("files_api_routes_retrieve_file", get("/v1/files/" + fileId));

		Map<String, Object> job = Map.of("model", "open-mistral-7b", "training_files",
				List.of(Map.of("file_id", fileId)), "hyperparameters", Map.of("training_steps", 10), "suffix", "demo");
		JsonNode dryRun = this.http
			.execute(ApiRequest.post("/v1/fine_tuning/jobs").operation("test").query("dry_run", true).json(job).build(),
					JsonNode.class)
			.body();
		assertValid("jobs_api_routes_fine_tuning_create_fine_tuning_job", dryRun);
		assertThat(dryRun.path("object").asString()).isEqualTo("job.metadata");
		assertThat(dryRun.path("cost").asDouble()).isPositive();

		JsonNode created = this.http
			.execute(ApiRequest.post("/v1/fine_tuning/jobs").operation("test").json(job).build(), JsonNode.class)
			.body();
		assertValid("jobs_api_routes_fine_tuning_create_fine_tuning_job", created);
		String jobId = created.path("id").asString();
		assertThat(created.path("status").asString()).isEqualTo("QUEUED");
		assertValid("jobs_api_routes_fine_tuning_get_fine_tuning_jobs", get("/v1/fine_tuning/jobs"));

		List<String> seen = new ArrayList<>();
		JsonNode detailed = null;
		for (int i = 0; i < 4; i++) {
			detailed = get("/v1/fine_tuning/jobs/" + jobId);
			assertValid("jobs_api_routes_fine_tuning_get_fine_tuning_job", detailed);
			seen.add(detailed.path("status").asString());
		}
		assertThat(seen).containsExactly("VALIDATING", "RUNNING", "SUCCESS", "SUCCESS");
		assertThat(detailed.path("fine_tuned_model").asString()).startsWith("ft:open-mistral-7b:").endsWith(":demo");
		assertThat(detailed.path("events")).hasSize(4);
		assertThat(detailed.path("checkpoints")).hasSize(1);

		try (var download = this.http
			.download(ApiRequest.get("/v1/files/{id}/content", fileId).operation("test").build())) {
			assertThat(download.body().readAllBytes()).isEqualTo(training);
		}
		catch (java.io.IOException ex) {
			throw new AssertionError(ex);
		}
		JsonNode deleted = this.http
			.execute(ApiRequest.of(org.springframework.http.HttpMethod.DELETE, "/v1/files/{id}", fileId)
				.operation("test")
				.build(), JsonNode.class)
			.body();
		assertValid("files_api_routes_delete_file", deleted);
		assertThatThrownBy(() -> get("/v1/files/" + fileId)).isInstanceOf(MistralNotFoundException.class);
	}

	@Test
	void jobsCanBeCancelledAndStarted() {
		String fileId = upload("train.jsonl", "{}\n".getBytes(StandardCharsets.UTF_8)).path("id").asString();
		Map<String, Object> job = Map.of("model", "open-mistral-7b", "training_files",
				List.of(Map.of("file_id", fileId)), "hyperparameters", Map.of("training_steps", 1));
		String first = this.http
			.execute(ApiRequest.post("/v1/fine_tuning/jobs").operation("test").json(job).build(), JsonNode.class)
			.body()
			.path("id")
			.asString();

		JsonNode cancelled = this.http
			.execute(ApiRequest.post("/v1/fine_tuning/jobs/{id}/cancel", first).operation("test").build(),
					JsonNode.class)
			.body();
		assertValid("jobs_api_routes_fine_tuning_cancel_fine_tuning_job", cancelled);
		assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLATION_REQUESTED");
		assertThat(get("/v1/fine_tuning/jobs/" + first).path("status").asString()).isEqualTo("CANCELLED");

		Map<String, Object> manual = new java.util.HashMap<>(job);
		manual.put("auto_start", false);
		String second = this.http
			.execute(ApiRequest.post("/v1/fine_tuning/jobs").operation("test").json(manual).build(), JsonNode.class)
			.body()
			.path("id")
			.asString();
		get("/v1/fine_tuning/jobs/" + second);
		assertThat(get("/v1/fine_tuning/jobs/" + second).path("status").asString()).isEqualTo("VALIDATED");
		assertThat(get("/v1/fine_tuning/jobs/" + second).path("status").asString()).isEqualTo("VALIDATED");
		JsonNode started = this.http
			.execute(ApiRequest.post("/v1/fine_tuning/jobs/{id}/start", second).operation("test").build(),
					JsonNode.class)
			.body();
		assertValid("jobs_api_routes_fine_tuning_start_fine_tuning_job", started);
		assertThat(started.path("status").asString()).isEqualTo("RUNNING");
	}

	@Test
	void modelsAreListed() {
		assertValid("list_models_v1_models_get", get("/v1/models"));
	}

	private JsonNode upload(String filename, byte[] content) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("purpose", "fine-tune");
		parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		return this.http
			.execute(ApiRequest.post("/v1/files").operation("test").multipart(parts, true).build(), JsonNode.class)
			.body();
	}

	private JsonNode get(String path) {
		return this.http.execute(ApiRequest.get(path).operation("test").build(), JsonNode.class).body();
	}

	private void assertValid(String operationId, JsonNode body) {
		assertThat(this.contract.validateResponse(operationId, 200, body.toString())).as(body.toString()).isEmpty();
	}

	// ------------------------------------------------------------------------------------------
	// verification

	@Test
	void nonConformingRequestGetsA422AndIsReportedWithSecretsMasked() {
		Map<String, Object> job = Map.of("model", "open-mistral-7b", "hyperparameters", Map.of(), "integrations",
				List.of(Map.of("type", "wandb", "project", "p", "api_key", "wandb-secret-too-short")), "unknown_field",
				1);

		assertThatThrownBy(() -> this.http
			.execute(ApiRequest.post("/v1/fine_tuning/jobs").operation("test").json(job).build(), JsonNode.class))
			.isInstanceOfSatisfying(MistralUnprocessableEntityException.class, (ex) -> assertThat(ex.getMessage())
				.contains("does not conform to the Mistral OpenAPI description"));

		assertThat(this.mock.violations()).singleElement().satisfies((violation) -> {
			assertThat(violation)
				.startsWith("POST /v1/fine_tuning/jobs (jobs_api_routes_fine_tuning_create_fine_tuning_job)");
			assertThat(violation).contains("api_key").contains("******").doesNotContain("wandb-secret-too-short");
		});
		assertThatThrownBy(this.mock::assertAllRequestsConform).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("1 request(s) sent to MockMistral do not conform")
			.hasMessageContaining("/v1/fine_tuning/jobs")
			.hasMessageNotContaining("wandb-secret-too-short");
		this.mock.reset();
	}

	@Test
	void rejectionBodyIsTheDeclared422Shape() throws Exception {
		HttpResponse<String> response = postJson("/v1/embeddings", "{\"model\":\"mistral-embed\"}");

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(this.contract.validateResponse("embeddings_v1_embeddings_post", 422, response.body())).isEmpty();
		assertThat(MockResponses.JSON.readTree(response.body()).path("detail").get(0).path("msg").asString())
			.startsWith("MockMistral: this request does not conform")
			.contains("input");
		assertThat(this.mock.violations()).hasSize(1);
		this.mock.reset();
	}

	@Test
	void recordsRequestsWithoutShowingTheKey() {
		this.chat.complete(question("What is 2 + 2?").temperature(0.2).build());

		RecordedRequest request = this.mock.requests().get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/v1/chat/completions");
		assertThat(request.operationId()).isEqualTo(MockMistralHandler.CHAT_OPERATION);
		assertThat(request.header("authorization")).isEqualTo("Bearer " + KEY);
		assertThat(request.json().path("temperature").asDouble()).isEqualTo(0.2);
		assertThat(request.toString()).isEqualTo("POST /v1/chat/completions").doesNotContain(KEY);
		assertThat(this.mock.lastChatRequest().temperature()).isEqualTo(0.2);
		assertThat(this.mock.requests("chat_completion_v1_chat_completions_post")).hasSize(1);
		assertThat(this.mock.requests("embeddings_v1_embeddings_post")).isEmpty();
	}

	@Test
	void resetForgetsEverything() {
		this.mock.chat().reply("scripted");
		this.mock.failNext(400);
		this.mock.embeddings().dimension(3);
		assertThatThrownBy(
				() -> this.http.execute(ApiRequest.get("/v1/models").operation("test").build(), JsonNode.class))
			.isInstanceOf(MistralBadRequestException.class);
		this.mock.failNext(500);

		this.mock.reset();

		assertThat(this.mock.requests()).isEmpty();
		assertThatThrownBy(this.mock::lastChatRequest).isInstanceOf(AssertionError.class)
			.hasMessageContaining("received no chat completion request");
		assertThat(this.chat.complete(question("Hi").build()).text()).startsWith("This is MockMistral");
		assertThat(this.mock.embeddings().vectorOf("x")).hasSize(1024);
	}

	@Test
	void userStubsThroughWireMockAreServedAndValidated() {
		this.mock.wireMock()
			.stubFor(post(urlEqualTo("/v1/ocr")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"pages\":[],\"model\":\"mistral-ocr-latest\",\"usage_info\":{\"pages_processed\":0}}")));

		JsonNode ocr = this.http
			.execute(ApiRequest.post("/v1/ocr")
				.operation("test")
				.json(Map.of("model", "mistral-ocr-latest", "document",
						Map.of("type", "document_url", "document_url", "https://example.com/a.pdf")))
				.build(), JsonNode.class)
			.body();

		assertThat(ocr.path("model").asString()).isEqualTo("mistral-ocr-latest");
		assertThat(this.mock.requests()).singleElement()
			.satisfies((request) -> assertThat(request.operationId()).isEqualTo("ocr_v1_ocr_post"));
		this.mock.reset();
		// the user's stub is gone: the simulation answers
		JsonNode simulated = this.http
			.execute(ApiRequest.post("/v1/ocr")
				.operation("test")
				.json(Map.of("model", "m", "document",
						Map.of("type", "document_url", "document_url", "https://example.com/a.pdf")))
				.build(), JsonNode.class)
			.body();
		assertThat(simulated.path("pages").get(0).path("markdown").asString()).contains("MockMistral OCR");
	}

	@Test
	void badScriptsAreRejectedWithWhatToFix() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.mock.failNext(200))
			.withMessageContaining("between 400 and 599");
		assertThatIllegalArgumentException().isThrownBy(() -> this.mock.failNext(429, Duration.ofSeconds(-1)))
			.withMessageContaining("must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> this.mock.embeddings().dimension(0))
			.withMessageContaining("between 1 and 65536");
		assertThatIllegalArgumentException().isThrownBy(() -> this.mock.fineTuning().statuses("DONE"))
			.withMessageContaining("unknown job status 'DONE'");
		assertThatIllegalArgumentException().isThrownBy(() -> MockChatReply.toolCall("f", "not json"))
			.withMessageContaining("must be a JSON object");
		assertThatIllegalArgumentException().isThrownBy(() -> MockChatReply.toolCall(" ", "{}"))
			.withMessageContaining("must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> MockChatReply.inPieces())
			.withMessageContaining("at least one piece");
		assertThatIllegalArgumentException().isThrownBy(() -> MockChatReply.text("a").andToolCall("f", "{}"))
			.withMessageContaining("adds to a tool-call reply");
		assertThatIllegalArgumentException().isThrownBy(() -> this.mock.streamDelay(Duration.ofMinutes(1)))
			.withMessageContaining("between 0 and 10 seconds");
	}

	@Test
	void structuredOutputReadsAScriptedJsonAnswerAsTheReadmeShows() {
		this.mock.chat().reply("""
				{"transactionId": "T1001", "status": "Paid"}""");

		Payment payment = this.chat.complete(question("Status of T1001?").build(), Payment.class);

		assertThat(payment.status()).isEqualTo("Paid");
		RecordedRequest sent = this.mock.requests().get(0);
		assertThat(sent.bodyAsString()).contains("\"json_schema\"");
		assertThat(sent.json().path("response_format").path("type").asString()).isEqualTo("json_schema");
	}

	@Test
	void streamDelayPacesTheEvents() throws Exception {
		CompletableFuture<ChunkedDribbleDelay> pacing = new CompletableFuture<>();
		this.mock.wireMock().addMockServiceRequestListener((request, response) -> {
			if (request.getUrl().equals("/v1/chat/completions")) {
				pacing.complete(response.getChunkedDribbleDelay());
			}
		});
		this.mock.streamDelay(Duration.ofMillis(40)).chat().replyInPieces("a", "b", "c", "d");

		StringBuilder text = new StringBuilder();
		List<ChatCompletionChunk> chunks = new ArrayList<>();
		try (MistralStream<ChatCompletionChunk> stream = this.chat.stream(question("Slowly").build())) {
			stream.forEach((chunk) -> {
				chunks.add(chunk);
				text.append(chunk.text());
			});
		}

		// what arrives, in order: the role chunk, one chunk per piece, the last chunk
		assertThat(chunks).hasSize(6);
		assertThat(text).hasToString("abcd");
		// how it is paced, read from the answer WireMock sent, not from the clock (a
		// loaded machine delivers paced bytes late and in bursts): as many chunks as
		// events (the six chunks and [DONE]), 40 ms apart
		ChunkedDribbleDelay sent = pacing.get(30, TimeUnit.SECONDS);
		assertThat(sent.getNumberOfChunks()).isEqualTo(7);
		assertThat(sent.getTotalDuration()).isEqualTo(7 * 40);
	}

	private HttpResponse<String> postJson(String path, String body) throws Exception {
		return this.raw.send(HttpRequest.newBuilder(URI.create(this.mock.baseUrl() + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + KEY)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	record Payment(String transactionId, String status) {
	}

}
