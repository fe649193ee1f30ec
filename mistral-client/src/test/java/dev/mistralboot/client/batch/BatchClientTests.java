package dev.mistralboot.client.batch;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralInvalidResponseException;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
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

class BatchClientTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final MistralHttp http = wireMock.http();

	static final String JOB_ID = "b7c8d9e0-1f2a-4b3c-8d4e-5f6a7b8c9d0e";

	static final String INPUT = "e85980c9-409e-4a46-9304-36588f6292b0";

	static final String OUTPUT = "11111111-2222-4333-8444-555555555555";

	static final String ERRORS = "66666666-7777-4888-9999-000000000000";

	static String job(String status, boolean files) {
		return """
				{"id":"%s","object":"batch","input_files":["%s"],"metadata":{"team":"search"},
				 "endpoint":"/v1/chat/completions","model":"mistral-small-latest","agent_id":null,
				 "output_file":%s,"error_file":%s,"errors":[{"message":"Invalid model","count":1}],"outputs":null,
				 "status":"%s","created_at":1717171717,"total_requests":3,"completed_requests":%d,
				 "succeeded_requests":%d,"failed_requests":%d,"started_at":1717171720,"completed_at":%s}""".formatted(
				JOB_ID, INPUT, files ? "\"" + OUTPUT + "\"" : "null", files ? "\"" + ERRORS + "\"" : "null", status,
				files ? 3 : 1, files ? 2 : 1, files ? 1 : 0, files ? "1717172717" : "null");
	}

	private MistralBatchClient batch;

	@BeforeEach
	void client() {
		this.batch = new MistralBatchClient(this.http, JobPoller.of(Duration.ofMillis(5), Duration.ofSeconds(5)));
	}

	@Test
	void createsAJobFromInputFiles() {
		wireMock.stubJson(post(urlEqualTo("/v1/batch/jobs")), "jobs_api_routes_batch_create_batch_job",
				job("QUEUED", false));

		BatchJob job = this.batch.create(CreateBatchJobRequest.builder()
			.inputFiles(INPUT)
			.endpoint(BatchEndpoint.CHAT_COMPLETIONS)
			.model("mistral-small-latest")
			.metadata(Map.of("team", "search"))
			.timeoutHours(48)
			.build());

		assertThat(job.id()).isEqualTo(JOB_ID);
		assertThat(job.status()).isEqualTo(BatchJobStatus.QUEUED);
		assertThat(job.isTerminal()).isFalse();
		assertThat(job.inputFiles()).containsExactly(INPUT);
		assertThat(job.metadata()).containsEntry("team", "search");
		assertThat(job.errors()).singleElement().satisfies((error) -> {
			assertThat(error.message()).isEqualTo("Invalid model");
			assertThat(error.count()).isEqualTo(1);
		});
		assertThat(job.totalRequests()).isEqualTo(3);
		wireMock.server().verify(postRequestedFor(urlEqualTo("/v1/batch/jobs")).withRequestBody(equalToJson("""
				{"input_files":["%s"],"endpoint":"/v1/chat/completions","model":"mistral-small-latest",
				 "metadata":{"team":"search"},"timeout_hours":48}""".formatted(INPUT))));
	}

	@Test
	void createsAJobWithInlineRequests() {
		wireMock.stubJson(post(urlEqualTo("/v1/batch/jobs")), "jobs_api_routes_batch_create_batch_job",
				job("QUEUED", false));

		this.batch.create(CreateBatchJobRequest.builder()
			.requests(List.of(
					BatchRequest.of("q1",
							ChatCompletionRequest.builder().model("mistral-small-latest").user("Hi").build()),
					BatchRequest.of(Map.of("messages", List.of(Map.of("role", "user", "content", "Bye"))))))
			.endpoint(BatchEndpoint.CHAT_COMPLETIONS)
			.build());

		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/batch/jobs")).withRequestBody(equalToJson(
					"""
							{"requests":[{"custom_id":"q1","body":{"model":"mistral-small-latest","messages":[{"role":"user","content":"Hi"}]}},
							 {"body":{"messages":[{"role":"user","content":"Bye"}]}}],"endpoint":"/v1/chat/completions"}""")));
	}

	@Test
	void badJobsAreRejectedWithWhatToFix() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateBatchJobRequest.builder().endpoint(BatchEndpoint.EMBEDDINGS).build())
			.withMessageContaining("input files or inline requests");
		assertThatIllegalArgumentException().isThrownBy(() -> CreateBatchJobRequest.builder().inputFiles(INPUT).build())
			.withMessageContaining("BatchEndpoint.CHAT_COMPLETIONS");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateBatchJobRequest.builder()
				.inputFiles(INPUT)
				.endpoint(BatchEndpoint.OCR)
				.timeoutHours(200)
				.build())
			.withMessageContaining("between 1 and 168");
	}

	@Test
	void listsWithEveryFilterAndWalksAllPages() {
		ListBatchJobsRequest filters = ListBatchJobsRequest.builder()
			.pageSize(1)
			.model("mistral-small-latest")
			.agentId("ag_0123")
			.metadata(Map.of("team", "search"))
			.createdAfter(OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
			.createdByMe(true)
			.status(BatchJobStatus.SUCCESS, BatchJobStatus.FAILED)
			.orderBy(BatchJobOrder.OLDEST_FIRST)
			.build();
		for (int page = 0; page < 3; page++) {
			wireMock.stubJson(
					get(urlPathEqualTo("/v1/batch/jobs")).withQueryParam("page", equalTo(String.valueOf(page))),
					"jobs_api_routes_batch_get_batch_jobs",
					"{\"data\":[" + ((page < 2) ? job("SUCCESS", true) : "") + "],\"object\":\"list\",\"total\":2}");
		}

		assertThat(this.batch.listAll(filters)).hasSize(2).allMatch((job) -> job.status() == BatchJobStatus.SUCCESS);

		wireMock.server()
			.verify(getRequestedFor(urlEqualTo("/v1/batch/jobs?page=0&page_size=1&model=mistral-small-latest"
					+ "&agent_id=ag_0123&metadata=%7B%22team%22%3A%22search%22%7D&created_after=2025-01-01T00%3A00%3A00Z"
					+ "&created_by_me=true&status=SUCCESS&status=FAILED&order_by=created")));
		wireMock.server().verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1/batch/jobs")));
	}

	@Test
	void getsWithInlineOutputsCancelsAndDeletes() {
		wireMock.stubJson(get(urlEqualTo("/v1/batch/jobs/" + JOB_ID + "?inline=true")),
				"jobs_api_routes_batch_get_batch_job", job("SUCCESS", true).replace("\"outputs\":null",
						"\"outputs\":[{\"custom_id\":\"q1\",\"response\":{\"status_code\":200}}]"));
		wireMock.stubJson(post(urlEqualTo("/v1/batch/jobs/" + JOB_ID + "/cancel")),
				"jobs_api_routes_batch_cancel_batch_job", job("CANCELLATION_REQUESTED", false));
		wireMock.stubJson(delete(urlEqualTo("/v1/batch/jobs/" + JOB_ID)), "jobs_api_routes_batch_delete_batch_job",
				"{\"id\":\"" + JOB_ID + "\",\"object\":\"batch\",\"deleted\":true}");

		BatchJob inline = this.batch.get(JOB_ID, true);
		assertThat(inline.outputs()).singleElement()
			.satisfies((output) -> assertThat(output).containsEntry("custom_id", "q1"));
		assertThat(inline.outputFile()).isEqualTo(OUTPUT);
		assertThat(this.batch.cancel(JOB_ID).status()).isEqualTo(BatchJobStatus.CANCELLATION_REQUESTED);
		assertThat(this.batch.delete(JOB_ID).deleted()).isTrue();
	}

	@Test
	void waitsForTheJobThenReadsOutputAndErrorFilesLineByLine() {
		String[] states = { "QUEUED", "RUNNING", "SUCCESS" };
		for (int i = 0; i < states.length; i++) {
			String json = job(states[i], i == 2);
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
					.withBody(result("q1", "Bonjour !") + "\n" + result("q2", "Au revoir !") + "\n\n")));
		wireMock.server()
			.stubFor(get(urlEqualTo("/v1/files/" + ERRORS + "/content")).willReturn(aResponse()
				.withHeader("Content-Type", "application/octet-stream")
				.withBody("{\"id\":\"batch-" + JOB_ID + "-2\",\"custom_id\":\"q3\",\"response\":{\"status_code\":400,"
						+ "\"body\":{\"object\":\"error\",\"message\":\"Invalid model: mistral-huge\",\"type\":\"invalid_model\"}},"
						+ "\"error\":{\"message\":\"Invalid model: mistral-huge\",\"code\":\"1500\"}}\n")));
		List<BatchJobStatus> statuses = new ArrayList<>();
		List<BatchResult<ChatCompletionResponse>> results = new ArrayList<>();

		BatchJob job = this.batch.waitAndRead(JOB_ID, ChatCompletionResponse.class,
				(update) -> statuses.add(update.status()), results::add);

		assertThat(job.status()).isEqualTo(BatchJobStatus.SUCCESS);
		assertThat(statuses).containsExactly(BatchJobStatus.QUEUED, BatchJobStatus.RUNNING, BatchJobStatus.SUCCESS);
		assertThat(results).hasSize(3);
		assertThat(results.get(0).customId()).isEqualTo("q1");
		assertThat(results.get(0).isSuccess()).isTrue();
		assertThat(results.get(0).body().text()).isEqualTo("Bonjour !");
		assertThat(results.get(1).body().text()).isEqualTo("Au revoir !");
		BatchResult<ChatCompletionResponse> failed = results.get(2);
		assertThat(failed.isSuccess()).isFalse();
		assertThat(failed.customId()).isEqualTo("q3");
		assertThat(failed.response().statusCode()).isEqualTo(400);
		assertThat(failed.error()).containsEntry("message", "Invalid model: mistral-huge");
	}

	static String result(String customId, String text) {
		return ("{\"id\":\"batch-%s-%s\",\"custom_id\":\"%s\",\"response\":{\"status_code\":200,\"body\":{\"id\":\"cmpl-%s\","
				+ "\"object\":\"chat.completion\",\"model\":\"mistral-small-latest\",\"created\":1717172000,"
				+ "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":4,\"total_tokens\":9},"
				+ "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"tool_calls\":null,"
				+ "\"content\":\"%s\"}}]}},\"error\":null}")
			.formatted(JOB_ID, customId, customId, customId, text);
	}

	@Test
	void aLineThatIsNotAResultSaysWhichLine() {
		wireMock.server()
			.stubFor(get(urlEqualTo("/v1/files/" + OUTPUT + "/content"))
				.willReturn(aResponse().withBody(result("q1", "ok") + "\n<html>proxy error</html>\n")));
		BatchJob job = new BatchJob(JOB_ID, "batch", List.of(INPUT), null, "/v1/chat/completions", null, null, OUTPUT,
				null, List.of(), null, BatchJobStatus.SUCCESS, null, null, null, null, null, null, null);

		try (Stream<BatchResult<Map>> output = this.batch.readOutput(job, Map.class)) {
			assertThatExceptionOfType(MistralInvalidResponseException.class).isThrownBy(() -> output.toList())
				.withMessageContaining("Line 2 of file " + OUTPUT + " is not a batch result")
				.satisfies((ex) -> assertThat(ex.getRawBody()).isEqualTo("<html>proxy error</html>"));
		}
		try (Stream<BatchResult<Map>> errors = this.batch.readErrors(job, Map.class)) {
			assertThat(errors).isEmpty();
		}
	}

}
