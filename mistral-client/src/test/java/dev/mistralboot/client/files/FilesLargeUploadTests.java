package dev.mistralboot.client.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that uploads are streamed: a generated file four times larger than the whole
 * heap of this test's JVM is uploaded to a loopback server that counts the bytes.
 * Surefire runs this class in its own JVM with {@code -Xmx64m} (execution
 * {@code large-upload} in the module's pom, which sets
 * {@code mistral.test.large-upload}), where buffering the body anywhere would end in an
 * {@link OutOfMemoryError}; in any other JVM it is skipped.
 */
class FilesLargeUploadTests {

	private static final long SIZE = 256L * 1024 * 1024;

	private static final byte[] LINE = "{\"custom_id\":\"0\",\"body\":{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}}\n"
		.getBytes(StandardCharsets.UTF_8);

	private static final String ANSWER = """
			{"id":"e85980c9-409e-4a46-9304-36588f6292b0","object":"file","bytes":268435456,"created_at":1759500189,
			 "filename":"big.jsonl","purpose":"batch","sample_type":"batch_request","source":"upload","num_lines":null,
			 "mimetype":"application/jsonl","signature":null}""";

	private HttpServer server;

	private final AtomicLong received = new AtomicLong();

	private final AtomicReference<String> contentType = new AtomicReference<>();

	private final AtomicReference<String> transferEncoding = new AtomicReference<>();

	private final ByteArrayOutputStream head = new ByteArrayOutputStream();

	private final byte[] tail = new byte[256];

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/files", (exchange) -> {
			this.contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
			this.transferEncoding.set(exchange.getRequestHeaders().getFirst("Transfer-Encoding"));
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			try (InputStream in = exchange.getRequestBody()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					if (this.head.size() < 4096) {
						this.head.write(buffer, 0, Math.min(read, 4096 - this.head.size()));
					}
					keepTail(buffer, read);
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

	private void keepTail(byte[] buffer, int read) {
		if (read >= this.tail.length) {
			System.arraycopy(buffer, read - this.tail.length, this.tail, 0, this.tail.length);
		}
		else {
			System.arraycopy(this.tail, read, this.tail, 0, this.tail.length - read);
			System.arraycopy(buffer, 0, this.tail, this.tail.length - read, read);
		}
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void uploadsAStreamLargerThanTheHeapWithoutBufferingIt() {
		Assumptions.assumeTrue(Boolean.getBoolean("mistral.test.large-upload"),
				"runs in the surefire execution large-upload, in a JVM with a small heap");
		assertThat(Runtime.getRuntime().maxMemory()).as("the heap of the large-upload execution (-Xmx64m)")
			.isLessThan(SIZE / 2);
		MistralFilesClient files = new MistralFilesClient(MistralHttp.builder()
			.baseUrl("http://127.0.0.1:" + this.server.getAddress().getPort())
			.apiKey("sk-test")
			.retryPolicy(RetryPolicy.NONE)
			.build());

		FileObject file = files.upload(UploadFileRequest.of(new GeneratedStream(SIZE), "big.jsonl")
			.purpose(FilePurpose.BATCH)
			.contentType("application/jsonl")
			.build());

		assertThat(file.bytes()).isEqualTo(SIZE);
		assertThat(this.transferEncoding.get()).isEqualTo("chunked");
		String head = this.head.toString(StandardCharsets.ISO_8859_1);
		int contentStart = head.indexOf("\r\n\r\n", head.indexOf("name=\"file\"")) + 4;
		assertThat(head.substring(contentStart)).startsWith(new String(LINE, StandardCharsets.UTF_8));
		String tail = new String(this.tail, StandardCharsets.ISO_8859_1);
		int contentEnd = tail.lastIndexOf("\r\n--");
		assertThat(this.received.get()).isEqualTo(contentStart + SIZE + (this.tail.length - contentEnd));
		// the request minus the file content still conforms to the API description
		byte[] envelope = (head.substring(0, contentStart) + "{}" + tail.substring(contentEnd))
			.getBytes(StandardCharsets.ISO_8859_1);
		OpenApiContract.ifAvailable((
				contract) -> assertThat(contract.validateRequest("POST", "/v1/files", this.contentType.get(), envelope))
					.isEmpty());
	}

	/** Generated JSONL content, never held in memory. */
	private static final class GeneratedStream extends InputStream {

		private final long size;

		private long position;

		GeneratedStream(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			if (this.position >= this.size) {
				return -1;
			}
			return LINE[(int) (this.position++ % LINE.length)];
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (this.position >= this.size) {
				return -1;
			}
			int count = (int) Math.min(len, this.size - this.position);
			for (int i = 0; i < count;) {
				int offset = (int) (this.position % LINE.length);
				int chunk = Math.min(count - i, LINE.length - offset);
				System.arraycopy(LINE, offset, b, off + i, chunk);
				i += chunk;
				this.position += chunk;
			}
			return count;
		}

	}

}
