package dev.mistralboot.client.batch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.core.MistralInvalidResponseException;
import dev.mistralboot.client.core.MistralJobTimeoutException;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.client.test.RecordingScheduler;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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
 * {@link ReactiveMistralBatchClient} over HTTP: every operation, pages walked on demand,
 * a typed error, polling on a {@link RecordingScheduler} (to a final status and to the
 * timeout), and output and error files read back line by line as they download.
 */
class ReactiveMistralBatchClientTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String JOB_ID = BatchClientTests.JOB_ID;

	static final String INPUT = BatchClientTests.INPUT;

	static final String OUTPUT = BatchClientTests.OUTPUT;

	static final String ERRORS = BatchClientTests.ERRORS;

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final RecordingScheduler clock = new RecordingScheduler();

	private final ReactiveMistralBatchClient batch = new ReactiveMistralBatchClient(wireMock.reactiveHttp(),
			new ReactiveJobPoller(Duration.ofSeconds(10), Duration.ofSeconds(35), this.clock));

	@Test
	void createsGetsInlineCancelsAndDeletes() {
		wireMock.stubJson(post(urlEqualTo("/v1/batch/jobs")), "jobs_api_routes_batch_create_batch_job",
				BatchClientTests.job("QUEUED", false));
		wireMock.stubJson(get(urlEqualTo("/v1/batch/jobs/" + JOB_ID + "?inline=true")),
				"jobs_api_routes_batch_get_batch_job",
				BatchClientTests.job("SUCCESS", true)
					.replace("\"outputs\":null",
							"\"outputs\":[{\"custom_id\":\"q1\",\"response\":{\"status_code\":200}}]"));
		wireMock.stubJson(post(urlEqualTo("/v1/batch/jobs/" + JOB_ID + "/cancel")),
				"jobs_api_routes_batch_cancel_batch_job", BatchClientTests.job("CANCELLATION_REQUESTED", false));
		wireMock.stubJson(delete(urlEqualTo("/v1/batch/jobs/" + JOB_ID)), "jobs_api_routes_batch_delete_batch_job",
				"{\"id\":\"" + JOB_ID + "\",\"object\":\"batch\",\"deleted\":true}");

		BatchJob created = this.batch
			.create(CreateBatchJobRequest.builder()
				.inputFiles(INPUT)
				.endpoint(BatchEndpoint.CHAT_COMPLETIONS)
				.model("mistral-small-latest")
				.metadata(Map.of("team", "search"))
				.build())
			.block(WAIT);

		assertThat(created.status()).isEqualTo(BatchJobStatus.QUEUED);
		assertThat(this.batch.get(JOB_ID, true).block(WAIT).outputs()).singleElement()
			.satisfies((output) -> assertThat(output).containsEntry("custom_id", "q1"));
		assertThat(this.batch.cancel(JOB_ID).block(WAIT).status()).isEqualTo(BatchJobStatus.CANCELLATION_REQUESTED);
		assertThat(this.batch.delete(JOB_ID).block(WAIT).deleted()).isTrue();
		wireMock.server().verify(postRequestedFor(urlEqualTo("/v1/batch/jobs")).withRequestBody(equalToJson("""
				{"input_files":["%s"],"endpoint":"/v1/chat/completions","model":"mistral-small-latest",
				 "metadata":{"team":"search"}}""".formatted(INPUT))));
		wireMock.server().verify(deleteRequestedFor(urlEqualTo("/v1/batch/jobs/" + JOB_ID)));
	}

	@Test
	void anUnknownJobIsSignalledAsNotFound() {
		wireMock.server()
			.stubFor(get(urlEqualTo("/v1/batch/jobs/" + JOB_ID)).willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"detail\":\"Batch job not found\"}")));

		StepVerifier.create(this.batch.get(JOB_ID))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralNotFoundException.class)
				.hasMessageContaining("Batch job not found"))
			.verify(WAIT);
	}

	@Test
	void listsAndWalksEveryPage() {
		wireMock.stubJson(get(urlEqualTo("/v1/batch/jobs")), "jobs_api_routes_batch_get_batch_jobs",
				"{\"data\":[],\"object\":\"list\",\"total\":0}");
		for (int page = 0; page < 3; page++) {
			wireMock.stubJson(
					get(urlPathEqualTo("/v1/batch/jobs")).withQueryParam("page", equalTo(String.valueOf(page))),
					"jobs_api_routes_batch_get_batch_jobs",
					"{\"data\":[" + ((page < 2) ? BatchClientTests.job("SUCCESS", true) : "")
							+ "],\"object\":\"list\",\"total\":2}");
		}

		assertThat(this.batch.list().block(WAIT).data()).isEmpty();
		List<BatchJob> all = this.batch
			.listAll(ListBatchJobsRequest.builder()
				.pageSize(1)
				.metadata(Map.of("team", "search"))
				.orderBy(BatchJobOrder.OLDEST_FIRST)
				.build())
			.collectList()
			.block(WAIT);

		assertThat(all).hasSize(2).allMatch((job) -> job.status() == BatchJobStatus.SUCCESS);
		wireMock.server()
			.verify(getRequestedFor(urlEqualTo(
					"/v1/batch/jobs?page=1&page_size=1&metadata=%7B%22team%22%3A%22search%22%7D&order_by=created")));
		wireMock.server().verify(exactly(3), getRequestedFor(urlPathEqualTo("/v1/batch/jobs")));
	}

	@Test
	void waitsForTheJobThenReadsOutputAndErrorFilesLineByLine() {
		String[] states = { "QUEUED", "RUNNING", "SUCCESS" };
		for (int i = 0; i < states.length; i++) {
			String json = BatchClientTests.job(states[i], i == 2);
			OpenApiContract.ifAvailable(
					(contract) -> contract.assertResponseValid("jobs_api_routes_batch_get_batch_job", 200, json));
			wireMock.server()
				.stubFor(get(urlEqualTo("/v1/batch/jobs/" + JOB_ID)).inScenario("batch")
					.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "read-" + i)
					.willSetStateTo("read-" + (i + 1))
					.willReturn(okJson(json)));
		}
		wireMock.server()
			.stubFor(get(urlEqualTo("/v1/files/" + OUTPUT + "/content"))
				.willReturn(aResponse().withHeader("Content-Type", "application/octet-stream")
					.withBody(BatchClientTests.result("q1", "Bonjour !") + "\r\n"
							+ BatchClientTests.result("q2", "Au revoir !") + "\n\n")));
		wireMock.server()
			.stubFor(get(urlEqualTo("/v1/files/" + ERRORS + "/content")).willReturn(aResponse()
				.withHeader("Content-Type", "application/octet-stream")
				.withBody("{\"id\":\"batch-" + JOB_ID + "-2\",\"custom_id\":\"q3\",\"response\":{\"status_code\":400,"
						+ "\"body\":{\"object\":\"error\",\"message\":\"Invalid model\",\"type\":\"invalid_model\"}},"
						+ "\"error\":{\"message\":\"Invalid model\",\"code\":\"1500\"}}")));
		List<BatchJobStatus> statuses = new CopyOnWriteArrayList<>();
		List<BatchResult<ChatCompletionResponse>> results = new CopyOnWriteArrayList<>();

		BatchJob job = this.batch
			.waitAndRead(JOB_ID, ChatCompletionResponse.class, (update) -> statuses.add(update.status()), results::add)
			.block(WAIT);

		assertThat(job.status()).isEqualTo(BatchJobStatus.SUCCESS);
		assertThat(statuses).containsExactly(BatchJobStatus.QUEUED, BatchJobStatus.RUNNING, BatchJobStatus.SUCCESS);
		assertThat(this.clock.delays()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
		assertThat(results).extracting(BatchResult::customId).containsExactly("q1", "q2", "q3");
		assertThat(results.get(0).body().text()).isEqualTo("Bonjour !");
		assertThat(results.get(1).body().text()).isEqualTo("Au revoir !");
		assertThat(results.get(2).isSuccess()).isFalse();
		assertThat(results.get(2).error()).containsEntry("message", "Invalid model");
		StepVerifier.create(this.batch.readOutput(job, Map.class)).expectNextCount(2).verifyComplete();
	}

	@Test
	void waitingGivesUpAtTheTimeout() {
		wireMock.stubJson(get(urlEqualTo("/v1/batch/jobs/" + JOB_ID)), "jobs_api_routes_batch_get_batch_job",
				BatchClientTests.job("RUNNING", false));

		StepVerifier.create(this.batch.waitForCompletion(JOB_ID, (update) -> {
		}))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralJobTimeoutException.class)
				.hasMessageContaining("batch job " + JOB_ID + " is still RUNNING after PT35S"))
			.verify(WAIT);
		wireMock.server().verify(exactly(5), getRequestedFor(urlEqualTo("/v1/batch/jobs/" + JOB_ID)));
		assertThat(this.clock.delays()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10),
				Duration.ofSeconds(10), Duration.ofSeconds(5));
	}

	@Test
	void aLineThatIsNotAResultSaysWhichLine() {
		wireMock.server()
			.stubFor(get(urlEqualTo("/v1/files/" + OUTPUT + "/content")).willReturn(
					aResponse().withBody(BatchClientTests.result("q1", "ok") + "\n<html>proxy error</html>\n")));
		BatchJob job = new BatchJob(JOB_ID, "batch", List.of(INPUT), null, "/v1/chat/completions", null, null, OUTPUT,
				null, List.of(), null, BatchJobStatus.SUCCESS, null, null, null, null, null, null, null);

		StepVerifier.create(this.batch.readOutput(job, Map.class)).expectNextCount(1).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(MistralInvalidResponseException.class)
				.hasMessageContaining("Line 2 of file " + OUTPUT + " is not a batch result");
			assertThat(((MistralInvalidResponseException) ex).getRawBody()).isEqualTo("<html>proxy error</html>");
		}).verify(WAIT);
		StepVerifier.create(this.batch.readErrors(job, Map.class)).verifyComplete();
	}

}
