package dev.mistralboot.client.core;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.mistralboot.client.core.TransportFaultMatrixTests.Transport;
import dev.mistralboot.client.test.FaultServer;
import dev.mistralboot.client.test.HangGuard;
import dev.mistralboot.client.test.RecordingSleeper;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Uploads have a timeout of their own on every transport: a stalled upload raises a
 * {@link MistralTimeoutException} naming {@code mistral.http.upload-timeout} (not an I/O
 * error such as {@code closed}), and the time a slow upload takes does not count against
 * the response timeout, which starts when the body has been sent.
 */
class UploadTimeoutTests {

	/**
	 * Larger than any loopback socket buffer, so the server's reading paces the client.
	 */
	static final int UPLOAD_SIZE = 96 * 1024 * 1024;

	static final String FILE_ANSWER = TransportFaultMatrixTests.FILE_ANSWER;

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aStalledUploadRaisesTheUploadTimeout(Transport transport) throws Exception {
		HangGuard.run(Duration.ofMinutes(2), "a stalled upload on " + transport, () -> stalledUpload(transport));
	}

	private static void stalledUpload(Transport transport) throws Exception {
		try (FaultServer server = new FaultServer((c, attempt) -> c.awaitClientClose(Duration.ofSeconds(20)), false)) {
			long start = System.nanoTime();
			MistralTimeoutException ex = catchThrowableOfType(MistralTimeoutException.class,
					() -> upload(transport, server.baseUrl(), Duration.ofSeconds(30), Duration.ofSeconds(2)));
			assertThat(ex).isNotNull();
			assertThat(ex.getMessage()).contains("stalled for longer than PT2S")
				.contains("mistral.http.upload-timeout");
			assertThat(ex.getTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
			// never retried (the body cannot be sent again); the server may not even have
			// parsed the request before the client dropped the connection (a reset
			// discards what it had not read yet)
			assertThat(server.requests()).hasSizeLessThanOrEqualTo(1);
			for (FaultServer.Request request : server.requests()) {
				// the body never arrived whole: only the operation is checked
				assertThat(OpenApiContract.get().operationId(request.method(), request.path(), null))
					.contains("files_api_routes_upload_file");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aSlowUploadDoesNotCountAgainstTheResponseTimeout(Transport transport) throws Exception {
		HangGuard.run(Duration.ofMinutes(2), "a slow upload on " + transport, () -> slowUpload(transport));
	}

	private static void slowUpload(Transport transport) throws Exception {
		// The response timeout (3 s) is shorter than the upload (96 MB read 8 MB at a
		// time,
		// 400 ms apart: about 5 s), and each pause far shorter than the upload timeout.
		// What the server still holds unread when the client has sent its last byte is
		// read within one pause, so a loaded machine has about 2.5 s to answer (a 1.5 s
		// timeout and 200 ms pauses failed at load 12).
		Duration responseTimeout = Duration.ofSeconds(3);
		AtomicLong readNanos = new AtomicLong();
		try (FaultServer server = new FaultServer((c, attempt) -> {
			long readStart = System.nanoTime();
			byte[] body = c.readBody(8 * 1024 * 1024, 400);
			readNanos.set(System.nanoTime() - readStart);
			assertThat(body.length).isGreaterThan(UPLOAD_SIZE);
			c.respond(200, "application/json", FILE_ANSWER);
		}, false)) {
			JsonNode file = upload(transport, server.baseUrl(), responseTimeout, Duration.ofSeconds(10));
			assertThat(file.path("filename").asString()).isEqualTo("train.jsonl");
			assertThat(server.requests()).hasSize(1);
			// the upload did outlast the response timeout (a loaded machine only makes it
			// longer), so the timeout cannot have been running while it was sent
			assertThat(Duration.ofNanos(readNanos.get())).isGreaterThan(responseTimeout);
		}
	}

	private static JsonNode upload(Transport transport, String baseUrl, Duration responseTimeout,
			Duration uploadTimeout) {
		ApiRequest request = request();
		if (transport.reactive()) {
			return ReactiveMistralHttp.builder()
				.baseUrl(baseUrl)
				.apiKey("test-key")
				.connector(new ReactorClientHttpConnector(TransportFaultMatrixTests.NETTY))
				.responseTimeout(responseTimeout)
				.uploadTimeout(uploadTimeout)
				.retryPolicy(RetryPolicy.NONE)
				.build()
				.execute(request, JsonNode.class)
				.block(Duration.ofSeconds(30))
				.body();
		}
		MistralHttp.Builder builder = MistralHttp.builder()
			.baseUrl(baseUrl)
			.apiKey("test-key")
			.responseTimeout(responseTimeout)
			.uploadTimeout(uploadTimeout)
			.retryPolicy(RetryPolicy.NONE)
			.sleeper(new RecordingSleeper());
		switch (transport) {
			case OWN_JDK -> builder.httpClient(TransportFaultMatrixTests.JDK);
			case SPRING_JDK -> builder.requestFactory(new JdkClientHttpRequestFactory(TransportFaultMatrixTests.JDK))
				.streamingRequestFactory(new JdkClientHttpRequestFactory(TransportFaultMatrixTests.JDK));
			default -> builder.requestFactory(TransportFaultMatrixTests.NETTY_FACTORY)
				.streamingRequestFactory(TransportFaultMatrixTests.NETTY_FACTORY);
		}
		return builder.build().execute(request, JsonNode.class).body();
	}

	private static ApiRequest request() {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("purpose", "fine-tune");
		parts.add("file", new InputStreamResource(new GeneratedContent(UPLOAD_SIZE)) {

			@Override
			public String getFilename() {
				return "train.jsonl";
			}

			@Override
			public long contentLength() {
				return UPLOAD_SIZE;
			}

		});
		return ApiRequest.post("/v1/files").operation("files.upload").multipart(parts, false).build();
	}

	/** Lines of JSON generated as they are read, never held in memory. */
	static final class GeneratedContent extends InputStream {

		private static final byte[] LINE = "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8);

		private long left;

		GeneratedContent(long size) {
			this.left = size;
		}

		@Override
		public int read() {
			if (this.left <= 0) {
				return -1;
			}
			return LINE[(int) (this.left-- % LINE.length)];
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (this.left <= 0) {
				return -1;
			}
			int count = (int) Math.min(len, this.left);
			for (int i = 0; i < count; i++) {
				b[off + i] = LINE[(int) ((this.left - i) % LINE.length)];
			}
			this.left -= count;
			return count;
		}

	}

}
