package dev.mistralboot.client.embeddings;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mistralboot.client.core.MistralJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures reading a 256 x 1024 embeddings answer (about 4.2 MB, like the live API's)
 * three ways: with {@link Embedding}'s deserializer, with Jackson's own {@code float[]}
 * handling, and as boxed {@code List<Float>}. Prints time and bytes allocated per parse.
 * Not a test (no assertion on a noisy machine); run it with
 * {@code java -cp <test classpath> dev.mistralboot.client.embeddings.EmbeddingsParsingMeasurement}.
 */
public final class EmbeddingsParsingMeasurement {

	private EmbeddingsParsingMeasurement() {
	}

	public static void main(String[] args) {
		byte[] answer = answer(256, 1024);
		System.out.printf("answer: %.2f MB%n", answer.length / 1e6);
		JsonMapper mapper = MistralJson.defaultMapper();
		for (int round = 0; round < 3; round++) {
			measure("Embedding deserializer", 40, () -> mapper.readValue(answer, EmbeddingResponse.class));
			measure("Jackson float[]       ", 40, () -> mapper.readValue(answer, JacksonFloats.class));
			measure("boxed List<Float>     ", 40, () -> mapper.readValue(answer, Boxed.class));
		}
	}

	static void measure(String name, int iterations, Runnable parse) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long threadId = Thread.currentThread().getId();
		for (int i = 0; i < 10; i++) {
			parse.run();
		}
		long bytes = threads.getThreadAllocatedBytes(threadId);
		long cpu = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < iterations; i++) {
			parse.run();
		}
		cpu = threads.getCurrentThreadCpuTime() - cpu;
		bytes = threads.getThreadAllocatedBytes(threadId) - bytes;
		System.out.printf("%s  %6.2f ms CPU/parse  %7.2f MB allocated/parse%n", name, cpu / 1e6 / iterations,
				bytes / 1e6 / iterations);
	}

	static byte[] answer(int vectors, int dimension) {
		Random random = new Random(42);
		StringBuilder json = new StringBuilder(vectors * dimension * 18);
		json.append("{\"id\":\"e1\",\"object\":\"list\",\"model\":\"mistral-embed\",\"data\":[");
		for (int v = 0; v < vectors; v++) {
			json.append((v > 0) ? "," : "").append("{\"object\":\"embedding\",\"embedding\":[");
			for (int d = 0; d < dimension; d++) {
				// like the live API: float32 values with few significant bits, such as
				// -0.016632080078125
				json.append((d > 0) ? "," : "").append(Math.round(random.nextGaussian() * 0.04 * 65536) / 65536.0);
			}
			json.append("],\"index\":").append(v).append('}');
		}
		json.append("],\"usage\":{\"prompt_tokens\":4096,\"completion_tokens\":0,\"total_tokens\":4096}}");
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record JacksonFloats(List<Item> data) {
		@JsonIgnoreProperties(ignoreUnknown = true)
		record Item(float[] embedding, int index) {
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Boxed(List<Item> data) {
		@JsonIgnoreProperties(ignoreUnknown = true)
		record Item(List<Float> embedding, int index) {
		}
	}

}
