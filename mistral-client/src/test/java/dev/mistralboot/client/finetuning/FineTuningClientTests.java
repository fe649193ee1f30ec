package dev.mistralboot.client.finetuning;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralBadRequestException;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralJobTimeoutException;
import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.models.ClassifierLossFunction;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

// exercises the fine-tuning jobs endpoints, deprecated by Mistral, on purpose
@SuppressWarnings("deprecation")
class FineTuningClientTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final MistralHttp http = wireMock.http();

	static final String JOB_ID = "7e773925-3a2e-4b4f-9c1e-5f3a2b1c0d9e";

	static final String TRAIN = "e85980c9-409e-4a46-9304-36588f6292b0";

	static final String VALID = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

	static final String WANDB_KEY = "0123456789abcdef0123456789abcdef01234567";

	static final String GITHUB_TOKEN = "ghp_s3cr3tT0k3nValue";

	static String completionJob(String status, String extra) {
		return """
				{"id":"%s","auto_start":true,"model":"open-mistral-7b","status":"%s","created_at":1717171717,
				 "modified_at":1717172717,"training_files":["%s"],"validation_files":["%s"],"object":"job",
				 "fine_tuned_model":null,"suffix":"support-bot","integrations":[{"type":"wandb","project":"tuning",
				 "name":null,"run_name":"run-1","url":"https://wandb.ai/acme/tuning/runs/run-1"}],"trained_tokens":null,
				 "metadata":{"expected_duration_seconds":600,"cost":2.5,"cost_currency":"EUR","train_tokens_per_step":131072,
				 "train_tokens":13107200,"data_tokens":305375,"estimated_start_time":null},"job_type":"completion",
				 "hyperparameters":{"training_steps":100,"learning_rate":0.0001,"weight_decay":0.1,"warmup_fraction":0.05,
				 "epochs":4.3,"seq_len":32768,"fim_ratio":0.9},
				 "repositories":[{"type":"github","name":"docs","owner":"acme","ref":"main","weight":1.0,
				  "commit_id":"0123456789abcdef0123456789abcdef01234567"}]%s}"""
			.formatted(JOB_ID, status, TRAIN, VALID, extra);
	}

	private MistralFineTuningClient fineTuning;

	@BeforeEach
	void client() {
		this.fineTuning = new MistralFineTuningClient(this.http,
				JobPoller.of(Duration.ofMillis(5), Duration.ofSeconds(5)));
	}

	@Test
	void createsAJobWithEveryField() {
		wireMock.stubJson(post(urlEqualTo("/v1/fine_tuning/jobs")),
				"jobs_api_routes_fine_tuning_create_fine_tuning_job", completionJob("QUEUED", ""));
		CreateFineTuningJobRequest request = CreateFineTuningJobRequest.builder()
			.model("open-mistral-7b")
			.trainingFiles(TrainingFile.of(TRAIN), new TrainingFile(VALID, 0.5))
			.validationFiles(VALID)
			.suffix("support-bot")
			.integrations(new WandbIntegration("tuning", "group", WANDB_KEY, "run-1"))
			.autoStart(false)
			.invalidSampleSkipPercentage(0.1)
			.jobType(FineTuneableModelType.COMPLETION)
			.hyperparameters(new TrainingParameters(100, 1e-4, 0.1, 0.05, 4.3, 32768, 0.9))
			.repositories(new GithubRepository("docs", "acme", "main", 2.0, GITHUB_TOKEN))
			.build();

		FineTuningJob job = this.fineTuning.create(request);

		CompletionFineTuningJob completion = (CompletionFineTuningJob) job;
		assertThat(completion.status()).isEqualTo(FineTuningJobStatus.QUEUED);
		assertThat(completion.trainingFiles()).containsExactly(TRAIN);
		assertThat(completion.integrations()).singleElement()
			.satisfies((integration) -> assertThat(integration.url()).endsWith("/runs/run-1"));
		assertThat(completion.metadata().cost()).isEqualTo(2.5);
		assertThat(completion.metadata().costCurrency()).isEqualTo("EUR");
		assertThat(completion.hyperparameters().fimRatio()).isEqualTo(0.9);
		assertThat(completion.repositories()).singleElement()
			.satisfies((repository) -> assertThat(repository.commitId()).hasSize(40));
		assertThat(completion.events()).isEmpty();
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs")).withRequestBody(equalToJson(
					"""
							{"model":"open-mistral-7b",
							 "training_files":[{"file_id":"%s"},{"file_id":"%s","weight":0.5}],
							 "validation_files":["%s"],"suffix":"support-bot",
							 "integrations":[{"type":"wandb","project":"tuning","name":"group","api_key":"%s","run_name":"run-1"}],
							 "auto_start":false,"invalid_sample_skip_percentage":0.1,"job_type":"completion",
							 "hyperparameters":{"training_steps":100,"learning_rate":0.0001,"weight_decay":0.1,"warmup_fraction":0.05,
							  "epochs":4.3,"seq_len":32768,"fim_ratio":0.9},
							 "repositories":[{"type":"github","name":"docs","owner":"acme","ref":"main","weight":2.0,"token":"%s"}]}"""
						.formatted(TRAIN, VALID, VALID, WANDB_KEY, GITHUB_TOKEN))));
	}

	@Test
	void secretsNeverShowInToString() {
		CreateFineTuningJobRequest request = CreateFineTuningJobRequest.builder()
			.model("open-mistral-7b")
			.hyperparameters(TrainingParameters.DEFAULTS)
			.integrations(WandbIntegration.of("tuning", WANDB_KEY))
			.repositories(GithubRepository.of("acme", "docs", GITHUB_TOKEN))
			.build();

		assertThat(request.toString()).doesNotContain(WANDB_KEY)
			.doesNotContain(GITHUB_TOKEN)
			.contains("******")
			.contains("acme/docs");
	}

	@Test
	void createsAClassifierJobAndReadsItBack() {
		String classifierJob = """
				{"id":"%s","auto_start":true,"model":"ministral-3b-latest","status":"RUNNING","created_at":1717171717,
				 "modified_at":1717172717,"training_files":["%s"],"validation_files":null,"object":"job","fine_tuned_model":null,
				 "suffix":null,"integrations":null,"trained_tokens":1200,"metadata":null,"job_type":"classifier",
				 "hyperparameters":{"training_steps":10,"learning_rate":0.0001,"weight_decay":0.1,"warmup_fraction":0.05,"epochs":null,"seq_len":null},
				 "events":[],"checkpoints":[],
				 "classifier_targets":[{"name":"sentiment","labels":["positive","negative"],"weight":1.0,"loss_function":"single_class"}]}"""
			.formatted(JOB_ID, TRAIN);
		wireMock.stubJson(post(urlEqualTo("/v1/fine_tuning/jobs")),
				"jobs_api_routes_fine_tuning_create_fine_tuning_job", classifierJob);

		FineTuningJob job = this.fineTuning.create(CreateFineTuningJobRequest.builder()
			.model("ministral-3b-latest")
			.jobType(FineTuneableModelType.CLASSIFIER)
			.trainingFiles(TrainingFile.of(TRAIN))
			.hyperparameters(TrainingParameters.of(1e-4, 10))
			.classifierTargets(new ClassifierTarget("sentiment", List.of("positive", "negative"), 1.0,
					ClassifierLossFunction.SINGLE_CLASS))
			.build());

		ClassifierFineTuningJob classifier = (ClassifierFineTuningJob) job;
		assertThat(classifier.jobType()).isEqualTo("classifier");
		assertThat(classifier.trainedTokens()).isEqualTo(1200);
		assertThat(classifier.validationFiles()).isEmpty();
		assertThat(classifier.integrations()).isEmpty();
		assertThat(classifier.classifierTargets()).singleElement()
			.satisfies((target) -> assertThat(target.labels()).containsExactly("positive", "negative"));
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs")).withRequestBody(equalToJson(
					"""
							{"model":"ministral-3b-latest","job_type":"classifier","training_files":[{"file_id":"%s"}],
							 "hyperparameters":{"training_steps":10,"learning_rate":0.0001},
							 "classifier_targets":[{"name":"sentiment","labels":["positive","negative"],"weight":1.0,"loss_function":"single_class"}]}"""
						.formatted(TRAIN))));
	}

	@Test
	void dryRunReturnsTheCostEstimate() {
		wireMock.stubJson(post(urlEqualTo("/v1/fine_tuning/jobs?dry_run=true")),
				"jobs_api_routes_fine_tuning_create_fine_tuning_job",
				"""
						{"expected_duration_seconds":600,"cost":2.5,"cost_currency":"EUR","train_tokens_per_step":131072,
						 "train_tokens":13107200,"data_tokens":305375,"estimated_start_time":null,"deprecated":true,
						 "details":"","epochs":42.9,"training_steps":100,"object":"job.metadata"}""");

		DryRunResult estimate = this.fineTuning.dryRun(CreateFineTuningJobRequest.builder()
			.model("open-mistral-7b")
			.trainingFiles(TrainingFile.of(TRAIN))
			.hyperparameters(TrainingParameters.of(1e-4, 100))
			.build());

		assertThat(estimate.cost()).isEqualTo(2.5);
		assertThat(estimate.costCurrency()).isEqualTo("EUR");
		assertThat(estimate.dataTokens()).isEqualTo(305375);
		assertThat(estimate.epochs()).isEqualTo(42.9);
		assertThat(estimate.trainingSteps()).isEqualTo(100);
		assertThat(estimate.object()).isEqualTo("job.metadata");
	}

	@Test
	void badInputIsRejectedWithWhatToFix() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateFineTuningJobRequest.builder().hyperparameters(TrainingParameters.DEFAULTS).build())
			.withMessageContaining("set model(");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateFineTuningJobRequest.builder().model("open-mistral-7b").build())
			.withMessageContaining("TrainingParameters.DEFAULTS");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateFineTuningJobRequest.builder()
				.model("open-mistral-7b")
				.hyperparameters(TrainingParameters.DEFAULTS)
				.suffix("a-suffix-that-is-too-long")
				.build())
			.withMessageContaining("at most 18 characters");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateFineTuningJobRequest.builder()
				.model("open-mistral-7b")
				.hyperparameters(TrainingParameters.of(2, 10))
				.build())
			.withMessageContaining("learningRate must be between 1e-8 and 1");
		assertThatIllegalArgumentException().isThrownBy(() -> WandbIntegration.of("p", "short"))
			.withMessageContaining("40 characters")
			.withMessageNotContaining("short");
	}

	@Test
	void getsAJobWithEventsAndCheckpointMetrics() {
		wireMock.stubJson(get(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID)),
				"jobs_api_routes_fine_tuning_get_fine_tuning_job", completionJob("SUCCESS", """
						,"events":[{"name":"status-updated","data":{"status":"RUNNING"},"created_at":1717171800},
						 {"name":"status-updated","data":{"status":"SUCCESS"},"created_at":1717172700}],
						 "checkpoints":[{"metrics":{"train_loss":1.2,"valid_loss":1.4,"valid_mean_token_accuracy":0.61},
						  "step_number":50,"created_at":1717172000},
						 {"metrics":{"train_loss":0.8,"valid_loss":1.1,"valid_mean_token_accuracy":0.72},
						  "step_number":100,"created_at":1717172600}]"""));

		FineTuningJob job = this.fineTuning.get(JOB_ID);

		assertThat(job.isTerminal()).isTrue();
		assertThat(job.events()).extracting(JobEvent::name).containsExactly("status-updated", "status-updated");
		assertThat(job.events().get(1).data()).containsEntry("status", "SUCCESS");
		assertThat(job.checkpoints()).hasSize(2);
		Checkpoint last = job.checkpoints().get(1);
		assertThat(last.stepNumber()).isEqualTo(100);
		assertThat(last.metrics().trainLoss()).isEqualTo(0.8);
		assertThat(last.metrics().validLoss()).isEqualTo(1.1);
		assertThat(last.metrics().validMeanTokenAccuracy()).isEqualTo(0.72);
	}

	@Test
	void unknownJobTypesAndStatusesDoNotBreakParsing() {
		FineTuningJob job = MistralJson.defaultMapper()
			.readValue("""
					{"id":"%s","job_type":"reranker","status":"WARMING_UP","training_files":["%s"],"new_field":[1]}"""
				.formatted(JOB_ID, TRAIN), FineTuningJob.class);

		assertThat(job).isInstanceOf(UnknownFineTuningJob.class);
		assertThat(job.jobType()).isEqualTo("reranker");
		assertThat(job.status()).isEqualTo(FineTuningJobStatus.UNKNOWN);
		assertThat(job.isTerminal()).isFalse();
		assertThat(job.trainingFiles()).containsExactly(TRAIN);
	}

	@Test
	void startsAndCancels() {
		wireMock.stubJson(post(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID + "/start")),
				"jobs_api_routes_fine_tuning_start_fine_tuning_job", completionJob("STARTED", ""));
		wireMock.stubJson(post(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID + "/cancel")),
				"jobs_api_routes_fine_tuning_cancel_fine_tuning_job", completionJob("CANCELLATION_REQUESTED", ""));

		assertThat(this.fineTuning.start(JOB_ID).status()).isEqualTo(FineTuningJobStatus.STARTED);
		assertThat(this.fineTuning.cancel(JOB_ID).status()).isEqualTo(FineTuningJobStatus.CANCELLATION_REQUESTED);
		wireMock.server().verify(postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID + "/cancel")));
	}

	@Test
	void startingAJobThatIsNotValidatedFails() {
		wireMock.server()
			.stubFor(post(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID + "/start")).willReturn(aResponse()
				.withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"object\":\"error\",\"message\":\"Job is not in VALIDATED status\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"3001\"}")));

		assertThatExceptionOfType(MistralBadRequestException.class).isThrownBy(() -> this.fineTuning.start(JOB_ID))
			.withMessageContaining("Job is not in VALIDATED status");
	}

	@Test
	void listsWithEveryFilterAndWalksAllPages() {
		OffsetDateTime after = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
		OffsetDateTime before = OffsetDateTime.of(2025, 6, 30, 12, 0, 0, 0, ZoneOffset.UTC);
		ListFineTuningJobsRequest filters = ListFineTuningJobsRequest.builder()
			.pageSize(1)
			.model("open-mistral-7b")
			.createdAfter(after)
			.createdBefore(before)
			.createdByMe(true)
			.status(FineTuningJobStatus.SUCCESS)
			.wandbProject("tuning")
			.wandbName("group")
			.suffix("support-bot")
			.build();
		for (int page = 0; page < 3; page++) {
			MappingBuilder mapping = get(urlPathEqualTo("/v1/fine_tuning/jobs")).withQueryParam("page",
					equalTo(String.valueOf(page)));
			String data = (page < 2) ? completionJob("SUCCESS", "") : "";
			wireMock.stubJson(mapping, "jobs_api_routes_fine_tuning_get_fine_tuning_jobs",
					"{\"data\":[" + data + "],\"object\":\"list\",\"total\":2}");
		}

		assertThat(this.fineTuning.list(filters.toBuilder().page(0).build()).total()).isEqualTo(2);
		wireMock.server()
			.verify(getRequestedFor(urlEqualTo("/v1/fine_tuning/jobs?page=0&page_size=1&model=open-mistral-7b"
					+ "&created_after=2025-01-01T00%3A00%3A00Z&created_before=2025-06-30T12%3A00%3A00Z&created_by_me=true&status=SUCCESS"
					+ "&wandb_project=tuning&wandb_name=group&suffix=support-bot")));
		wireMock.server().resetRequests();
		assertThat(this.fineTuning.listAll(filters)).hasSize(2).allMatch((job) -> job.id().equals(JOB_ID));
		wireMock.server().verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs")));
	}

	@Test
	void waitingReportsAValidationFailure() {
		String[] statuses = { "QUEUED", "QUEUED", "VALIDATING", "FAILED_VALIDATION" };
		for (int i = 0; i < statuses.length; i++) {
			String json = completionJob(statuses[i], (i < 3) ? ""
					: """
							,"events":[{"name":"status-updated","data":{"status":"FAILED_VALIDATION",
							 "error":"Line 3: messages must alternate between user and assistant"},"created_at":1717171800}]""");
			OpenApiContract.ifAvailable((contract) -> contract
				.assertResponseValid("jobs_api_routes_fine_tuning_get_fine_tuning_job", 200, json));
			wireMock.server()
				.stubFor(get(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID)).inScenario("job")
					.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "read-" + i)
					.willSetStateTo("read-" + (i + 1))
					.willReturn(okJson(json)));
		}
		List<FineTuningJobStatus> seen = new ArrayList<>();

		FineTuningJob job = this.fineTuning.waitForCompletion(JOB_ID, (update) -> seen.add(update.status()));

		assertThat(job.status()).isEqualTo(FineTuningJobStatus.FAILED_VALIDATION);
		assertThat(job.isTerminal()).isTrue();
		assertThat(job.events().get(0).data()).containsEntry("error",
				"Line 3: messages must alternate between user and assistant");
		assertThat(seen).containsExactly(FineTuningJobStatus.QUEUED, FineTuningJobStatus.VALIDATING,
				FineTuningJobStatus.FAILED_VALIDATION);
		wireMock.server().verify(exactly(4), getRequestedFor(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID)));
	}

	@Test
	void waitingGivesUpAtTheTimeoutWithTheLastJob() {
		wireMock.stubJson(get(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID)),
				"jobs_api_routes_fine_tuning_get_fine_tuning_job", completionJob("RUNNING", ""));

		assertThatExceptionOfType(MistralJobTimeoutException.class).isThrownBy(() -> this.fineTuning
			.waitForCompletion(JOB_ID, JobPoller.of(Duration.ofMillis(10), Duration.ofMillis(60)), (update) -> {
			}))
			.withMessageContaining("fine-tuning job " + JOB_ID + " is still RUNNING after PT0.06S")
			.satisfies((ex) -> assertThat(((FineTuningJob) ex.getLastSeen()).id()).isEqualTo(JOB_ID));
	}

}
