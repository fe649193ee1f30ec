package dev.mistralboot.client.model;

import java.util.List;
import java.util.Map;

import dev.mistralboot.client.batch.BatchEndpoint;
import dev.mistralboot.client.batch.BatchJob;
import dev.mistralboot.client.batch.BatchJobStatus;
import dev.mistralboot.client.batch.CreateBatchJobRequest;
import dev.mistralboot.client.batch.MistralBatchClient;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.FinishReason;
import dev.mistralboot.client.chat.FunctionTool;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.chat.Tool;
import dev.mistralboot.client.chat.UnknownChunk;
import dev.mistralboot.client.chat.UnknownTool;
import dev.mistralboot.client.chat.WebSearchTool;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.core.RequestOptions;
import dev.mistralboot.client.files.FileObject;
import dev.mistralboot.client.files.FilePurpose;
import dev.mistralboot.client.files.MistralFilesClient;
import dev.mistralboot.client.fim.FimCompletionRequest;
import dev.mistralboot.client.fim.MistralFimClient;
import dev.mistralboot.client.finetuning.CompletionFineTuningJob;
import dev.mistralboot.client.finetuning.CreateFineTuningJobRequest;
import dev.mistralboot.client.finetuning.FineTuningJob;
import dev.mistralboot.client.finetuning.FineTuningJobStatus;
import dev.mistralboot.client.finetuning.MistralFineTuningClient;
import dev.mistralboot.client.finetuning.TrainingFile;
import dev.mistralboot.client.finetuning.TrainingParameters;
import dev.mistralboot.client.finetuning.UnknownFineTuningJob;
import dev.mistralboot.client.models.FineTunedModel;
import dev.mistralboot.client.models.MistralModelsClient;
import dev.mistralboot.client.models.ModelCard;
import dev.mistralboot.client.models.UnknownFineTunedModel;
import dev.mistralboot.client.models.UnknownModelCard;
import dev.mistralboot.client.models.UpdateModelRequest;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers with properties and enum values this library does not know yet are read without
 * loss and written back as they came; requests carry body properties and enum values this
 * library does not know yet.
 */
class SurvivesApiChangesTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private static final String FILE_ID = "e85980c9-409e-4a46-9304-36588f6292b0";

	private static final String JOB_ID = "b7c8d9e0-1f2a-4b3c-8d4e-5f6a7b8c9d0e";

	private final JsonMapper json = MistralJson.defaultMapper();

	private MistralHttp http;

	@BeforeEach
	void http() {
		this.http = MistralHttp.builder().baseUrl(wireMock.baseUrl()).apiKey("test-key").build();
	}

	@Test
	void aFileKeepsUnknownPropertiesAndPurposeAndWritesThemBack() {
		wireMock.server().stubFor(get(urlEqualTo("/v1/files/" + FILE_ID)).willReturn(okJson("""
				{"id":"%s","object":"file","bytes":12,"created_at":1717171717,"filename":"a.jsonl",
				 "purpose":"distillation","sample_type":"instruct","source":"upload",
				 "retention":{"days":30,"legal_hold":false}}""".formatted(FILE_ID))));

		FileObject file = new MistralFilesClient(this.http).get(FILE_ID);

		assertThat(file.purpose()).isNotNull();
		assertThat(file.purpose().value()).isEqualTo("distillation");
		assertThat(file.purpose().toString()).isEqualTo("distillation");
		assertThat(file.purpose().isKnown()).isFalse();
		assertThat(file.purpose()).isEqualTo(FilePurpose.UNKNOWN).isNotEqualTo(FilePurpose.BATCH);
		assertThat(file.additionalProperties()).containsKey("retention");
		JsonNode written = this.json.valueToTree(file);
		assertThat(written.path("purpose").asString()).isEqualTo("distillation");
		assertThat(written.path("retention").path("days").asInt()).isEqualTo(30);
		assertThat(written.path("retention").path("legal_hold").isBoolean()).isTrue();
		assertThat(written.has("additional_properties")).isFalse();
		assertThat(this.json.readValue(this.json.writeValueAsString(file), FileObject.class)).isEqualTo(file);
	}

	@Test
	void theAudioPurposeIsKnown() {
		assertThat(FilePurpose.of("audio")).isSameAs(FilePurpose.AUDIO);
		assertThat(FilePurpose.AUDIO.isKnown()).isTrue();
		assertThat(this.json.writeValueAsString(FilePurpose.AUDIO)).isEqualTo("\"audio\"");
	}

	@Test
	void aBatchJobKeepsUnknownPropertiesAndStatusAndWritesThemBack() {
		wireMock.server().stubFor(get(urlEqualTo("/v1/batch/jobs/" + JOB_ID)).willReturn(okJson("""
				{"id":"%s","object":"batch","input_files":[],"endpoint":"/v1/chat/completions",
				 "errors":[{"message":"late","count":2,"first_seen_at":1717171719}],"status":"PAUSED",
				 "created_at":1717171717,"total_requests":3,"completed_requests":1,"succeeded_requests":1,
				 "failed_requests":0,"priority":{"tier":"low"}}""".formatted(JOB_ID))));

		BatchJob job = new MistralBatchClient(this.http).get(JOB_ID);

		assertThat(job.status()).isNotNull();
		assertThat(job.status().value()).isEqualTo("PAUSED");
		assertThat(job.status()).isEqualTo(BatchJobStatus.UNKNOWN);
		assertThat(job.isTerminal()).isFalse();
		assertThat(job.additionalProperties()).containsOnlyKeys("priority");
		assertThat(job.errors().get(0).additionalProperties()).containsEntry("first_seen_at", 1717171719);
		JsonNode written = this.json.valueToTree(job);
		assertThat(written.path("status").asString()).isEqualTo("PAUSED");
		assertThat(written.path("priority").path("tier").asString()).isEqualTo("low");
		assertThat(written.path("errors").get(0).path("first_seen_at").asLong()).isEqualTo(1717171719L);
		assertThat(written.has("terminal")).isFalse();
		assertThat(this.json.readValue(this.json.writeValueAsString(job), BatchJob.class)).isEqualTo(job);
	}

	@Test
	void aRequestSendsBodyPropertiesAndEnumValuesThisLibraryDoesNotKnow() {
		// Both are unknown to the description too: its check is skipped for this request.
		wireMock.skipContractCheck();
		wireMock.server().stubFor(post(urlEqualTo("/v1/batch/jobs")).willReturn(okJson("""
				{"id":"%s","object":"batch","input_files":["%s"],"endpoint":"/v1/agents/completions",
				 "errors":[],"status":"QUEUED","created_at":1717171717,"total_requests":0,
				 "completed_requests":0,"succeeded_requests":0,"failed_requests":0}""".formatted(JOB_ID, FILE_ID))));
		CreateBatchJobRequest request = CreateBatchJobRequest.builder()
			.inputFiles(FILE_ID)
			.endpoint(BatchEndpoint.of("/v1/agents/completions"))
			.model("mistral-small-latest")
			.putAdditionalProperty("priority", Map.of("tier", "low"))
			.putAdditionalProperty("tags", List.of("nightly"))
			.build();

		BatchJob job = new MistralBatchClient(this.http).create(request);

		wireMock.server().verify(postRequestedFor(urlEqualTo("/v1/batch/jobs")).withRequestBody(equalToJson("""
				{"input_files":["%s"],"endpoint":"/v1/agents/completions","model":"mistral-small-latest",
				 "priority":{"tier":"low"},"tags":["nightly"]}""".formatted(FILE_ID))));
		assertThat(job.endpoint()).isEqualTo("/v1/agents/completions");
		assertThat(request.toBuilder().removeAdditionalProperty("tags").build().additionalProperties())
			.containsOnlyKeys("priority");
	}

	@Test
	void aChatAnswerKeepsUnknownPropertiesChunksAndFinishReasonAndSendsThemBack() {
		// The continued conversation carries what the description does not know: its
		// check is
		// skipped for this test.
		wireMock.skipContractCheck();
		wireMock.postAnswersInTurn("/v1/chat/completions", okJson("""
				{"id":"c1","object":"chat.completion","model":"m","created":1,"brand_new":{"a":1},
				 "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2},
				 "choices":[{"index":0,"finish_reason":"content_filter","message":{"role":"assistant",
				   "reasoning_trace":{"id":"rt_1"},
				   "content":[{"type":"hologram","data":"AAEC","frames":[1,2]},{"type":"text","text":"hi"}]}}]}"""),
				okJson("""
						{"id":"c2","object":"chat.completion","model":"m","created":2,
						 "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2},
						 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"ok"}}]}"""));
		MistralChatClient chat = new MistralChatClient(this.http);

		ChatCompletionResponse first = chat
			.complete(ChatCompletionRequest.builder().model("m").user("Show me").build());

		assertThat(first.finishReason()).isNotNull();
		assertThat(first.finishReason().value()).isEqualTo("content_filter");
		assertThat(first.finishReason()).isEqualTo(FinishReason.UNKNOWN);
		assertThat(first.message().additionalProperties()).containsKey("reasoning_trace");
		assertThat(first.message().content().chunks().get(0)).isInstanceOfSatisfying(UnknownChunk.class,
				(chunk) -> assertThat(chunk.additionalProperties()).containsOnlyKeys("data", "frames"));
		assertThat(this.json.valueToTree(first).path("choices").get(0).path("finish_reason").asString())
			.isEqualTo("content_filter");

		chat.complete(ChatCompletionRequest.builder()
			.model("m")
			.user("Show me")
			.addMessages(first.message())
			.user("Again")
			.build());

		wireMock.server().verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
				{"model":"m","messages":[{"role":"user","content":"Show me"},
				 {"role":"assistant","reasoning_trace":{"id":"rt_1"},
				  "content":[{"type":"hologram","data":"AAEC","frames":[1,2]},{"type":"text","text":"hi"}]},
				 {"role":"user","content":"Again"}]}""", true, true)));
	}

	@Test
	void aToolOfAnUnknownTypeKeepsItsWholePayloadAndKnownToolsStayTyped() {
		String tools = """
				[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}},
				 {"type":"web_search"},
				 {"type":"hologram_search","depth":3,"filters":{"lang":["fr","en"]}}]""";

		List<Tool> read = this.json.readValue(tools, new TypeReference<List<Tool>>() {
		});

		assertThat(read).hasSize(3);
		assertThat(read.get(0)).isInstanceOfSatisfying(FunctionTool.class,
				(tool) -> assertThat(tool.additionalProperties()).isEmpty());
		assertThat(read.get(1)).isInstanceOfSatisfying(WebSearchTool.class,
				(tool) -> assertThat(tool.additionalProperties()).isEmpty());
		assertThat(read.get(2)).isInstanceOfSatisfying(UnknownTool.class, (tool) -> {
			assertThat(tool.type()).isEqualTo("hologram_search");
			assertThat(tool.additionalProperties()).containsOnlyKeys("depth", "filters");
		});
		assertThat(this.json.readTree(this.json.writerFor(new TypeReference<List<Tool>>() {
		}).writeValueAsString(read))).isEqualTo(this.json.readTree(tools));
	}

	@Test
	void aFineTuningJobOfAnUnknownTypeKeepsItsWholePayload() {
		wireMock.server().stubFor(get(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID)).willReturn(okJson("""
				{"id":"%s","auto_start":false,"model":"m","status":"ARCHIVED","job_type":"reward_model",
				 "created_at":1717171717,"modified_at":1717171718,"training_files":[],"object":"job",
				 "reward":{"scale":2.5}}""".formatted(JOB_ID))));

		FineTuningJob job = new MistralFineTuningClient(this.http).get(JOB_ID);

		assertThat(job).isInstanceOf(UnknownFineTuningJob.class);
		assertThat(job.status()).isNotNull();
		assertThat(job.status().value()).isEqualTo("ARCHIVED");
		assertThat(job.status()).isEqualTo(FineTuningJobStatus.UNKNOWN);
		assertThat(job.isTerminal()).isFalse();
		assertThat(((UnknownFineTuningJob) job).additionalProperties()).containsOnlyKeys("reward");
		JsonNode written = this.json.valueToTree(job);
		assertThat(written.path("job_type").asString()).isEqualTo("reward_model");
		assertThat(written.path("status").asString()).isEqualTo("ARCHIVED");
		assertThat(written.path("reward").path("scale").asDouble()).isEqualTo(2.5);
	}

	@Test
	void aFineTuningJobKeepsUnknownPropertiesAndStatusAndWritesThemBack() {
		wireMock.server().stubFor(get(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID)).willReturn(okJson("""
				{"id":"%s","auto_start":false,"model":"open-mistral-7b","status":"PAUSED","job_type":"completion",
				 "created_at":1717171717,"modified_at":1717171718,"training_files":[],"object":"job",
				 "hyperparameters":{"training_steps":10,"learning_rate":0.0001},
				 "budget":{"max_cost":12.5},
				 "checkpoints":[{"metrics":{"train_loss":0.5,"perplexity":3.1},"step_number":5,
				   "created_at":1717171719}]}""".formatted(JOB_ID))));

		FineTuningJob job = new MistralFineTuningClient(this.http).get(JOB_ID);

		assertThat(job).isInstanceOfSatisfying(CompletionFineTuningJob.class,
				(completion) -> assertThat(completion.additionalProperties()).containsOnlyKeys("budget"));
		assertThat(job.status()).isNotNull();
		assertThat(job.status().value()).isEqualTo("PAUSED");
		assertThat(job.status()).isEqualTo(FineTuningJobStatus.UNKNOWN);
		assertThat(job.checkpoints().get(0).metrics().additionalProperties()).containsOnlyKeys("perplexity");
		JsonNode written = this.json.valueToTree(job);
		assertThat(written.path("status").asString()).isEqualTo("PAUSED");
		assertThat(written.path("job_type").asString()).isEqualTo("completion");
		assertThat(written.path("budget").path("max_cost").asDouble()).isEqualTo(12.5);
		assertThat(written.path("checkpoints").get(0).path("metrics").path("perplexity").asDouble()).isEqualTo(3.1);
		assertThat(written.has("terminal")).isFalse();
		assertThat(this.json.readValue(this.json.writeValueAsString(job), FineTuningJob.class)).isEqualTo(job);
	}

	@Test
	void aFineTuningJobRequestSendsBodyPropertiesThisLibraryDoesNotKnow() {
		// The extra property is unknown to the description too: its check is skipped.
		wireMock.skipContractCheck();
		wireMock.server().stubFor(post(urlEqualTo("/v1/fine_tuning/jobs")).willReturn(okJson("""
				{"id":"%s","auto_start":false,"model":"open-mistral-7b","status":"QUEUED","job_type":"completion",
				 "created_at":1717171717,"modified_at":1717171717,"training_files":[],
				 "hyperparameters":{"training_steps":10}}""".formatted(JOB_ID))));
		CreateFineTuningJobRequest request = CreateFineTuningJobRequest.builder()
			.model("open-mistral-7b")
			.trainingFiles(TrainingFile.of(FILE_ID))
			.hyperparameters(TrainingParameters.of(1e-4, 10))
			.putAdditionalProperty("budget", Map.of("max_cost", 12.5))
			.build();

		new MistralFineTuningClient(this.http).create(request);

		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs")).withRequestBody(equalToJson("""
					{"model":"open-mistral-7b","training_files":[{"file_id":"%s"}],
					 "hyperparameters":{"training_steps":10,"learning_rate":0.0001},"budget":{"max_cost":12.5}}"""
				.formatted(FILE_ID), true, false)));
	}

	@Test
	void anExtraHeaderAndAnExtraBodyPropertyReachTheWire() {
		// The extra property is unknown to the description: its check is skipped.
		wireMock.skipContractCheck();
		wireMock.server().stubFor(post(urlEqualTo("/v1/fim/completions")).willReturn(okJson("""
				{"id":"f1","object":"chat.completion","model":"codestral-latest","created":1,
				 "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2},
				 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"1"}}]}""")));

		new MistralFimClient(this.http)
			.withOptions(RequestOptions.builder().header("X-Preview-Feature", "speculative").build())
			.complete(FimCompletionRequest.builder()
				.model("codestral-latest")
				.prompt("x = ")
				.putAdditionalProperty("speculation", Map.of("depth", 2))
				.build());

		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/fim/completions"))
				.withHeader("X-Preview-Feature", equalTo("speculative"))
				.withRequestBody(equalToJson("""
						{"model":"codestral-latest","prompt":"x = ","speculation":{"depth":2}}""", true, true)));
	}

	@Test
	void aModelCardOfAnUnknownTypeKeepsItsWholePayloadAndWritesItBack() {
		String card = """
				{"id":"robot-1","object":"model","created":1717171717,"owned_by":"mistralai",
				 "capabilities":{"completion_chat":true,"teleportation":true},"aliases":["robot"],
				 "max_context_length":8192,"type":"agentic","brain":{"size":"large","layers":[1,2]}}""";
		wireMock.server().stubFor(get(urlEqualTo("/v1/models/robot-1")).willReturn(okJson(card)));

		ModelCard read = new MistralModelsClient(this.http).get("robot-1");

		assertThat(read).isInstanceOfSatisfying(UnknownModelCard.class, (unknown) -> {
			assertThat(unknown.type()).isEqualTo("agentic");
			assertThat(unknown.additionalProperties()).containsOnlyKeys("brain");
		});
		assertThat(read.isFineTuned()).isFalse();
		assertThat(read.capabilities().completionChat()).isTrue();
		assertThat(read.capabilities().additionalProperties()).containsOnlyKeys("teleportation");
		assertWrittenBackAsSent(this.json.writeValueAsString(read), card);
		assertThat(this.json.readValue(this.json.writeValueAsString(read), ModelCard.class)).isEqualTo(read);
	}

	@Test
	void aFineTunedModelOfAnUnknownTypeKeepsItsWholePayloadAndWritesItBack() {
		String model = """
				{"id":"ft:reward:1","object":"model","created":1717171717,"owned_by":"b2c4a6f0",
				 "workspace_id":"a1b2c3d4","root":"open-mistral-7b","root_version":"0.3","archived":false,
				 "capabilities":{"completion_chat":false,"classification":false},"aliases":[],
				 "model_type":"reward","reward_scale":{"min":-1,"max":1}}""";
		wireMock.server()
			.stubFor(patch(urlEqualTo("/v1/fine_tuning/models/ft%3Areward%3A1")).willReturn(okJson(model)));

		FineTunedModel read = new MistralModelsClient(this.http).update("ft:reward:1",
				UpdateModelRequest.builder().description("v2").build());

		assertThat(read).isInstanceOfSatisfying(UnknownFineTunedModel.class, (unknown) -> {
			assertThat(unknown.modelType()).isEqualTo("reward");
			assertThat(unknown.additionalProperties()).containsOnlyKeys("reward_scale");
		});
		assertThat(read.rootVersion()).isEqualTo("0.3");
		assertWrittenBackAsSent(this.json.writeValueAsString(read), model);
		assertThat(this.json.readValue(this.json.writeValueAsString(read), FineTunedModel.class)).isEqualTo(read);
	}

	/**
	 * Every property of what was sent is in what is written back, with the same value
	 * (the written form may add properties the API left out, with their defaults).
	 */
	private void assertWrittenBackAsSent(String written, String sent) {
		assertKept(this.json.readTree(written), this.json.readTree(sent), "$");
	}

	private static void assertKept(JsonNode written, JsonNode sent, String path) {
		if (sent.isObject()) {
			for (Map.Entry<String, JsonNode> property : sent.properties()) {
				String where = path + "." + property.getKey();
				assertThat(written.has(property.getKey())).as(where).isTrue();
				assertKept(written.get(property.getKey()), property.getValue(), where);
			}
		}
		else {
			assertThat(written).as(path).isEqualTo(sent);
		}
	}

}
