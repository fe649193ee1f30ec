package dev.mistralboot.client.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
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
 * The reactive twin of {@link FilesLargeUploadTests}: {@link ReactiveMistralFilesClient}
 * uploads content four times larger than the heap of this test's JVM, from a {@link Flux}
 * of buffers generated on demand and from an input stream, to a loopback server that
 * counts the bytes. Surefire runs it in the {@code large-upload} execution
 * ({@code -Xmx64m}), where holding the body anywhere would end in an
 * {@link OutOfMemoryError}; in any other JVM it is skipped.
 */
class ReactiveFilesLargeUploadTests {

	private static final long SIZE = 256L * 1024 * 1024;

	private static final int BUFFER = 64 * 1024;

	private static final String ANSWER = """
			{"id":"e85980c9-409e-4a46-9304-36588f6292b0","object":"file","bytes":268435456,"created_at":1759500189,
			 "filename":"big.jsonl","purpose":"batch","sample_type":"batch_request","source":"upload","num_lines":null,
			 "mimetype":"application/jsonl","signature":null}""";

	private HttpServer server;

	private final AtomicLong received = new AtomicLong();

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/files", (exchange) -> {
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
			exchange.sendResponseHeaders(200, answer.length);
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

	private ReactiveMistralFilesClient files() {
		Assumptions.assumeTrue(Boolean.getBoolean("mistral.test.large-upload"),
				"runs in the surefire execution large-upload, in a JVM with a small heap");
		assertThat(Runtime.getRuntime().maxMemory()).as("the heap of the large-upload execution (-Xmx64m)")
			.isLessThan(SIZE / 2);
		return new ReactiveMistralFilesClient(ReactiveMistralHttp.builder()
			.baseUrl("http://127.0.0.1:" + this.server.getAddress().getPort())
			.apiKey("sk-test")
			.retryPolicy(RetryPolicy.NONE)
			.connector(new JdkClientHttpConnector(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()))
			.build());
	}

	@Test
	void uploadsAFluxLargerThanTheHeapWithoutHoldingIt() {
		ReactiveMistralFilesClient files = files();
		byte[] chunk = new byte[BUFFER];
		Flux<DataBuffer> content = Flux.range(0, (int) (SIZE / BUFFER))
			.map((n) -> DefaultDataBufferFactory.sharedInstance.allocateBuffer(BUFFER).write(chunk));

		FileObject file = files.upload(content, "big.jsonl", FilePurpose.BATCH).block(Duration.ofMinutes(2));

		assertThat(file.filename()).isEqualTo("big.jsonl");
		assertThat(this.received.get()).isGreaterThan(SIZE);
	}

	@Test
	void uploadsAnInputStreamLargerThanTheHeapWithoutHoldingIt() {
		ReactiveMistralFilesClient files = files();
		InputStream content = new InputStream() {

			private long position;

			@Override
			public int read() {
				return (this.position++ < SIZE) ? 'x' : -1;
			}

			@Override
			public int read(byte[] b, int off, int len) {
				if (this.position >= SIZE) {
					return -1;
				}
				int count = (int) Math.min(len, SIZE - this.position);
				this.position += count;
				return count;
			}

		};

		FileObject file = files.upload(UploadFileRequest.of(content, "big.jsonl").purpose(FilePurpose.BATCH).build())
			.block(Duration.ofMinutes(2));

		assertThat(file.filename()).isEqualTo("big.jsonl");
		assertThat(this.received.get()).isGreaterThan(SIZE);
	}

}
