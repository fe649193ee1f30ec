package dev.mistralboot.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.mistralboot.client.agents.AgentsCompletionRequest;
import dev.mistralboot.client.agents.MistralAgentsClient;
import dev.mistralboot.client.batch.BatchEndpoint;
import dev.mistralboot.client.batch.BatchJob;
import dev.mistralboot.client.batch.BatchJobStatus;
import dev.mistralboot.client.batch.BatchRequest;
import dev.mistralboot.client.batch.BatchResult;
import dev.mistralboot.client.batch.CreateBatchJobRequest;
import dev.mistralboot.client.batch.MistralBatchClient;
import dev.mistralboot.client.chat.ChatCompletionAccumulator;
import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.classifiers.ChatClassificationRequest;
import dev.mistralboot.client.classifiers.ChatModerationRequest;
import dev.mistralboot.client.classifiers.ClassificationRequest;
import dev.mistralboot.client.classifiers.ClassificationResponse;
import dev.mistralboot.client.classifiers.InstructRequest;
import dev.mistralboot.client.classifiers.MistralClassifiersClient;
import dev.mistralboot.client.classifiers.ModerationResponse;
import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.files.FileObject;
import dev.mistralboot.client.files.FilePurpose;
import dev.mistralboot.client.files.MistralFilesClient;
import dev.mistralboot.client.files.UploadFileRequest;
import dev.mistralboot.client.fim.FimCompletionRequest;
import dev.mistralboot.client.fim.MistralFimClient;
import dev.mistralboot.client.models.FineTunedModelCard;
import dev.mistralboot.client.models.MistralModelsClient;
import dev.mistralboot.client.models.ModelCard;
import dev.mistralboot.client.models.UpdateModelRequest;
import dev.mistralboot.client.ocr.MistralOcrClient;
import dev.mistralboot.client.ocr.OcrRequest;
import dev.mistralboot.client.ocr.OcrResponse;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MockMistral} answers every operation the clients expose beyond chat, embeddings,
 * files and fine-tuning jobs (FIM, agents, OCR, the four classifier operations, batch
 * jobs, one model, fine-tuned model management, signed URLs), through the typed clients;
 * every JSON answer it serves is checked against the response schemas of the OpenAPI
 * description, every request against the request schemas.
 */
class MockMistralFamiliesTests {

	private OpenApiContract contract;

	private MockMistral mock;

	private MistralHttp http;

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
		this.http = MistralHttp.builder()
			.baseUrl(this.mock.baseUrl())
			.apiKey("test-key")
			.retryPolicy(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5)))
			.build();
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

	@Test
	void fimAnswersScriptedThenDefaultWholeAndStreamed() {
		MistralFimClient fim = new MistralFimClient(this.http);
		this.mock.fim().reply("return a + b").replyInPieces("ret", "urn 1");
		FimCompletionRequest request = FimCompletionRequest.builder()
			.model("codestral-latest")
			.prompt("def add(a, b):\n")
			.build();
		assertThat(fim.complete(request).text()).isEqualTo("return a + b");
		try (MistralStream<ChatCompletionChunk> chunks = fim.stream(request)) {
			ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
			chunks.forEach(accumulator::add);
			assertThat(accumulator.toResponse().text()).isEqualTo("return 1");
		}
		assertThat(fim.complete(request).text()).contains("MockMistral's default FIM answer");
		assertThat(this.mock.requests("fim_completion_v1_fim_completions_post")).hasSize(3);
	}

	@Test
	void agentsAnswerScriptedThenDefault() {
		MistralAgentsClient agents = new MistralAgentsClient(this.http);
		this.mock.agents().reply("Monet.");
		AgentsCompletionRequest request = AgentsCompletionRequest.builder()
			.agentId("ag_0123")
			.user("Best French painter?")
			.build();
		assertThat(agents.complete(request).text()).isEqualTo("Monet.");
		ChatCompletionResponse second = agents.complete(request);
		assertThat(second.text()).contains("default agent answer");
		// agents replies do not consume chat replies, and the reverse
		assertThat(this.mock.chatRequests()).isEmpty();
	}

	@Test
	void ocrAnswersEachRequestedPageAndScriptedMarkdown() {
		MistralOcrClient ocr = new MistralOcrClient(this.http);
		OcrResponse pages = ocr.process(OcrRequest.builder()
			.model("mistral-ocr-latest")
			.documentUrl("https://example.com/paper.pdf")
			.pages(2, 5)
			.build());
		assertThat(pages.pages()).hasSize(2);
		assertThat(pages.pages().get(1).index()).isEqualTo(5);
		assertThat(pages.pages().get(0).markdown()).contains("Page 2");
		this.mock.ocr().pages("# Invoice", "Total: 12 EUR").documentAnnotation("{\"total\":12}");
		OcrResponse scripted = ocr
			.process(OcrRequest.builder().model("mistral-ocr-latest").documentUrl("https://example.com/i.pdf").build());
		assertThat(scripted.markdown()).contains("# Invoice").contains("Total: 12 EUR");
		assertThat(scripted.documentAnnotation()).isEqualTo("{\"total\":12}");
	}

	@Test
	void moderationsAndClassificationsAnswerEveryInput() {
		MistralClassifiersClient classifiers = new MistralClassifiersClient(this.http);
		ModerationResponse clean = classifiers
			.moderate(ClassificationRequest.of("hello", "world").withModel("mistral-moderation-latest"));
		assertThat(clean.results()).hasSize(2);
		assertThat(clean.flagged()).isFalse();
		this.mock.classifiers().flag("violence_and_threats");
		ModerationResponse flagged = classifiers.moderateChat(ChatModerationRequest.builder()
			.conversation(ChatMessage.user("a"), ChatMessage.assistant("b"))
			.model("mistral-moderation-latest")
			.build());
		assertThat(flagged.flagged()).isTrue();
		assertThat(flagged.results().get(0).flaggedCategories()).containsExactly("violence_and_threats");

		this.mock.classifiers().scores("sentiment", Map.of("positive", 0.9, "negative", 0.1));
		ClassificationResponse scores = classifiers
			.classify(ClassificationRequest.of("ft:classifier:ministral-3b-latest:x", List.of("Loved it", "Meh")));
		assertThat(scores.results()).hasSize(2);
		assertThat(scores.results().get(0).get("sentiment").topLabel()).isEqualTo("positive");
		ClassificationResponse chatScores = classifiers.classifyChat(ChatClassificationRequest
			.of("ft:classifier:ministral-3b-latest:x", InstructRequest.of(ChatMessage.user("Loved it"))));
		assertThat(chatScores.results()).hasSize(1);
	}

	@Test
	void batchJobsRunAndTheirOutputIsRead() {
		MistralBatchClient batch = new MistralBatchClient(this.http,
				new JobPoller(Duration.ofMillis(1), Duration.ofSeconds(30), (duration) -> {
				}));
		BatchJob job = batch
			.create(CreateBatchJobRequest.builder()
				.endpoint(BatchEndpoint.CHAT_COMPLETIONS)
				.model("mistral-small-latest")
				.requests(List.of(
						BatchRequest.of("a", Map.of("messages", List.of(Map.of("role", "user", "content", "Hi")))),
						BatchRequest.of("b", Map.of("messages", List.of(Map.of("role", "user", "content", "Yo"))))))
				.metadata(Map.of("team", "search"))
				.build());
		assertThat(job.status()).isEqualTo(BatchJobStatus.QUEUED);
		assertThat(batch.list().data()).hasSize(1);
		BatchJob done = batch.waitForCompletion(job.id(), (update) -> {
		});
		assertThat(done.status()).isEqualTo(BatchJobStatus.SUCCESS);
		assertThat(done.totalRequests()).isEqualTo(2);
		try (Stream<BatchResult<ChatCompletionResponse>> results = batch.readOutput(done,
				ChatCompletionResponse.class)) {
			assertThat(results.toList()).extracting(BatchResult::customId).containsExactly("a", "b");
		}
		assertThat(batch.delete(job.id()).deleted()).isTrue();
		assertThatThrownBy(() -> batch.get(job.id())).isInstanceOf(MistralNotFoundException.class);
	}

	@Test
	void batchJobsFromInputFilesCanBeCancelled() {
		MistralFilesClient files = new MistralFilesClient(this.http);
		byte[] lines = ("{\"custom_id\":\"0\",\"body\":{\"input\":[\"a\"]}}\n"
				+ "{\"custom_id\":\"1\",\"body\":{\"input\":[\"b\"]}}\n")
			.getBytes();
		FileObject input = files.upload(UploadFileRequest.of(new ByteArrayResource(lines) {
			@Override
			public String getFilename() {
				return "batch.jsonl";
			}
		}).purpose(FilePurpose.BATCH).build());
		MistralBatchClient batch = new MistralBatchClient(this.http);
		BatchJob job = batch.create(CreateBatchJobRequest.builder()
			.inputFiles(input.id())
			.endpoint(BatchEndpoint.EMBEDDINGS)
			.model("mistral-embed")
			.build());
		assertThat(job.totalRequests()).isEqualTo(2);
		batch.cancel(job.id());
		assertThat(batch.get(job.id()).status()).isEqualTo(BatchJobStatus.CANCELLED);
		assertThat(files.signedUrl(input.id()).url()).startsWith(this.mock.baseUrl() + "/v1/files/" + input.id());
	}

	@Test
	void modelsAreReadUpdatedArchivedAndDeleted() {
		MistralModelsClient models = new MistralModelsClient(this.http);
		assertThat(models.get("mistral-small-latest").id()).isEqualTo("mistral-small-latest");
		String tuned = "ft:open-mistral-7b:587a6b29:20240514:7e773925";
		ModelCard card = models.get(tuned);
		assertThat(card).isInstanceOf(FineTunedModelCard.class);
		assertThat(((FineTunedModelCard) card).root()).isEqualTo("open-mistral-7b");
		assertThat(models.update(tuned, UpdateModelRequest.builder().name("mine").build()).name()).isEqualTo("mine");
		assertThat(models.archive(tuned).archived()).isTrue();
		assertThat(models.unarchive(tuned).archived()).isFalse();
		assertThat(models.delete(tuned).deleted()).isTrue();
		assertThatThrownBy(() -> models.get(tuned)).isInstanceOf(MistralNotFoundException.class);
		assertThatThrownBy(() -> models.get("no-such-model")).isInstanceOf(MistralNotFoundException.class)
			.hasMessageContaining("no-such-model");
	}

	@Test
	void resetForgetsTheFamiliesScripts() {
		this.mock.fim().reply("scripted");
		this.mock.classifiers().flag("pii");
		this.mock.reset();
		MistralFimClient fim = new MistralFimClient(this.http);
		assertThat(fim.complete(FimCompletionRequest.builder().model("codestral-latest").prompt("x").build()).text())
			.contains("default FIM answer");
		assertThat(new MistralClassifiersClient(this.http)
			.moderate(ClassificationRequest.of("x").withModel("mistral-moderation-latest"))
			.flagged()).isFalse();
	}

	@Test
	void badScriptsAreRejectedWithWhatToFix() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.mock.batch().statuses("DONE"))
			.withMessageContaining("QUEUED");
		assertThatIllegalArgumentException().isThrownBy(() -> this.mock.classifiers().scores("t", Map.of()))
			.withMessageContaining("label score");
	}

}
