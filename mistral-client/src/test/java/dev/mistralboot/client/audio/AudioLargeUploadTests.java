package dev.mistralboot.client.audio;

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
import dev.mistralboot.client.core.UploadBuffers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that audio is streamed both ways: audio more than twice as large as the whole
 * heap of this test's JVM is uploaded for transcription, from an input stream (blocking
 * client) and from a {@link Flux} of buffers generated on demand (reactive client), to a
 * loopback server that counts the bytes; and a speech answer larger than the heap (its
 * base64 audio generated as it is sent) is decoded into a counting output (blocking) and
 * into buffers released as they come (reactive). Surefire runs this class in the
 * {@code large-upload} execution ({@code -Xmx64m}), where holding the audio anywhere
 * would end in an {@link OutOfMemoryError}; in any other JVM it is skipped. The requests'
 * shape is checked against the API description by {@link MistralAudioClientTests}.
 */
class AudioLargeUploadTests {

	private static final long SIZE = 144L * 1024 * 1024;

	private static final int BUFFER = 64 * 1024;

	/** Speech audio of 96 MB, sent as 128 MB of base64: "abc" is "YWJj". */
	private static final long TRIPLES = 32L * 1024 * 1024;

	private static final byte[] TRIPLE = "abc".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ENCODED_TRIPLE = "YWJj".getBytes(StandardCharsets.US_ASCII);

	// not checked against the API description here: loading it would not fit this heap
	private static final String TRANSCRIPTION = """
			{"model":"voxtral-mini-2507","text":"A long meeting.","language":"en","segments":[],
			 "usage":{"prompt_tokens":4,"completion_tokens":4,"total_tokens":8,"prompt_audio_seconds":9000}}""";

	private HttpServer server;

	private final AtomicLong received = new AtomicLong();

	private final AtomicReference<String> transferEncoding = new AtomicReference<>();

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/audio/transcriptions", (exchange) -> {
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
			byte[] answer = TRANSCRIPTION.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		this.server.createContext("/v1/audio/speech", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			byte[] head = "{\"audio_data\":\"".getBytes(StandardCharsets.US_ASCII);
			byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
			byte[] block = new byte[BUFFER];
			for (int i = 0; i < block.length; i++) {
				block[i] = ENCODED_TRIPLE[i % ENCODED_TRIPLE.length];
			}
			long encoded = TRIPLES * ENCODED_TRIPLE.length;
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, head.length + encoded + tail.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(head);
				for (long sent = 0; sent < encoded; sent += block.length) {
					out.write(block, 0, (int) Math.min(block.length, encoded - sent));
				}
				out.write(tail);
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

	private MistralAudioClient blocking() {
		return new MistralAudioClient(
				MistralHttp.builder().baseUrl(baseUrl()).apiKey("sk-test").retryPolicy(RetryPolicy.NONE).build());
	}

	private ReactiveMistralAudioClient reactive() {
		return new ReactiveMistralAudioClient(ReactiveMistralHttp.builder()
			.baseUrl(baseUrl())
			.apiKey("sk-test")
			.retryPolicy(RetryPolicy.NONE)
			.connector(new JdkClientHttpConnector(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()))
			.build());
	}

	@Test
	void transcribesAnInputStreamLargerThanTheHeapWithoutBufferingIt() {
		Transcription transcription = blocking().transcribe(TranscriptionRequest.builder()
			.model("voxtral-mini-latest")
			.file(new GeneratedStream(SIZE), "meeting.wav")
			.build());

		assertThat(transcription.text()).isEqualTo("A long meeting.");
		assertThat(this.transferEncoding.get()).isEqualTo("chunked");
		// the audio and the multipart envelope around it (the model field, the headers)
		assertThat(this.received.get()).isGreaterThan(SIZE).isLessThan(SIZE + 1024);
	}

	@Test
	void transcribesAFluxLargerThanTheHeapWithoutHoldingIt() {
		byte[] chunk = new byte[BUFFER];
		Flux<DataBuffer> content = Flux.range(0, (int) (SIZE / BUFFER))
			.map((n) -> DefaultDataBufferFactory.sharedInstance.allocateBuffer(BUFFER).write(chunk));

		Transcription transcription = reactive()
			.transcribe(TranscriptionRequest.builder()
				.model("voxtral-mini-latest")
				.file(UploadBuffers.of(content, "meeting.wav"))
				.build())
			.block(Duration.ofMinutes(2));

		assertThat(transcription.usage().promptAudioSeconds()).isEqualTo(9000);
		assertThat(this.received.get()).isGreaterThan(SIZE).isLessThan(SIZE + 1024);
	}

	@Test
	void decodesSpeechLargerThanTheHeapWithoutHoldingIt() {
		CheckingOutput out = new CheckingOutput();

		long written = blocking().speak(SpeechRequest.builder().input("A long story.").build(), out);

		assertThat(written).isEqualTo(TRIPLES * TRIPLE.length);
		assertThat(out.count).isEqualTo(written);
		assertThat(out.mismatches).isZero();
	}

	@Test
	void decodesSpeechLargerThanTheHeapIntoBuffersReleasedAsTheyCome() {
		CheckingOutput out = new CheckingOutput();

		reactive().speak(SpeechRequest.builder().input("A long story.").build()).doOnNext((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			out.write(bytes, 0, bytes.length);
			DataBufferUtils.release(buffer);
		}).then().block(Duration.ofMinutes(2));

		assertThat(out.count).isEqualTo(TRIPLES * TRIPLE.length);
		assertThat(out.mismatches).isZero();
	}

	/** Counts the bytes written and how many differ from "abcabc...". */
	private static final class CheckingOutput extends OutputStream {

		private long count;

		private long mismatches;

		@Override
		public void write(int b) {
			if ((byte) b != TRIPLE[(int) (this.count % TRIPLE.length)]) {
				this.mismatches++;
			}
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			for (int i = off; i < off + len; i++) {
				write(b[i]);
			}
		}

	}

	/** Generated audio, never held in memory. */
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
