package dev.mistralboot.client.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mistralboot.client.core.MistralDownload;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralIoException;
import dev.mistralboot.client.core.MistralServerException;
import dev.mistralboot.client.core.MistralUnprocessableEntityException;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ByteArrayResource;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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

class FilesClientTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final MistralHttp http = wireMock.http();

	static final String FILE_ID = "e85980c9-409e-4a46-9304-36588f6292b0";

	static final String UPLOADED = """
			{"id":"%s","object":"file","bytes":187,"created_at":1759500189,"filename":"train.jsonl",
			 "purpose":"fine-tune","sample_type":"instruct","source":"upload","num_lines":2,"mimetype":"application/jsonl",
			 "signature":"d4821d2de1917341","expires_at":1759586589,"visibility":"user"}"""
		.formatted(FILE_ID);

	static final String TRAINING = """
			{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}]}
			{"messages":[{"role":"user","content":"Bye"},{"role":"assistant","content":"Goodbye!"}]}
			""";

	@TempDir
	Path dir;

	private MistralFilesClient files;

	@BeforeEach
	void client() {
		this.files = new MistralFilesClient(this.http);
	}

	@Test
	void uploadsAPathAsAStreamedMultipartForm() throws IOException {
		Path train = Files.writeString(this.dir.resolve("train.jsonl"), TRAINING);
		wireMock.stubJson(post(urlEqualTo("/v1/files")), "files_api_routes_upload_file", UPLOADED);

		FileObject file = this.files.upload(UploadFileRequest.of(train)
			.purpose(FilePurpose.FINE_TUNE)
			.expiry(24)
			.visibility(FileVisibility.USER)
			.contentType("application/jsonl")
			.build());

		assertThat(file.id()).isEqualTo(FILE_ID);
		assertThat(file.purpose()).isEqualTo(FilePurpose.FINE_TUNE);
		assertThat(file.sampleType()).isEqualTo(SampleType.INSTRUCT);
		assertThat(file.source()).isEqualTo(FileSource.UPLOAD);
		assertThat(file.numLines()).isEqualTo(2);
		assertThat(file.bytes()).isEqualTo(187L);
		assertThat(file.expiresAt()).isEqualTo(1759586589L);
		assertThat(file.visibility()).isEqualTo(FileVisibility.USER);
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/files"))
				.withHeader("Content-Type", containing("multipart/form-data"))
				.withHeader("Content-Type", containing("boundary="))
				.withHeader("Transfer-Encoding", equalTo("chunked"))
				.withHeader("Authorization", equalTo("Bearer " + MistralWireMock.API_KEY))
				.withRequestBodyPart(aMultipart("purpose").withBody(equalTo("fine-tune")).build())
				.withRequestBodyPart(aMultipart("expiry").withBody(equalTo("24")).build())
				.withRequestBodyPart(aMultipart("visibility").withBody(equalTo("user")).build())
				.withRequestBodyPart(
						aMultipart("file").withHeader("Content-Disposition", containing("filename=\"train.jsonl\""))
							.withHeader("Content-Type", equalTo("application/jsonl"))
							.withBody(binaryEqualTo(TRAINING.getBytes(StandardCharsets.UTF_8)))
							.build()));
	}

	@Test
	void uploadsAResourceUnderAnotherName() {
		wireMock.stubJson(post(urlEqualTo("/v1/files")), "files_api_routes_upload_file", UPLOADED);
		ByteArrayResource resource = new ByteArrayResource("{\"custom_id\":\"1\",\"body\":{}}\n".getBytes());

		this.files.upload(UploadFileRequest.of(resource).filename("requests.jsonl").purpose(FilePurpose.BATCH).build());

		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/files"))
				.withRequestBodyPart(aMultipart("purpose").withBody(equalTo("batch")).build())
				.withRequestBodyPart(
						aMultipart("file").withHeader("Content-Disposition", containing("filename=\"requests.jsonl\""))
							.withBody(equalTo("{\"custom_id\":\"1\",\"body\":{}}\n"))
							.build()));
	}

	@Test
	void aResourceWithoutFileNameNeedsOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UploadFileRequest.of(new ByteArrayResource(new byte[1])).build())
			.withMessageContaining("filename(");
		assertThatIllegalArgumentException().isThrownBy(() -> UploadFileRequest.of(this.dir.resolve("missing.jsonl")))
			.withMessageContaining("not a readable file");
	}

	@Test
	void anInputStreamUploadIsStreamedAndNeverRetried() {
		MistralFilesClient retrying = new MistralFilesClient(wireMock.httpBuilder()
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)))
			.build());
		wireMock.server()
			.stubFor(post(urlEqualTo("/v1/files")).willReturn(aResponse().withStatus(503)
				.withHeader("Content-Type", "text/html")
				.withBody("<html><body>503 Service Temporarily Unavailable</body></html>")));
		InputStream content = new ByteArrayInputStream(TRAINING.getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(MistralServerException.class)
			.isThrownBy(() -> retrying.upload(UploadFileRequest.of(content, "train.jsonl").build()))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(503));
		wireMock.server().verify(exactly(1), postRequestedFor(urlEqualTo("/v1/files")));
	}

	@Test
	void aPathUploadIsRetriedWithTheWholeContent() throws IOException {
		Path train = Files.writeString(this.dir.resolve("train.jsonl"), TRAINING);
		MistralFilesClient retrying = new MistralFilesClient(wireMock.httpBuilder()
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)))
			.build());
		wireMock.server()
			.stubFor(post(urlEqualTo("/v1/files")).inScenario("flaky")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503).withBody("busy"))
				.willSetStateTo("up"));
		OpenApiFixtures.stubUpload("up", UPLOADED);

		FileObject file = retrying.upload(UploadFileRequest.of(train).purpose(FilePurpose.FINE_TUNE).build());

		assertThat(file.id()).isEqualTo(FILE_ID);
		wireMock.server()
			.verify(exactly(2), postRequestedFor(urlEqualTo("/v1/files"))
				.withRequestBodyPart(aMultipart("file").withBody(equalTo(TRAINING)).build()));
	}

	@Test
	void uploadErrorsCarryTheFieldErrors() throws IOException {
		Path train = Files.writeString(this.dir.resolve("train.jsonl"), TRAINING);
		wireMock.server()
			.stubFor(post(urlEqualTo("/v1/files")).willReturn(aResponse().withStatus(422)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"detail\":[{\"type\":\"enum\",\"loc\":[\"body\",\"purpose\"],\"msg\":\"Input should be 'fine-tune', 'batch' or 'ocr'\",\"input\":\"x\"}]}")));

		assertThatExceptionOfType(MistralUnprocessableEntityException.class)
			.isThrownBy(() -> this.files.upload(UploadFileRequest.of(train).build()))
			.withMessageContaining("purpose")
			.withMessageContaining("Input should be 'fine-tune', 'batch' or 'ocr'")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(MistralWireMock.API_KEY));
	}

	@Test
	void listsWithEveryFilter() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/files")), "files_api_routes_list_files",
				"{\"data\":[" + UPLOADED + "],\"object\":\"list\",\"total\":1}");

		FileList page = this.files.list(ListFilesRequest.builder()
			.page(2)
			.pageSize(10)
			.includeTotal(true)
			.sampleType(SampleType.BATCH_RESULT, SampleType.BATCH_ERROR)
			.source(FileSource.MISTRAL)
			.search("results")
			.purpose(FilePurpose.BATCH)
			.mimetypes("application/jsonl")
			.build());

		assertThat(page.total()).isEqualTo(1);
		assertThat(page.data()).extracting(FileObject::id).containsExactly(FILE_ID);
		wireMock.server()
			.verify(getRequestedFor(urlEqualTo("/v1/files?page=2&page_size=10&include_total=true"
					+ "&sample_type=batch_result&sample_type=batch_error&source=mistral&search=results&purpose=batch"
					+ "&mimetypes=application%2Fjsonl")));
	}

	@Test
	void listWithoutFiltersSendsNoQuery() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/files")), "files_api_routes_list_files",
				"{\"data\":[],\"object\":\"list\"}");

		FileList page = this.files.list();

		assertThat(page.data()).isEmpty();
		assertThat(page.total()).isNull();
		wireMock.server().verify(getRequestedFor(urlEqualTo("/v1/files")));
	}

	@Test
	void listErrorsRaiseTheStatusException() {
		wireMock.server()
			.stubFor(get(urlPathEqualTo("/v1/files")).willReturn(aResponse().withStatus(500)
				.withHeader("Content-Type", "application/json")
				.withHeader("mistral-correlation-id", "0b1c2d3e")
				.withBody(
						"{\"object\":\"error\",\"message\":\"Internal server error\",\"type\":\"server_error\",\"param\":null,\"code\":\"3000\"}")));

		assertThatExceptionOfType(MistralServerException.class).isThrownBy(() -> this.files.list())
			.withMessageContaining("Internal server error")
			.satisfies((ex) -> assertThat(ex.getCorrelationId()).isEqualTo("0b1c2d3e"));
	}

	@Test
	void listAllWalksThreePagesLazilyUntilTheTotal() {
		for (int page = 0; page < 3; page++) {
			String data = (page < 2) ? file(page * 2) + "," + file(page * 2 + 1) : file(4);
			wireMock.stubJson(get(urlPathEqualTo("/v1/files")).withQueryParam("page", equalTo(String.valueOf(page))),
					"files_api_routes_list_files", "{\"data\":[" + data + "],\"object\":\"list\",\"total\":5}");
		}

		List<String> names = this.files
			.listAll(ListFilesRequest.builder().pageSize(2).purpose(FilePurpose.BATCH).build())
			.map(FileObject::filename)
			.collect(Collectors.toList());

		assertThat(names).containsExactly("f0.jsonl", "f1.jsonl", "f2.jsonl", "f3.jsonl", "f4.jsonl");
		for (int page = 0; page < 3; page++) {
			wireMock.server()
				.verify(getRequestedFor(urlEqualTo("/v1/files?page=" + page + "&page_size=2&purpose=batch")));
		}
		wireMock.server().verify(exactly(3), getRequestedFor(urlPathEqualTo("/v1/files")));
		wireMock.server().resetRequests();
		assertThat(this.files.listAll(ListFilesRequest.builder().pageSize(2).build()).limit(1).count()).isOne();
		wireMock.server().verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/files")));
	}

	@Test
	void listAllWithoutTotalStopsAtAShortPage() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/files")).withQueryParam("page", equalTo("0")),
				"files_api_routes_list_files", "{\"data\":[" + file(0) + "," + file(1) + "],\"object\":\"list\"}");
		wireMock.stubJson(get(urlPathEqualTo("/v1/files")).withQueryParam("page", equalTo("1")),
				"files_api_routes_list_files", "{\"data\":[" + file(2) + "],\"object\":\"list\"}");

		assertThat(this.files.listAll(ListFilesRequest.builder().pageSize(2).includeTotal(false).build())).hasSize(3);
		wireMock.server().verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1/files")));
	}

	private static String file(int n) {
		return """
				{"id":"00000000-0000-4000-8000-00000000000%d","object":"file","bytes":120,"created_at":1759491994,
				 "filename":"f%d.jsonl","purpose":"batch","sample_type":"batch_result","source":"mistral","num_lines":2,
				 "mimetype":"application/jsonl","signature":null}""".formatted(n, n);
	}

	@Test
	void getsAndDeletesAFile() {
		wireMock.stubJson(get(urlEqualTo("/v1/files/" + FILE_ID)), "files_api_routes_retrieve_file",
				UPLOADED.replace("\"visibility\":\"user\"", "\"visibility\":\"user\",\"deleted\":false"));
		wireMock.stubJson(delete(urlEqualTo("/v1/files/" + FILE_ID)), "files_api_routes_delete_file",
				"{\"id\":\"" + FILE_ID + "\",\"object\":\"file\",\"deleted\":true}");

		assertThat(this.files.get(FILE_ID).deleted()).isFalse();
		DeleteFileResponse deleted = this.files.delete(FILE_ID);
		assertThat(deleted.id()).isEqualTo(FILE_ID);
		assertThat(deleted.deleted()).isTrue();
	}

	@Test
	void createsASignedUrlWithoutShowingItsSignature() {
		String url = "https://mistralaifilesapiprodswe.blob.core.windows.net/fine-tune/e85980c9.jsonl?se=2025-10-04T14%3A16%3A17Z&sp=r&sig=s3cr3t";
		wireMock.stubJson(get(urlPathEqualTo("/v1/files/" + FILE_ID + "/url")), "files_api_routes_get_signed_url",
				"{\"url\":\"" + url + "\"}");

		SignedUrl signed = this.files.signedUrl(FILE_ID, 48);

		assertThat(signed.url()).isEqualTo(url);
		assertThat(signed.toString()).doesNotContain("s3cr3t").contains("e85980c9.jsonl?******");
		wireMock.server().verify(getRequestedFor(urlEqualTo("/v1/files/" + FILE_ID + "/url?expiry=48")));
		this.files.signedUrl(FILE_ID);
		wireMock.server()
			.verify(getRequestedFor(urlEqualTo("/v1/files/" + FILE_ID + "/url")).withQueryParam("expiry", absent()));
		assertThatIllegalArgumentException().isThrownBy(() -> this.files.signedUrl(FILE_ID, 169))
			.withMessageContaining("1 to 168 hours");
	}

	@Test
	void downloadsTheContentAsAStream() throws IOException {
		wireMock.server()
			.stubFor(get(urlEqualTo("/v1/files/" + FILE_ID + "/content")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/octet-stream")
				.withBody(TRAINING)));

		try (MistralDownload download = this.files.download(FILE_ID)) {
			assertThat(download.metadata().statusCode()).isEqualTo(200);
			assertThat(new String(download.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(TRAINING);
			assertThat(download.bytesRead()).isEqualTo(TRAINING.getBytes(StandardCharsets.UTF_8).length);
		}
		Path copy = this.dir.resolve("copy.jsonl");
		try (MistralDownload download = this.files.download(FILE_ID)) {
			assertThat(download.transferTo(copy)).isEqualTo(TRAINING.getBytes(StandardCharsets.UTF_8).length);
		}
		assertThat(copy).hasContent(TRAINING.strip());
	}

	@Test
	void aMalformedDownloadRaisesAnIoExceptionThatIsNotRetried() {
		MistralFilesClient retrying = new MistralFilesClient(wireMock.httpBuilder()
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)))
			.build());
		wireMock.server()
			.stubFor(get(urlEqualTo("/v1/files/" + FILE_ID + "/content"))
				.willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

		// Whether the garbage fails the call itself or the body stream depends on whether
		// the JDK client has
		// handed the headers over before it reads the first chunk: both are I/O failures,
		// neither is retried.
		// (DownloadTests cuts a body after its headers deterministically.)
		try (MistralDownload download = retrying.download(FILE_ID)) {
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> download.body().readAllBytes())
				.withMessageStartingWith("I/O error while downloading GET /v1/files/{file_id}/content");
		}
		catch (MistralIoException ex) {
			assertThat(ex).hasMessageStartingWith("I/O error during GET");
			assertThat(ex.isConnectFailure()).isFalse();
		}
		wireMock.server().verify(exactly(1), getRequestedFor(urlEqualTo("/v1/files/" + FILE_ID + "/content")));
	}

	/** Stubs in a scenario state, with the fixture checked against the spec. */
	static final class OpenApiFixtures {

		static void stubUpload(String state, String json) {
			dev.mistralboot.contract.OpenApiContract
				.ifAvailable((contract) -> contract.assertResponseValid("files_api_routes_upload_file", 200, json));
			wireMock.server()
				.stubFor(post(urlEqualTo("/v1/files")).inScenario("flaky")
					.whenScenarioStateIs(state)
					.willReturn(okJson(json)));
		}

	}

}
