package dev.mistralboot.client.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

import dev.mistralboot.client.core.TransportFaultMatrixTests.Transport;
import dev.mistralboot.client.test.FaultServer;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.client.JdkClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A download that stalls or is cut in the middle of its body is never reported as
 * complete, on every blocking transport: on Reactor Netty, the body the idle timeout
 * closes reads as an end of file, which used to end a download of 8,192 of 100,000 bytes
 * normally.
 */
class TruncatedDownloadTests {

	static final int SIZE = 100_000;

	static final int SENT = 8_192;

	@ParameterizedTest
	@EnumSource(value = Transport.class, names = { "OWN_JDK", "SPRING_JDK", "REACTOR_NETTY" })
	void aDownloadThatStallsMidBodyRaisesTheIdleTimeout(Transport transport) throws Exception {
		try (FaultServer server = new FaultServer((c, attempt) -> {
			c.head(200, "Content-Type", "application/octet-stream", "Content-Length", String.valueOf(SIZE));
			c.write("x".repeat(SENT));
			c.awaitClientClose(Duration.ofSeconds(20));
		})) {
			try (MistralDownload download = http(transport, server.baseUrl()).download(request())) {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				MistralTimeoutException ex = catchThrowableOfType(MistralTimeoutException.class,
						() -> download.transferTo(out));
				assertThat(ex).as("a stalled download must fail").isNotNull();
				assertThat(ex.getMessage()).contains("was silent for longer than PT1S after " + SENT + " bytes");
				assertThat(out.size()).isEqualTo(SENT);
				assertThat(download.bytesRead()).isEqualTo(SENT);
			}
			assertConform(server);
		}
	}

	@ParameterizedTest
	@EnumSource(value = Transport.class, names = { "OWN_JDK", "SPRING_JDK", "REACTOR_NETTY" })
	void aDownloadCutMidBodyIsNeverComplete(Transport transport) throws Exception {
		try (FaultServer server = new FaultServer((c, attempt) -> {
			c.head(200, "Content-Type", "application/octet-stream", "Content-Length", String.valueOf(SIZE));
			c.write("x".repeat(SENT));
			c.close();
		})) {
			// Reactor Netty may drop such an answer before handing over its headers (then
			// the call fails on the idle timeout); the other clients hand over the
			// headers
			// and fail the read
			Throwable thrown = catchThrowable(() -> {
				try (MistralDownload download = http(transport, server.baseUrl()).download(request())) {
					download.body().readAllBytes();
				}
			});
			assertThat(thrown).as("a cut download must fail")
				.isInstanceOfAny(IOException.class, MistralIoException.class);
			if (thrown instanceof IOException) {
				assertThat(thrown).hasMessageContaining("I/O error while downloading")
					.hasMessageContaining("after " + SENT + " bytes");
			}
			assertConform(server);
		}
	}

	private static void assertConform(FaultServer server) {
		for (FaultServer.Request request : server.requests()) {
			OpenApiContract.get().assertRequestValid(request.method(), request.path());
		}
	}

	private static ApiRequest request() {
		return ApiRequest.get("/v1/files/{file_id}/content", "file-1").operation("files.download").build();
	}

	private static MistralHttp http(Transport transport, String baseUrl) {
		MistralHttp.Builder builder = MistralHttp.builder()
			.baseUrl(baseUrl)
			.apiKey("test-key")
			.streamIdleTimeout(Duration.ofSeconds(1))
			.retryPolicy(RetryPolicy.NONE);
		switch (transport) {
			case OWN_JDK -> builder.httpClient(TransportFaultMatrixTests.JDK);
			case SPRING_JDK -> builder.requestFactory(new JdkClientHttpRequestFactory(TransportFaultMatrixTests.JDK))
				.streamingRequestFactory(new JdkClientHttpRequestFactory(TransportFaultMatrixTests.JDK));
			default -> builder.requestFactory(TransportFaultMatrixTests.NETTY_FACTORY)
				.streamingRequestFactory(TransportFaultMatrixTests.NETTY_FACTORY);
		}
		return builder.build();
	}

}
