package dev.mistralboot.client.finetuning;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mistralboot.client.core.MistralBadRequestException;
import dev.mistralboot.client.core.MistralJobTimeoutException;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.client.test.RecordingScheduler;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

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

/**
 * {@link ReactiveMistralFineTuningClient} over HTTP: every operation, pages walked on
 * demand, a typed error, and polling until a final status or the timeout on a
 * {@link RecordingScheduler}, whose clock only moves by the waits the poller asks for.
 */
// exercises the fine-tuning jobs endpoints, deprecated by Mistral, on purpose
@SuppressWarnings("deprecation")
class ReactiveMistralFineTuningClientTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String JOB_ID = FineTuningClientTests.JOB_ID;

	static final String TRAIN = FineTuningClientTests.TRAIN;

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final RecordingScheduler clock = new RecordingScheduler();

	private final ReactiveMistralFineTuningClient fineTuning = new ReactiveMistralFineTuningClient(
			wireMock.reactiveHttp(), new ReactiveJobPoller(Duration.ofSeconds(10), Duration.ofSeconds(25), this.clock));

	private static String job(String status) {
		return FineTuningClientTests.completionJob(status, "");
	}

	private static CreateFineTuningJobRequest request() {
		return CreateFineTuningJobRequest.builder()
			.model("open-mistral-7b")
			.trainingFiles(TrainingFile.of(TRAIN))
			.hyperparameters(TrainingParameters.of(1e-4, 100))
			.build();
	}

	@Test
	void createsEstimatesStartsAndCancels() {
		wireMock.stubJson(post(urlEqualTo("/v1/fine_tuning/jobs")),
				"jobs_api_routes_fine_tuning_create_fine_tuning_job", job("QUEUED"));
		wireMock.stubJson(post(urlEqualTo("/v1/fine_tuning/jobs?dry_run=true")),
				"jobs_api_routes_fine_tuning_create_fine_tuning_job",
				"""
						{"expected_duration_seconds":600,"cost":2.5,"cost_currency":"EUR","train_tokens_per_step":131072,
						 "train_tokens":13107200,"data_tokens":305375,"estimated_start_time":null,"deprecated":true,
						 "details":"","epochs":42.9,"training_steps":100,"object":"job.metadata"}""");
		wireMock.stubJson(post(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID + "/start")),
				"jobs_api_routes_fine_tuning_start_fine_tuning_job", job("STARTED"));
		wireMock.stubJson(post(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID + "/cancel")),
				"jobs_api_routes_fine_tuning_cancel_fine_tuning_job", job("CANCELLATION_REQUESTED"));

		FineTuningJob created = this.fineTuning.create(request()).block(WAIT);
		DryRunResult estimate = this.fineTuning.dryRun(request()).block(WAIT);

		assertThat(created).isInstanceOf(CompletionFineTuningJob.class);
		assertThat(created.status()).isEqualTo(FineTuningJobStatus.QUEUED);
		assertThat(estimate.cost()).isEqualTo(2.5);
		assertThat(this.fineTuning.start(JOB_ID).block(WAIT).status()).isEqualTo(FineTuningJobStatus.STARTED);
		assertThat(this.fineTuning.cancel(JOB_ID).block(WAIT).status())
			.isEqualTo(FineTuningJobStatus.CANCELLATION_REQUESTED);
		String body = "{\"model\":\"open-mistral-7b\",\"training_files\":[{\"file_id\":\"" + TRAIN
				+ "\"}],\"hyperparameters\":{\"training_steps\":100,\"learning_rate\":0.0001}}";
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs")).withRequestBody(equalToJson(body)));
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs?dry_run=true"))
				.withRequestBody(equalToJson(body)));
	}

	@Test
	void startingAJobThatIsNotValidatedIsSignalledTyped() {
		wireMock.server()
			.stubFor(
					post(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID + "/start")).willReturn(aResponse().withStatus(400)
						.withHeader("Content-Type", "application/json")
						.withBody("{\"object\":\"error\",\"message\":\"Job is not in VALIDATED status\","
								+ "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"3001\"}")));

		StepVerifier.create(this.fineTuning.start(JOB_ID))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralBadRequestException.class)
				.hasMessageContaining("Job is not in VALIDATED status"))
			.verify(WAIT);
		StepVerifier.create(this.fineTuning.get("")).expectError(IllegalArgumentException.class).verify(WAIT);
	}

	@Test
	void listsAndWalksEveryPage() {
		for (int page = 0; page < 3; page++) {
			MappingBuilder mapping = get(urlPathEqualTo("/v1/fine_tuning/jobs")).withQueryParam("page",
					equalTo(String.valueOf(page)));
			wireMock.stubJson(mapping, "jobs_api_routes_fine_tuning_get_fine_tuning_jobs",
					"{\"data\":[" + ((page < 2) ? job("SUCCESS") : "") + "],\"object\":\"list\",\"total\":2}");
		}
		ListFineTuningJobsRequest filters = ListFineTuningJobsRequest.builder()
			.pageSize(1)
			.status(FineTuningJobStatus.SUCCESS)
			.build();

		wireMock.stubJson(get(urlEqualTo("/v1/fine_tuning/jobs")), "jobs_api_routes_fine_tuning_get_fine_tuning_jobs",
				"{\"data\":[],\"object\":\"list\",\"total\":2}");

		assertThat(this.fineTuning.list().block(WAIT).total()).isEqualTo(2);
		wireMock.server().verify(getRequestedFor(urlEqualTo("/v1/fine_tuning/jobs")));
		wireMock.server().resetRequests();
		StepVerifier.create(this.fineTuning.listAll(filters))
			.expectNextMatches((job) -> job.id().equals(JOB_ID))
			.expectNextMatches((job) -> job.status() == FineTuningJobStatus.SUCCESS)
			.verifyComplete();
		wireMock.server().verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs")));
		wireMock.server().verify(getRequestedFor(urlEqualTo("/v1/fine_tuning/jobs?page=1&page_size=1&status=SUCCESS")));
	}

	@Test
	void waitingPollsUntilAFinalStatusReportingEachChange() {
		String[] statuses = { "QUEUED", "QUEUED", "VALIDATING", "FAILED_VALIDATION" };
		for (int i = 0; i < statuses.length; i++) {
			String json = job(statuses[i]);
			OpenApiContract.ifAvailable((contract) -> contract
				.assertResponseValid("jobs_api_routes_fine_tuning_get_fine_tuning_job", 200, json));
			wireMock.server()
				.stubFor(get(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID)).inScenario("job")
					.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "read-" + i)
					.willSetStateTo("read-" + (i + 1))
					.willReturn(okJson(json)));
		}
		List<FineTuningJobStatus> seen = new CopyOnWriteArrayList<>();
		ReactiveMistralFineTuningClient patient = new ReactiveMistralFineTuningClient(wireMock.reactiveHttp(),
				new ReactiveJobPoller(Duration.ofSeconds(10), Duration.ofMinutes(5), this.clock));

		FineTuningJob job = patient.waitForCompletion(JOB_ID, (update) -> seen.add(update.status())).block(WAIT);

		assertThat(job.status()).isEqualTo(FineTuningJobStatus.FAILED_VALIDATION);
		assertThat(seen).containsExactly(FineTuningJobStatus.QUEUED, FineTuningJobStatus.VALIDATING,
				FineTuningJobStatus.FAILED_VALIDATION);
		wireMock.server().verify(exactly(4), getRequestedFor(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID)));
		assertThat(this.clock.delays()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10),
				Duration.ofSeconds(10));
	}

	@Test
	void waitingGivesUpAtTheTimeoutWithTheLastJob() {
		wireMock.stubJson(get(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID)),
				"jobs_api_routes_fine_tuning_get_fine_tuning_job", job("RUNNING"));

		StepVerifier.create(this.fineTuning.waitForCompletion(JOB_ID, (update) -> {
		}))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralJobTimeoutException.class)
				.hasMessageContaining("fine-tuning job " + JOB_ID + " is still RUNNING after PT25S")
				.satisfies((timeout) -> assertThat(
						((FineTuningJob) ((MistralJobTimeoutException) timeout).getLastSeen()).id())
					.isEqualTo(JOB_ID)))
			.verify(WAIT);
		// reads at 0, 10, 20 and 25 s: the last wait is cut to the time left
		wireMock.server().verify(exactly(4), getRequestedFor(urlEqualTo("/v1/fine_tuning/jobs/" + JOB_ID)));
		assertThat(this.clock.delays()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10),
				Duration.ofSeconds(5));
	}

}
