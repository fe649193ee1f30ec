package dev.mistralboot.client.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.sun.net.httpserver.HttpServer;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.MistralServerException;
import dev.mistralboot.client.core.MistralUnprocessableEntityException;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RequestOptions;
import dev.mistralboot.client.core.ResponseMetadata;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;

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

/**
 * {@link ReactiveMistralFilesClient} over HTTP: uploads from a path, a resource and a
 * {@link Flux} of buffers (retried only when the content can be read again, and streamed
 * as it comes), every list, read, delete and signed-URL operation, pages walked on
 * demand, downloads as buffers, and typed errors.
 */
class ReactiveMistralFilesClientTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String FILE_ID = FilesClientTests.FILE_ID;

	static final String TRAINING = FilesClientTests.TRAINING;

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	@TempDir
	Path dir;

	private final ReactiveMistralFilesClient files = new ReactiveMistralFilesClient(wireMock.reactiveHttp());

	private static ReactiveMistralFilesClient retrying() {
		return new ReactiveMistralFilesClient(wireMock.reactiveHttpBuilder()
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)))
			.build());
	}

	private static Flux<DataBuffer> buffers(String... parts) {
		return Flux.fromArray(parts)
			.map((part) -> DefaultDataBufferFactory.sharedInstance.wrap(part.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void uploadsAPathAsAMultipartFormWithEveryField() throws IOException {
		Path train = Files.writeString(this.dir.resolve("train.jsonl"), TRAINING);
		wireMock.stubJson(post(urlEqualTo("/v1/files")), "files_api_routes_upload_file", FilesClientTests.UPLOADED);

		MistralResponse<FileObject> response = this.files
			.uploadWithResponse(UploadFileRequest.of(train)
				.purpose(FilePurpose.FINE_TUNE)
				.expiry(24)
				.visibility(FileVisibility.USER)
				.contentType("application/jsonl")
				.build())
			.block(WAIT);

		assertThat(response.body().id()).isEqualTo(FILE_ID);
		assertThat(response.body().purpose()).isEqualTo(FilePurpose.FINE_TUNE);
		assertThat(response.metadata().statusCode()).isEqualTo(200);
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/files"))
				.withHeader("Content-Type", containing("multipart/form-data"))
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
	void uploadsAResourceAndAFluxOfBuffers() {
		wireMock.stubJson(post(urlEqualTo("/v1/files")), "files_api_routes_upload_file", FilesClientTests.UPLOADED);

		this.files
			.upload(UploadFileRequest.of(new ByteArrayResource("{\"custom_id\":\"1\",\"body\":{}}\n".getBytes()))
				.filename("requests.jsonl")
				.purpose(FilePurpose.BATCH)
				.build())
			.block(WAIT);
		FileObject fromBuffers = this.files
			.upload(buffers("{\"custom_id\":\"2\",", "\"body\":{}}\n"), "part.jsonl", FilePurpose.BATCH)
			.block(WAIT);

		assertThat(fromBuffers.id()).isEqualTo(FILE_ID);
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/files"))
				.withRequestBodyPart(aMultipart("purpose").withBody(equalTo("batch")).build())
				.withRequestBodyPart(
						aMultipart("file").withHeader("Content-Disposition", containing("filename=\"requests.jsonl\""))
							.withBody(equalTo("{\"custom_id\":\"1\",\"body\":{}}\n"))
							.build()));
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/files")).withRequestBodyPart(
					aMultipart("file").withHeader("Content-Disposition", containing("filename=\"part.jsonl\""))
						.withBody(equalTo("{\"custom_id\":\"2\",\"body\":{}}\n"))
						.build()));
	}

	@Test
	void aPathUploadIsRetriedWithTheWholeContentAFluxUploadNever() throws IOException {
		Path train = Files.writeString(this.dir.resolve("train.jsonl"), TRAINING);
		wireMock.server()
			.stubFor(post(urlEqualTo("/v1/files")).inScenario("flaky")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503).withBody("busy"))
				.willSetStateTo("up"));
		wireMock.server()
			.stubFor(post(urlEqualTo("/v1/files")).inScenario("flaky")
				.whenScenarioStateIs("up")
				.willReturn(okJson(MistralWireMock.conformingResponse("files_api_routes_upload_file",
						FilesClientTests.UPLOADED))));

		assertThat(
				retrying().upload(UploadFileRequest.of(train).purpose(FilePurpose.FINE_TUNE).build()).block(WAIT).id())
			.isEqualTo(FILE_ID);
		wireMock.server()
			.verify(exactly(2), postRequestedFor(urlEqualTo("/v1/files"))
				.withRequestBodyPart(aMultipart("file").withBody(equalTo(TRAINING)).build()));

		wireMock.server().resetAll();
		wireMock.server()
			.stubFor(post(urlEqualTo("/v1/files")).willReturn(aResponse().withStatus(503)
				.withHeader("Content-Type", "text/html")
				.withBody("<html><body>503 Service Temporarily Unavailable</body></html>")));
		StepVerifier.create(retrying().upload(buffers(TRAINING), "train.jsonl", FilePurpose.FINE_TUNE))
			.expectError(MistralServerException.class)
			.verify(WAIT);
		wireMock.server().verify(exactly(1), postRequestedFor(urlEqualTo("/v1/files")));
	}

	@Test
	void uploadErrorsCarryTheFieldErrors() {
		wireMock.server()
			.stubFor(post(urlEqualTo("/v1/files")).willReturn(aResponse().withStatus(422)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"detail\":[{\"type\":\"enum\",\"loc\":[\"body\",\"purpose\"],"
						+ "\"msg\":\"Input should be 'fine-tune', 'batch' or 'ocr'\",\"input\":\"x\"}]}")));

		StepVerifier.create(this.files.upload(buffers(TRAINING), "train.jsonl", null))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralUnprocessableEntityException.class)
				.hasMessageContaining("purpose")
				.hasMessageNotContaining(MistralWireMock.API_KEY))
			.verify(WAIT);
	}

	@Test
	void badUploadsAreRejectedBeforeSending() {
		StepVerifier.create(this.files.upload(buffers("x"), " ", null))
			.expectErrorMessage("An uploaded file needs a file name, such as \"train.jsonl\"")
			.verify(WAIT);
		StepVerifier
			.create(this.files.uploadWithResponse(buffers("x"), "a.jsonl", null, FilePurpose.UNKNOWN, null, null))
			.expectError(IllegalArgumentException.class)
			.verify(WAIT);
		StepVerifier.create(this.files.uploadWithResponse(buffers("x"), "a.jsonl", null, null, 0, null))
			.expectError(IllegalArgumentException.class)
			.verify(WAIT);
		assertThat(wireMock.requestCount()).isZero();
	}

	/**
	 * The second half of the content is emitted only once the server has read the first
	 * half: an upload that gathered its body before sending it would never finish.
	 */
	@Test
	void aFluxUploadIsStreamedAsItComes() throws Exception {
		byte[] half = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n".repeat(1500)
			.getBytes(StandardCharsets.UTF_8);
		CountDownLatch firstHalfRead = new CountDownLatch(1);
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		AtomicReference<String> contentType = new AtomicReference<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v1/files", (exchange) -> {
			contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
			byte[] buffer = new byte[8192];
			try (InputStream in = exchange.getRequestBody()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					received.write(buffer, 0, read);
					if (received.size() >= half.length) {
						firstHalfRead.countDown();
					}
				}
			}
			byte[] answer = FilesClientTests.UPLOADED.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		server.start();
		try {
			ReactiveMistralFilesClient client = new ReactiveMistralFilesClient(ReactiveMistralHttp.builder()
				.baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
				.apiKey("sk-test")
				.retryPolicy(RetryPolicy.NONE)
				.connector(new JdkClientHttpConnector())
				.build());
			Flux<DataBuffer> content = Flux.concat(
					Mono.fromSupplier(() -> DefaultDataBufferFactory.sharedInstance.wrap(half)),
					Mono.fromCallable(() -> {
						if (!firstHalfRead.await(30, TimeUnit.SECONDS)) {
							throw new IllegalStateException("the server never saw the first half");
						}
						return DefaultDataBufferFactory.sharedInstance.wrap(half);
					}).subscribeOn(Schedulers.boundedElastic()));

			FileObject file = client.upload(content, "train.jsonl", FilePurpose.FINE_TUNE).block(WAIT);

			assertThat(file.id()).isEqualTo(FILE_ID);
			String body = received.toString(StandardCharsets.ISO_8859_1);
			String halfText = new String(half, StandardCharsets.ISO_8859_1);
			assertThat(body).contains(halfText + halfText);
			OpenApiContract.ifAvailable((contract) -> assertThat(
					contract.validateRequest("POST", "/v1/files", contentType.get(), received.toByteArray()))
				.isEmpty());
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void listsWithEveryFilterAndWalksPagesOnDemand() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/files")), "files_api_routes_list_files",
				"{\"data\":[" + FilesClientTests.UPLOADED + "],\"object\":\"list\",\"total\":1}");

		FileList page = this.files
			.list(ListFilesRequest.builder()
				.page(2)
				.pageSize(10)
				.includeTotal(true)
				.sampleType(SampleType.BATCH_RESULT, SampleType.BATCH_ERROR)
				.purpose(FilePurpose.BATCH)
				.build())
			.block(WAIT);
		assertThat(this.files.list().block(WAIT).data()).hasSize(1);

		assertThat(page.total()).isEqualTo(1);
		wireMock.server()
			.verify(getRequestedFor(urlEqualTo("/v1/files?page=2&page_size=10&include_total=true"
					+ "&sample_type=batch_result&sample_type=batch_error&purpose=batch")));
		wireMock.server().verify(getRequestedFor(urlEqualTo("/v1/files")));

		wireMock.server().resetAll();
		for (int n = 0; n < 3; n++) {
			String data = (n < 2) ? file(n * 2) + "," + file(n * 2 + 1) : file(4);
			wireMock.stubJson(get(urlPathEqualTo("/v1/files")).withQueryParam("page", equalTo(String.valueOf(n))),
					"files_api_routes_list_files", "{\"data\":[" + data + "],\"object\":\"list\",\"total\":5}");
		}
		List<String> names = this.files
			.listAll(ListFilesRequest.builder().pageSize(2).purpose(FilePurpose.BATCH).build())
			.map(FileObject::filename)
			.collectList()
			.block(WAIT);
		assertThat(names).containsExactly("f0.jsonl", "f1.jsonl", "f2.jsonl", "f3.jsonl", "f4.jsonl");
		for (int n = 0; n < 3; n++) {
			wireMock.server().verify(getRequestedFor(urlEqualTo("/v1/files?page=" + n + "&page_size=2&purpose=batch")));
		}
		wireMock.server().verify(exactly(3), getRequestedFor(urlPathEqualTo("/v1/files")));

		wireMock.server().resetRequests();
		assertThat(this.files.listAll(ListFilesRequest.builder().pageSize(2).build()).take(2).collectList().block(WAIT))
			.hasSize(2);
		wireMock.server().verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/files")));
	}

	@Test
	void listAllWithoutTotalStopsAtAShortPage() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/files")).withQueryParam("page", equalTo("0")),
				"files_api_routes_list_files", "{\"data\":[" + file(0) + "," + file(1) + "],\"object\":\"list\"}");
		wireMock.stubJson(get(urlPathEqualTo("/v1/files")).withQueryParam("page", equalTo("1")),
				"files_api_routes_list_files", "{\"data\":[" + file(2) + "],\"object\":\"list\"}");

		StepVerifier.create(this.files.listAll(ListFilesRequest.builder().pageSize(2).build()))
			.expectNextCount(3)
			.verifyComplete();
		wireMock.server().verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1/files")));
	}

	private static String file(int n) {
		return """
				{"id":"00000000-0000-4000-8000-00000000000%d","object":"file","bytes":120,"created_at":1759491994,
				 "filename":"f%d.jsonl","purpose":"batch","sample_type":"batch_result","source":"mistral","num_lines":2,
				 "mimetype":"application/jsonl","signature":null}""".formatted(n, n);
	}

	@Test
	void getsDeletesAndSignsAFile() {
		wireMock.stubJson(get(urlEqualTo("/v1/files/" + FILE_ID)), "files_api_routes_retrieve_file",
				FilesClientTests.UPLOADED.replace("\"visibility\":\"user\"",
						"\"visibility\":\"user\",\"deleted\":false"));
		wireMock.stubJson(delete(urlEqualTo("/v1/files/" + FILE_ID)), "files_api_routes_delete_file",
				"{\"id\":\"" + FILE_ID + "\",\"object\":\"file\",\"deleted\":true}");
		wireMock.stubJson(get(urlPathEqualTo("/v1/files/" + FILE_ID + "/url")), "files_api_routes_get_signed_url",
				"{\"url\":\"https://files.example.com/e85980c9.jsonl?sig=s3cr3t\"}");

		assertThat(this.files.get(FILE_ID).block(WAIT).deleted()).isFalse();
		assertThat(this.files.delete(FILE_ID).block(WAIT).deleted()).isTrue();
		assertThat(this.files.signedUrl(FILE_ID, 48).block(WAIT).url()).endsWith("sig=s3cr3t");
		assertThat(this.files.signedUrl(FILE_ID).block(WAIT).toString()).doesNotContain("s3cr3t");
		wireMock.server().verify(getRequestedFor(urlEqualTo("/v1/files/" + FILE_ID + "/url?expiry=48")));
		wireMock.server()
			.verify(getRequestedFor(urlEqualTo("/v1/files/" + FILE_ID + "/url")).withQueryParam("expiry", absent()));
		StepVerifier.create(this.files.signedUrl(FILE_ID, 169))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("1 to 168 hours"))
			.verify(WAIT);
	}

	@Test
	void downloadsTheContentAsBuffers() throws IOException {
		byte[] content = TRAINING.repeat(500).getBytes(StandardCharsets.UTF_8);
		wireMock.server()
			.stubFor(get(urlEqualTo("/v1/files/" + FILE_ID + "/content")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/octet-stream")
				.withBody(content)));

		byte[] joined = DataBufferUtils.join(this.files.download(FILE_ID)).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).block(WAIT);
		Path copy = this.dir.resolve("copy.jsonl");
		DataBufferUtils.write(this.files.download(FILE_ID), copy).block(WAIT);

		assertThat(Arrays.equals(joined, content)).isTrue();
		assertThat(Files.readAllBytes(copy)).isEqualTo(content);
	}

	@Test
	void aDownloadAppliesTheClientsOptions() {
		wireMock.server()
			.stubFor(get(urlEqualTo("/v1/files/" + FILE_ID + "/content")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/octet-stream")
				.withHeader("mistral-correlation-id", "d0wn")
				.withBody(TRAINING)));
		List<ResponseMetadata> seen = new CopyOnWriteArrayList<>();

		long bytes = this.files
			.withOptions(RequestOptions.builder().header("X-Tenant", "cheese-shop").onResponse(seen::add).build())
			.download(FILE_ID)
			.map((buffer) -> {
				int count = buffer.readableByteCount();
				DataBufferUtils.release(buffer);
				return (long) count;
			})
			.reduce(0L, Long::sum)
			.block(WAIT);

		assertThat(bytes).isEqualTo(TRAINING.getBytes(StandardCharsets.UTF_8).length);
		assertThat(seen).singleElement().extracting(ResponseMetadata::correlationId).isEqualTo("d0wn");
		wireMock.server()
			.verify(getRequestedFor(urlEqualTo("/v1/files/" + FILE_ID + "/content")).withHeader("X-Tenant",
					equalTo("cheese-shop")));
	}

	@Test
	void downloadingAMissingFileIsSignalledAsNotFound() {
		wireMock.server()
			.stubFor(get(urlEqualTo("/v1/files/missing/content")).willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"detail\":\"File not found\"}")));

		StepVerifier.create(this.files.download("missing"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralNotFoundException.class)
				.hasMessageContaining("File not found"))
			.verify(WAIT);
		StepVerifier.create(this.files.download(" ")).expectError(IllegalArgumentException.class).verify(WAIT);
	}

}
