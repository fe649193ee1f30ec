package dev.mistralboot.client.core;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Idle timeouts of downloads, against a loopback server that stops sending in the middle
 * of a body (WireMock's dribble delays the headers too, so it cannot show a silence after
 * them).
 */
class DownloadTests {

	private static final String PATH = "/v1/files/e85980c9-409e-4a46-9304-36588f6292b0/content";

	private HttpServer server;

	private final CountDownLatch release = new CountDownLatch(1);

	private final CountDownLatch written = new CountDownLatch(1);

	private volatile boolean slow = true;

	private volatile boolean cut;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/files/", (exchange) -> {
			OpenApiContract.ifAvailable((contract) -> contract.assertRequestValid(exchange.getRequestMethod(),
					exchange.getRequestURI().toString()));
			exchange.sendResponseHeaders(200, this.cut ? 1000 : 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(new byte[100]);
				out.flush();
				if (this.cut) {
					Thread.sleep(100);
					exchange.close();
					return;
				}
				if (this.slow) {
					this.release.await(30, TimeUnit.SECONDS);
				}
				out.write(new byte[50]);
				out.flush();
				this.written.countDown();
			}
			catch (InterruptedException | IOException ex) {
				// the client went away
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.server.stop(0);
	}

	private MistralHttp http(Duration idle) {
		return MistralHttp.builder()
			.baseUrl("http://127.0.0.1:" + this.server.getAddress().getPort())
			.apiKey("sk-test")
			.retryPolicy(RetryPolicy.NONE)
			.streamIdleTimeout(idle)
			.build();
	}

	private static ApiRequest download() {
		return ApiRequest.get(PATH).operation("files.download").build();
	}

	@Test
	void aBodyThatStopsComingTimesOutWithTheBytesReadSoFar() {
		try (MistralDownload download = http(Duration.ofSeconds(2)).download(download())) {
			// the server holds the rest back for 30 s: a timeout proves the 2 s limit
			// (long enough
			// for the headers to arrive on a loaded machine, which the limit also covers)
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> download.body().readAllBytes())
				.withMessageContaining("silent for longer than PT2S after 100 bytes")
				.withMessageContaining("mistral.http.stream-idle-timeout");
		}
	}

	@Test
	void transferToReportsTheTimeoutAsAMistralTimeoutException() {
		try (MistralDownload download = http(Duration.ofSeconds(2)).download(download())) {
			assertThatExceptionOfType(MistralTimeoutException.class)
				.isThrownBy(() -> download.transferTo(OutputStream.nullOutputStream()))
				.satisfies((ex) -> assertThat(ex.getTimeout()).isEqualTo(Duration.ofSeconds(2)));
		}
	}

	@Test
	void aBodyCutAfterTheHeadersRaisesAnIoExceptionFromTheStream() {
		this.cut = true;
		try (MistralDownload download = http(Duration.ofSeconds(5)).download(download())) {
			assertThat(download.metadata().statusCode()).isEqualTo(200);
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> download.body().readAllBytes())
				.withMessageStartingWith(
						"I/O error while downloading GET /v1/files/e85980c9-409e-4a46-9304-36588f6292b0/content (files.download) after 100 bytes")
				.withCauseInstanceOf(IOException.class);
		}
		try (MistralDownload download = http(Duration.ofSeconds(5)).download(download())) {
			assertThatExceptionOfType(MistralIoException.class)
				.isThrownBy(() -> download.transferTo(OutputStream.nullOutputStream()))
				.withMessageContaining("after 100 bytes")
				.satisfies((ex) -> assertThat(ex.isConnectFailure()).isFalse())
				.satisfies((ex) -> assertThat(ex).isNotInstanceOf(MistralTimeoutException.class));
		}
	}

	@Test
	void timeSpentByTheCallerBetweenReadsIsNotSilence() throws Exception {
		this.slow = false;
		try (MistralDownload download = http(Duration.ofMillis(200)).download(download())) {
			byte[] first = download.body().readNBytes(100);
			// the whole body is on its way before the caller dawdles: only the caller's
			// time (longer than the idle timeout) lies between the two reads
			assertThat(this.written.await(30, TimeUnit.SECONDS)).isTrue();
			Thread.sleep(500);
			byte[] rest = download.body().readAllBytes();
			assertThat(first.length + rest.length).isEqualTo(150);
			assertThat(download.bytesRead()).isEqualTo(150);
		}
	}

}
