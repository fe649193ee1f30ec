package dev.mistralboot.test;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.mistralboot.client.batch.BatchEndpoint;
import dev.mistralboot.client.batch.BatchJob;
import dev.mistralboot.client.batch.BatchJobStatus;
import dev.mistralboot.client.batch.BatchRequest;
import dev.mistralboot.client.batch.BatchResult;
import dev.mistralboot.client.batch.CreateBatchJobRequest;
import dev.mistralboot.client.batch.ReactiveMistralBatchClient;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.classifiers.ClassificationRequest;
import dev.mistralboot.client.classifiers.ReactiveMistralClassifiersClient;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.files.FileObject;
import dev.mistralboot.client.files.FilePurpose;
import dev.mistralboot.client.files.ListFilesRequest;
import dev.mistralboot.client.files.ReactiveMistralFilesClient;
import dev.mistralboot.client.finetuning.CreateFineTuningJobRequest;
import dev.mistralboot.client.finetuning.FineTuningJob;
import dev.mistralboot.client.finetuning.FineTuningJobStatus;
import dev.mistralboot.client.finetuning.ReactiveMistralFineTuningClient;
import dev.mistralboot.client.finetuning.TrainingFile;
import dev.mistralboot.client.finetuning.TrainingParameters;
import dev.mistralboot.client.models.ModelCard;
import dev.mistralboot.client.models.ReactiveMistralModelsClient;
import dev.mistralboot.client.ocr.OcrRequest;
import dev.mistralboot.client.ocr.OcrResponse;
import dev.mistralboot.client.ocr.ReactiveMistralOcrClient;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MockMistral} answers the reactive clients of the files, OCR, classifiers,
 * models, fine-tuning and batch families as it answers the blocking ones (the same
 * endpoints); every request they send is checked against the OpenAPI description.
 */
class ReactiveMockMistralFamiliesTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	private MockMistral mock;

	private ReactiveMistralHttp http;

	private final ReactiveJobPoller quick = ReactiveJobPoller.of(Duration.ofMillis(1), Duration.ofSeconds(30));

	@BeforeEach
	void start() {
		this.mock = MockMistral.start(OpenApiContract.get());
		this.http = ReactiveMistralHttp.builder()
			.baseUrl(this.mock.baseUrl())
			.apiKey("test-key")
			.retryPolicy(RetryPolicy.NONE)
			.connector(new JdkClientHttpConnector(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()))
			.build();
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

	private FileObject upload(String lines, FilePurpose purpose) {
		Flux<DataBuffer> content = Flux
			.just(DefaultDataBufferFactory.sharedInstance.wrap(lines.getBytes(StandardCharsets.UTF_8)));
		return new ReactiveMistralFilesClient(this.http).upload(content, "data.jsonl", purpose).block(WAIT);
	}

	@Test
	void filesAreUploadedListedDownloadedAndDeleted() {
		ReactiveMistralFilesClient files = new ReactiveMistralFilesClient(this.http);
		String lines = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello\"}]}\n";
		FileObject file = upload(lines, FilePurpose.FINE_TUNE);

		assertThat(files.listAll(ListFilesRequest.builder().pageSize(10).build()).collectList().block(WAIT))
			.extracting(FileObject::id)
			.contains(file.id());
		assertThat(files.get(file.id()).block(WAIT).filename()).isEqualTo("data.jsonl");
		String content = DataBufferUtils.join(files.download(file.id())).map((buffer) -> {
			String text = buffer.toString(StandardCharsets.UTF_8);
			DataBufferUtils.release(buffer);
			return text;
		}).block(WAIT);
		assertThat(content).isEqualTo(lines);
		assertThat(files.signedUrl(file.id()).block(WAIT).url()).contains(file.id());
		assertThat(files.delete(file.id()).block(WAIT).deleted()).isTrue();
		assertThatThrownBy(() -> files.get(file.id()).block(WAIT)).isInstanceOf(MistralNotFoundException.class);
	}

	@Test
	void ocrReadsThePagesAsked() {
		OcrResponse pages = new ReactiveMistralOcrClient(this.http)
			.process(OcrRequest.builder()
				.model("mistral-ocr-latest")
				.documentUrl("https://example.com/paper.pdf")
				.pages(2, 5)
				.build())
			.block(WAIT);

		assertThat(pages.pages()).hasSize(2);
	}

	@Test
	void classifiersModerateAndClassify() {
		ReactiveMistralClassifiersClient classifiers = new ReactiveMistralClassifiersClient(this.http);
		this.mock.classifiers().flag("violence_and_threats");

		assertThat(classifiers.moderate(ClassificationRequest.of("a").withModel("mistral-moderation-latest"))
			.block(WAIT)
			.flagged()).isTrue();
		assertThat(classifiers
			.classify(ClassificationRequest.of("ft:classifier:ministral-3b-latest:x", List.of("Loved it", "Meh")))
			.block(WAIT)
			.results()).hasSize(2);
	}

	@Test
	void modelsAreReadArchivedAndDeleted() {
		ReactiveMistralModelsClient models = new ReactiveMistralModelsClient(this.http);
		String tuned = "ft:open-mistral-7b:587a6b29:20240514:7e773925";

		assertThat(models.list().block(WAIT).data()).isNotEmpty();
		ModelCard card = models.get(tuned).block(WAIT);
		assertThat(card.id()).isEqualTo(tuned);
		assertThat(models.archive(tuned).block(WAIT).archived()).isTrue();
		assertThat(models.unarchive(tuned).block(WAIT).archived()).isFalse();
		assertThat(models.delete(tuned).block(WAIT).deleted()).isTrue();
	}

	@Test
	void aFineTuningJobIsWaitedFor() {
		this.mock.fineTuning().statuses("QUEUED", "RUNNING", "SUCCESS");
		FileObject training = upload(
				"{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello\"}]}\n",
				FilePurpose.FINE_TUNE);
		ReactiveMistralFineTuningClient fineTuning = new ReactiveMistralFineTuningClient(this.http, this.quick);

		FineTuningJob job = fineTuning
			.create(CreateFineTuningJobRequest.builder()
				.model("open-mistral-7b")
				.trainingFiles(TrainingFile.of(training.id()))
				.hyperparameters(TrainingParameters.of(1e-4, 10))
				.build())
			.block(WAIT);
		FineTuningJob done = fineTuning.waitForCompletion(job.id(), (update) -> {
		}).block(WAIT);

		assertThat(done.status()).isEqualTo(FineTuningJobStatus.SUCCESS);
		assertThat(fineTuning.listAll(dev.mistralboot.client.finetuning.ListFineTuningJobsRequest.ALL)
			.collectList()
			.block(WAIT)).extracting(FineTuningJob::id).contains(job.id());
	}

	@Test
	void aBatchJobRunsAndItsOutputIsRead() {
		ReactiveMistralBatchClient batch = new ReactiveMistralBatchClient(this.http, this.quick);
		BatchJob job = batch
			.create(CreateBatchJobRequest.builder()
				.endpoint(BatchEndpoint.CHAT_COMPLETIONS)
				.model("mistral-small-latest")
				.requests(List.of(
						BatchRequest.of("a", Map.of("messages", List.of(Map.of("role", "user", "content", "Hi")))),
						BatchRequest.of("b", Map.of("messages", List.of(Map.of("role", "user", "content", "Yo"))))))
				.build())
			.block(WAIT);

		BatchJob done = batch.waitForCompletion(job.id(), (update) -> {
		}).block(WAIT);

		assertThat(done.status()).isEqualTo(BatchJobStatus.SUCCESS);
		assertThat(batch.readOutput(done, ChatCompletionResponse.class).collectList().block(WAIT))
			.extracting(BatchResult::customId)
			.containsExactly("a", "b");
		assertThat(batch.delete(job.id()).block(WAIT).deleted()).isTrue();
	}

}
