package dev.mistralboot.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: a careful hand-written client, what a developer who knows the JDK and
 * Jackson 3 would write for these three calls and nothing more. The JDK
 * {@link HttpClient} with {@link HttpClient#send} on the caller's thread, answers parsed
 * from the body stream into plain records; for streams a {@code String} per line and a
 * {@code readValue} per chunk; for embeddings each number read as a {@code double} into a
 * {@code float[]}. No retries, no timeouts beyond the connect timeout, no observations,
 * no error mapping: the practical lower bound for Java.
 */
public final class RawClient {

	private final HttpClient client;

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final URI chat;

	private final URI embeddings;

	private final String authorization;

	/**
	 * Creates the client.
	 * @param baseUrl the server, such as {@code http://127.0.0.1:8080}
	 * @param apiKey the key sent as a bearer token
	 */
	public RawClient(String baseUrl, String apiKey) {
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		this.chat = URI.create(baseUrl + "/v1/chat/completions");
		this.embeddings = URI.create(baseUrl + "/v1/embeddings");
		this.authorization = "Bearer " + apiKey;
	}

	/**
	 * Asks for a whole answer.
	 * @param text the question
	 * @return the answer's text
	 */
	public String complete(String text) {
		HttpRequest request = post(this.chat,
				new ChatRequest("mistral-small-latest", List.of(new Message("user", text)), false), "application/json");
		try (InputStream in = send(request)) {
			Completion completion = this.mapper.readValue(in, Completion.class);
			return completion.choices().get(0).message().content();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Streams an answer.
	 * @param text the question
	 * @return the number of chunks that carried text
	 */
	public int stream(String text) {
		HttpRequest request = post(this.chat,
				new ChatRequest("mistral-small-latest", List.of(new Message("user", text)), true), "text/event-stream");
		int chunks = 0;
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(send(request), StandardCharsets.UTF_8))) {
			String line;
			boolean done = false;
			while ((line = lines.readLine()) != null) {
				if (done || !line.startsWith("data:")) {
					continue;
				}
				String data = line.substring(5).trim();
				if (data.equals("[DONE]")) {
					done = true;
					continue;
				}
				Chunk chunk = this.mapper.readValue(data, Chunk.class);
				String content = chunk.choices().get(0).delta().content();
				if (content != null && !content.isEmpty()) {
					chunks++;
				}
			}
			if (!done) {
				throw new IllegalStateException("The stream ended without [DONE]");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return chunks;
	}

	/**
	 * Embeds texts.
	 * @param inputs the texts
	 * @return one vector per text
	 */
	public List<float[]> embed(List<String> inputs) {
		HttpRequest request = post(this.embeddings, new EmbeddingsRequest("mistral-embed", inputs), "application/json");
		List<float[]> vectors = new ArrayList<>(inputs.size());
		try (InputStream in = send(request); JsonParser parser = this.mapper.createParser(in)) {
			// {"data":[{"embedding":[...], ...}, ...], ...}: only the vectors are kept
			expect(parser.nextToken(), JsonToken.START_OBJECT);
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				JsonToken value = parser.nextToken();
				if (!"data".equals(parser.currentName())) {
					parser.skipChildren();
					continue;
				}
				expect(value, JsonToken.START_ARRAY);
				while (parser.nextToken() == JsonToken.START_OBJECT) {
					while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
						JsonToken field = parser.nextToken();
						if ("embedding".equals(parser.currentName())) {
							expect(field, JsonToken.START_ARRAY);
							vectors.add(readVector(parser));
						}
						else {
							parser.skipChildren();
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return vectors;
	}

	private static float[] readVector(JsonParser parser) {
		float[] vector = new float[1024];
		int size = 0;
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			if (size == vector.length) {
				vector = Arrays.copyOf(vector, size * 2);
			}
			vector[size++] = (float) parser.getDoubleValue();
		}
		return (size == vector.length) ? vector : Arrays.copyOf(vector, size);
	}

	private static void expect(JsonToken actual, JsonToken expected) {
		if (actual != expected) {
			throw new IllegalStateException("Expected " + expected + " but found " + actual);
		}
	}

	private HttpRequest post(URI uri, Object body, String accept) {
		return HttpRequest.newBuilder(uri)
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.mapper.writeValueAsBytes(body)))
			.build();
	}

	private InputStream send(HttpRequest request) throws IOException {
		HttpResponse<InputStream> response;
		try {
			response = this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		if (response.statusCode() != 200) {
			try (InputStream in = response.body()) {
				throw new IllegalStateException(
						"HTTP " + response.statusCode() + ": " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return response.body();
	}

	record Message(String role, String content) {
	}

	record ChatRequest(String model, List<Message> messages, boolean stream) {
	}

	record EmbeddingsRequest(String model, List<String> input) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Completion(String id, String model, List<Choice> choices, Usage usage) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Choice(int index, Message message, String finish_reason) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Chunk(String id, String model, List<StreamChoice> choices, Usage usage) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record StreamChoice(int index, Delta delta, String finish_reason) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Delta(String role, String content) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Usage(int prompt_tokens, int completion_tokens, int total_tokens) {
	}

}
