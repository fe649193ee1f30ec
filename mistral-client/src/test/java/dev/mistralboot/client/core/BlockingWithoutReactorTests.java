package dev.mistralboot.client.core;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import dev.mistralboot.client.audio.MistralAudioClient;
import dev.mistralboot.client.audio.TranscriptionRequest;
import dev.mistralboot.client.files.FilePurpose;
import dev.mistralboot.client.files.MistralFilesClient;
import dev.mistralboot.client.files.UploadFileRequest;
import dev.mistralboot.client.libraries.MistralLibrariesClient;
import dev.mistralboot.client.libraries.UploadDocumentRequest;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A servlet application has no Reactor on its class path: the blocking clients that
 * upload (files, library documents, audio) must load and send without it. The uploads run
 * in a class loader that sees the test class path minus Reactor and Reactive Streams,
 * against a loopback server that keeps each request.
 */
class BlockingWithoutReactorTests {

	private HttpServer server;

	private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

	private final Map<String, String> contentTypes = new ConcurrentHashMap<>();

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		answer("/v1/files", """
				{"id":"f1","object":"file","bytes":3,"created_at":1759500189,"filename":"a.jsonl","purpose":"batch",
				 "sample_type":"batch_request","source":"upload"}""");
		answer("/v1/libraries/", """
				{"id":"d1","library_id":"l1","name":"notes.md"}""");
		answer("/v1/audio/transcriptions", """
				{"model":"voxtral-mini-latest","text":"hello","language":"en","segments":[],
				 "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""");
		this.server.start();
	}

	private void answer(String path, String json) {
		this.server.createContext(path, (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				String key = exchange.getRequestURI().getPath();
				this.bodies.put(key, in.readAllBytes());
				this.contentTypes.put(key, exchange.getRequestHeaders().getFirst("Content-Type"));
			}
			byte[] answer = json.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void blockingUploadsNeedNoReactor(@TempDir Path directory) throws Exception {
		Path file = Files.writeString(directory.resolve("a.jsonl"), "{}\n");
		List<URL> classPath = new ArrayList<>();
		List<String> hidden = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (entry.contains("reactor") || entry.contains("reactive-streams")) {
				hidden.add(entry);
			}
			else {
				classPath.add(url(entry));
			}
		}
		assertThat(hidden).as("Reactor is on the test class path, so hiding it means something").isNotEmpty();
		String baseUrl = "http://127.0.0.1:" + this.server.getAddress().getPort();
		try (URLClassLoader loader = new URLClassLoader(classPath.toArray(URL[]::new),
				ClassLoader.getPlatformClassLoader())) {
			Constructor<?> constructor = loader.loadClass(Probe.class.getName())
				.getDeclaredConstructor(String.class, String.class);
			constructor.setAccessible(true);
			Callable<?> probe = (Callable<?>) constructor.newInstance(baseUrl, file.toString());
			assertThat(probe.call()).isEqualTo("no Reactor; f1 d1 hello");
			// AOT processing of a servlet app reflects over the request and answer types
			Path classes = Path.of(UploadContent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			List<String> reflected = new ArrayList<>();
			for (String family : List.of("files", "libraries", "audio")) {
				try (var paths = Files.list(classes.resolve("dev/mistralboot/client").resolve(family))) {
					for (String type : paths.map(Path::getFileName).map(Path::toString).sorted().toList()) {
						if (type.endsWith(".class") && !type.startsWith("Reactive")) {
							Class<?> loaded = loader
								.loadClass("dev.mistralboot.client." + family + "." + type.replace(".class", ""));
							loaded.getMethods();
							loaded.getDeclaredMethods();
							loaded.getDeclaredFields();
							loaded.getDeclaredConstructors();
							reflected.add(loaded.getSimpleName());
						}
					}
				}
			}
			assertThat(reflected).contains("UploadFileRequest", "UploadDocumentRequest", "TranscriptionRequest",
					"MistralAudioClient");
			Class<?> content = loader.loadClass(UploadContent.class.getName());
			assertThat(content.getMethods()).isNotEmpty();
			assertThat(content.getDeclaredFields()).isNotEmpty();
		}
		assertThat(part("/v1/files")).contains("filename=\"a.jsonl\"").contains("name=\"purpose\"");
		assertThat(part("/v1/libraries/l1/documents")).contains("filename=\"notes.md\"").contains("# Notes");
		assertThat(part("/v1/audio/transcriptions")).contains("filename=\"chime.wav\"").contains("voxtral-mini-latest");
		OpenApiContract.ifAvailable((contract) -> {
			for (String path : List.of("/v1/files", "/v1/libraries/l1/documents", "/v1/audio/transcriptions")) {
				assertThat(contract.validateRequest("POST", path, this.contentTypes.get(path), this.bodies.get(path)))
					.as(path)
					.isEmpty();
			}
		});
	}

	private String part(String path) {
		assertThat(this.bodies).containsKey(path);
		return new String(this.bodies.get(path), StandardCharsets.ISO_8859_1);
	}

	private static URL url(String entry) {
		try {
			return new File(entry).toURI().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs in the class loader without Reactor: one upload of each blocking family.
	 */
	public static final class Probe implements Callable<String> {

		private final String baseUrl;

		private final String file;

		Probe(String baseUrl, String file) {
			this.baseUrl = baseUrl;
			this.file = file;
		}

		@Override
		public String call() {
			String reactor;
			try {
				Class.forName("reactor.core.publisher.Flux");
				reactor = "Reactor visible";
			}
			catch (ClassNotFoundException ex) {
				reactor = "no Reactor";
			}
			MistralHttp http = MistralHttp.builder()
				.baseUrl(this.baseUrl)
				.apiKey("sk-test")
				.retryPolicy(RetryPolicy.NONE)
				.build();
			String fileId = new MistralFilesClient(http)
				.upload(UploadFileRequest.of(Path.of(this.file)).purpose(FilePurpose.BATCH).build())
				.id();
			String documentId = new MistralLibrariesClient(http)
				.uploadDocument("l1",
						UploadDocumentRequest
							.of(new ByteArrayInputStream("# Notes\n".getBytes(StandardCharsets.UTF_8)), "notes.md")
							.build())
				.id();
			String text = new MistralAudioClient(http).transcribe(TranscriptionRequest.builder()
				.model("voxtral-mini-latest")
				.file(new ByteArrayResource(new byte[] { 'R', 'I', 'F', 'F' }) {

					@Override
					public String getFilename() {
						return "chime.wav";
					}

				})
				.build()).text();
			return reactor + "; " + fileId + " " + documentId + " " + text;
		}

	}

}
