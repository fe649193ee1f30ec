package dev.mistralboot.client.libraries;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that document uploads are streamed: content more than twice as large as the
 * whole heap of this test's JVM is uploaded to a library, from an input stream (blocking
 * client) and from a {@link Flux} of buffers generated on demand (reactive client), to a
 * loopback server that counts the bytes. Surefire runs this class in the
 * {@code large-upload} execution ({@code -Xmx64m}), where holding the body anywhere would
 * end in an {@link OutOfMemoryError}; in any other JVM it is skipped. The requests' shape
 * is checked against the API description by {@link MistralLibrariesClientTests}.
 */
class LibrariesLargeUploadTests {

	private static final long SIZE = 144L * 1024 * 1024;

	private static final int BUFFER = 64 * 1024;

	private static final String PATH = "/v1/libraries/" + LibraryFixtures.LIBRARY_ID + "/documents";

	// not checked against the API description here: loading it would not fit this heap
	private static final String ANSWER = """
			{"id":"%s","library_id":"%s","hash":null,"mime_type":"text/plain","extension":"txt","size":150994944,
			 "name":"big.txt","created_at":"2026-12-01T10:00:00Z","process_status":"todo","uploaded_by_id":null,
			 "uploaded_by_type":"User","processing_status":"todo","tokens_processing_total":0}"""
		.formatted(LibraryFixtures.DOCUMENT_ID, LibraryFixtures.LIBRARY_ID);

	private HttpServer server;

	private final AtomicLong received = new AtomicLong();

	private final AtomicReference<String> transferEncoding = new AtomicReference<>();

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext(PATH, (exchange) -> {
			this.transferEncoding.set(exchange.getRequestHeaders().getFirst("Transfer-Encoding"));
			byte[] buffer = new byte[BUFFER];
			long total = 0;
			try (InputStream in = exchange.getRequestBody()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					total += read;
				}
			}
			this.received.set(total);
			byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(201, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private String baseUrl() {
		Assumptions.assumeTrue(Boolean.getBoolean("mistral.test.large-upload"),
				"runs in the surefire execution large-upload, in a JVM with a small heap");
		assertThat(Runtime.getRuntime().maxMemory()).as("the heap of the large-upload execution (-Xmx64m)")
			.isLessThan(SIZE / 2);
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Test
	void uploadsAnInputStreamLargerThanTheHeapWithoutBufferingIt() {
		MistralLibrariesClient libraries = new MistralLibrariesClient(
				MistralHttp.builder().baseUrl(baseUrl()).apiKey("sk-test").retryPolicy(RetryPolicy.NONE).build());

		Document document = libraries.uploadDocument(LibraryFixtures.LIBRARY_ID,
				UploadDocumentRequest.of(new GeneratedStream(SIZE), "big.txt").build());

		assertThat(document.id()).isEqualTo(LibraryFixtures.DOCUMENT_ID);
		assertThat(this.transferEncoding.get()).isEqualTo("chunked");
		// the content and the multipart envelope around it
		assertThat(this.received.get()).isGreaterThan(SIZE).isLessThan(SIZE + 1024);
	}

	@Test
	void uploadsAFluxLargerThanTheHeapWithoutHoldingIt() {
		ReactiveMistralLibrariesClient libraries = new ReactiveMistralLibrariesClient(ReactiveMistralHttp.builder()
			.baseUrl(baseUrl())
			.apiKey("sk-test")
			.retryPolicy(RetryPolicy.NONE)
			.connector(new JdkClientHttpConnector(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()))
			.build());
		byte[] chunk = new byte[BUFFER];
		Flux<DataBuffer> content = Flux.range(0, (int) (SIZE / BUFFER))
			.map((n) -> DefaultDataBufferFactory.sharedInstance.allocateBuffer(BUFFER).write(chunk));

		Document document = libraries.uploadDocument(LibraryFixtures.LIBRARY_ID, content, "big.bin")
			.block(Duration.ofMinutes(2));

		assertThat(document.id()).isEqualTo(LibraryFixtures.DOCUMENT_ID);
		assertThat(this.received.get()).isGreaterThan(SIZE).isLessThan(SIZE + 1024);
	}

	/** Generated text, never held in memory. */
	private static final class GeneratedStream extends InputStream {

		private final long size;

		private long position;

		GeneratedStream(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			return (this.position++ < this.size) ? 'a' : -1;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (this.position >= this.size) {
				return -1;
			}
			int count = (int) Math.min(len, this.size - this.position);
			Arrays.fill(b, off, off + count, (byte) 'a');
			this.position += count;
			return count;
		}

	}

}
