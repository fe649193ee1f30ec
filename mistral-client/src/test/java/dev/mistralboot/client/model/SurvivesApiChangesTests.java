package dev.mistralboot.client.model;

import java.util.List;
import java.util.Map;

import dev.mistralboot.client.batch.BatchEndpoint;
import dev.mistralboot.client.batch.BatchJob;
import dev.mistralboot.client.batch.BatchJobStatus;
import dev.mistralboot.client.batch.CreateBatchJobRequest;
import dev.mistralboot.client.batch.MistralBatchClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.files.FileObject;
import dev.mistralboot.client.files.FilePurpose;
import dev.mistralboot.client.files.MistralFilesClient;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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

}
