package dev.mistralboot.test;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.mistralboot.client.chat.FinishReason;
import dev.mistralboot.client.core.MistralJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON bodies {@link MockMistral} serves, shaped like the live API's answers
 * and conforming to the response schemas of the OpenAPI description (with its documented
 * live-API relaxations).
 */
final class MockResponses {

	/** The mapper for requests and responses: the client's own configuration. */
	static final JsonMapper JSON = MistralJson.defaultMapper();

	/**
	 * Words too common to tell texts apart: without them, "the" and "of" would dominate
	 * mock similarities.
	 */
	private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "from", "for",
			"by", "with", "and", "or", "but", "not", "no", "is", "are", "was", "were", "be", "been", "it", "its",
			"this", "that", "these", "those", "as", "into", "than", "then", "so", "what", "which", "who", "whom", "how",
			"when", "where", "why", "do", "does", "did", "i", "me", "my", "you", "your", "we", "our", "they", "their",
			"he", "she", "his", "her", "there", "here", "can", "will", "would", "about", "s");

	private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private MockResponses() {
	}

	// ------------------------------------------------------------------------------------------
	// chat

	static ObjectNode chatCompletion(String model, MockChatReply reply, int promptTokens) {
		ObjectNode root = base(randomHex(), "chat.completion", model);
		root.put("created", now());
		root.set("usage", usage(promptTokens, completionTokens(reply)));
		ObjectNode choice = root.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		message.put("content", reply.text());
		if (reply.toolCalls().isEmpty()) {
			message.putNull("tool_calls");
		}
		else {
			toolCalls(message.putArray("tool_calls"), reply.toolCalls());
		}
		message.put("prefix", false);
		choice.put("finish_reason", reply.finishReason().value());
		return root;
	}

	/**
	 * The server-sent events of a streamed reply, like the live API: a role-only first
	 * chunk, one chunk per piece, a last chunk with the finish reason and usage (tool
	 * calls travel whole in that last chunk), then {@code [DONE]}.
	 */
	static List<String> chatChunks(String model, MockChatReply reply, int promptTokens) {
		String id = randomHex();
		long created = now();
		List<String> events = new java.util.ArrayList<>();
		ObjectNode first = chunk(id, model, created);
		ObjectNode firstDelta = (ObjectNode) first.path("choices").get(0).path("delta");
		firstDelta.put("role", "assistant");
		firstDelta.put("content", "");
		events.add(first.toString());
		for (String piece : reply.pieces()) {
			ObjectNode next = chunk(id, model, created);
			((ObjectNode) next.path("choices").get(0).path("delta")).put("content", piece);
			events.add(next.toString());
		}
		ObjectNode last = chunk(id, model, created);
		ObjectNode lastChoice = (ObjectNode) last.path("choices").get(0);
		ObjectNode lastDelta = (ObjectNode) lastChoice.path("delta");
		if (reply.toolCalls().isEmpty()) {
			lastDelta.put("content", "");
		}
		else {
			toolCalls(lastDelta.putArray("tool_calls"), reply.toolCalls());
		}
		// Stream chunks know no "model_length": the nearest is "length".
		FinishReason finish = (reply.finishReason() == FinishReason.MODEL_LENGTH) ? FinishReason.LENGTH
				: reply.finishReason();
		lastChoice.put("finish_reason", finish.value());
		last.set("usage", usage(promptTokens, completionTokens(reply)));
		events.add(last.toString());
		events.add("[DONE]");
		return events;
	}

	private static ObjectNode chunk(String id, String model, long created) {
		ObjectNode chunk = base(id, "chat.completion.chunk", model);
		chunk.put("created", created);
		ObjectNode choice = chunk.putArray("choices").addObject();
		choice.put("index", 0);
		choice.putObject("delta");
		choice.putNull("finish_reason");
		return chunk;
	}

	private static void toolCalls(ArrayNode into, List<MockChatReply.Call> calls) {
		for (int i = 0; i < calls.size(); i++) {
			MockChatReply.Call call = calls.get(i);
			ObjectNode toolCall = into.addObject();
			toolCall.put("id", toolCallId());
			toolCall.put("type", "function");
			ObjectNode function = toolCall.putObject("function");
			function.put("name", call.name());
			function.put("arguments", call.arguments());
			toolCall.put("index", i);
		}
	}

	private static int completionTokens(MockChatReply reply) {
		int tokens = tokens(reply.text());
		for (MockChatReply.Call call : reply.toolCalls()) {
			tokens += tokens(call.name()) + tokens(call.arguments());
		}
		return Math.max(tokens, 1);
	}

	// ------------------------------------------------------------------------------------------
	// embeddings

	/**
	 * An embeddings answer whose values have the requested {@code output_dtype}: floats,
	 * or the float vector quantized like the API's integer types ({@code int8}:
	 * -128..127, {@code uint8}: 0..255, {@code binary} and {@code ubinary}: one bit per
	 * dimension, the sign, packed eight to a value, signed or unsigned).
	 */
	static ObjectNode embeddings(String model, List<String> inputs, int dimension, String dtype) {
		ObjectNode root = base(randomHex(), "list", model);
		ArrayNode data = root.putArray("data");
		int promptTokens = 0;
		for (int i = 0; i < inputs.size(); i++) {
			ObjectNode item = data.addObject();
			item.put("object", "embedding");
			ArrayNode vector = item.putArray("embedding");
			float[] values = embedding(inputs.get(i), dimension);
			switch (dtype) {
				case "int8" -> {
					for (float value : values) {
						vector.add(Math.max(-128, Math.min(127, Math.round(value * 127f))));
					}
				}
				case "uint8" -> {
					for (float value : values) {
						vector.add(Math.max(0, Math.min(255, Math.round((value + 1f) * 127.5f))));
					}
				}
				case "binary", "ubinary" -> {
					for (int bits : packedSigns(values)) {
						vector.add(dtype.equals("binary") ? (int) (byte) bits : bits);
					}
				}
				default -> {
					for (float value : values) {
						vector.add(value);
					}
				}
			}
			item.put("index", i);
			promptTokens += tokens(inputs.get(i));
		}
		root.set("usage", usage(promptTokens, 0));
		return root;
	}

	/**
	 * One bit per value, 1 for a positive value, eight to a byte (first value in the
	 * highest bit), as 0..255.
	 */
	private static int[] packedSigns(float[] values) {
		int[] packed = new int[(values.length + 7) / 8];
		for (int i = 0; i < values.length; i++) {
			if (values[i] > 0) {
				packed[i / 8] |= 0x80 >>> (i % 8);
			}
		}
		return packed;
	}

	/**
	 * A deterministic unit vector for a text: a hashed bag of its words, common English
	 * words left out, so that texts sharing words are close by cosine similarity and a
	 * semantic search over mock embeddings gives plausible results.
	 */
	static float[] embedding(String text, int dimension) {
		float[] vector = new float[dimension];
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (word.isEmpty() || STOP_WORDS.contains(word)) {
				continue;
			}
			String stem = (word.length() > 3 && word.endsWith("s")) ? word.substring(0, word.length() - 1) : word;
			int hash = stem.hashCode() * 0x9E3779B1;
			int index = Math.floorMod(hash, dimension);
			vector[index] += ((hash >>> 31) == 0) ? 1f : -1f;
		}
		double norm = 0;
		for (float value : vector) {
			norm += value * value;
		}
		if (norm == 0) {
			vector[0] = 1f;
			return vector;
		}
		float scale = (float) (1 / Math.sqrt(norm));
		for (int i = 0; i < dimension; i++) {
			vector[i] *= scale;
		}
		return vector;
	}

	// ------------------------------------------------------------------------------------------
	// files

	static ObjectNode file(MockMistralHandler.StoredFile file, boolean withDeleted) {
		ObjectNode node = JSON.createObjectNode();
		node.put("id", file.id());
		node.put("object", "file");
		node.put("bytes", file.content().length);
		node.put("created_at", file.createdAt());
		node.put("filename", file.filename());
		node.put("purpose", file.purpose());
		node.put("sample_type", file.purpose().equals("batch") ? "batch_request" : "instruct");
		node.put("num_lines", file.lines());
		node.put("mimetype", file.filename().endsWith(".jsonl") ? "application/jsonl" : "application/octet-stream");
		node.put("source", "upload");
		node.putNull("signature");
		node.putNull("expires_at");
		node.put("visibility", file.visibility());
		if (withDeleted) {
			node.put("deleted", false);
		}
		return node;
	}

	static ObjectNode fileDeleted(String id) {
		ObjectNode node = JSON.createObjectNode();
		node.put("id", id);
		node.put("object", "file");
		node.put("deleted", true);
		return node;
	}

	static ObjectNode list(List<ObjectNode> items) {
		ObjectNode node = JSON.createObjectNode();
		ArrayNode data = node.putArray("data");
		items.forEach(data::add);
		node.put("object", "list");
		node.put("total", items.size());
		return node;
	}

	// ------------------------------------------------------------------------------------------
	// fine-tuning

	static ObjectNode job(MockMistralHandler.StoredJob job, boolean detailed) {
		ObjectNode node = JSON.createObjectNode();
		node.put("id", job.id());
		node.put("auto_start", job.autoStart());
		node.put("model", job.model());
		node.put("status", job.status());
		node.put("created_at", job.createdAt());
		node.put("modified_at", job.modifiedAt());
		ArrayNode training = node.putArray("training_files");
		job.trainingFiles().forEach(training::add);
		node.putArray("validation_files");
		node.put("object", "job");
		if (job.status().equals("SUCCESS")) {
			node.put("fine_tuned_model", "ft:" + job.model() + ":" + job.id().substring(0, 8) + ":"
					+ ((job.suffix() != null) ? job.suffix() : "mock"));
		}
		else {
			node.putNull("fine_tuned_model");
		}
		if (job.suffix() != null) {
			node.put("suffix", job.suffix());
		}
		else {
			node.putNull("suffix");
		}
		node.putNull("integrations");
		if (job.status().equals("SUCCESS")) {
			node.put("trained_tokens", job.trainTokens());
		}
		else {
			node.putNull("trained_tokens");
		}
		ObjectNode metadata = node.putObject("metadata");
		metadata.put("expected_duration_seconds", 240);
		metadata.put("cost", job.cost());
		metadata.put("cost_currency", "EUR");
		metadata.put("train_tokens_per_step", 131072);
		metadata.put("train_tokens", job.trainTokens());
		metadata.put("data_tokens", job.dataTokens());
		metadata.putNull("estimated_start_time");
		node.put("job_type", "completion");
		ObjectNode hyperparameters = node.putObject("hyperparameters");
		hyperparameters.put("training_steps", job.trainingSteps());
		hyperparameters.put("learning_rate", job.learningRate());
		node.putArray("repositories");
		if (detailed) {
			ArrayNode events = node.putArray("events");
			for (MockMistralHandler.StatusChange change : job.history()) {
				ObjectNode event = events.addObject();
				event.put("name", "status-updated");
				event.putObject("data").put("status", change.status());
				event.put("created_at", change.at());
			}
			ArrayNode checkpoints = node.putArray("checkpoints");
			if (job.status().equals("SUCCESS")) {
				ObjectNode checkpoint = checkpoints.addObject();
				ObjectNode metrics = checkpoint.putObject("metrics");
				metrics.put("train_loss", 0.8123);
				metrics.put("valid_loss", 0.9021);
				metrics.put("valid_mean_token_accuracy", 0.7734);
				checkpoint.put("step_number", job.trainingSteps());
				checkpoint.put("created_at", job.modifiedAt());
			}
		}
		return node;
	}

	static ObjectNode dryRun(long dataTokens, int trainingSteps) {
		ObjectNode node = JSON.createObjectNode();
		long trainTokens = 131072L * trainingSteps;
		node.put("expected_duration_seconds", 240);
		node.put("cost", cost(trainTokens));
		node.put("cost_currency", "EUR");
		node.put("train_tokens_per_step", 131072);
		node.put("train_tokens", trainTokens);
		node.put("data_tokens", dataTokens);
		node.putNull("estimated_start_time");
		node.put("deprecated", true);
		node.put("details", "");
		node.put("epochs", Math.round(100.0 * trainTokens / Math.max(dataTokens, 1)) / 100.0);
		node.put("training_steps", trainingSteps);
		node.put("object", "job.metadata");
		return node;
	}

	static double cost(long trainTokens) {
		// A minimum fee plus a price per million training tokens, rounded to the cent.
		return Math.round((4.0 + trainTokens / 1_000_000.0) * 100) / 100.0;
	}

	// ------------------------------------------------------------------------------------------
	// models

	static ObjectNode models(List<String> chatModels, String embeddingModel) {
		ObjectNode node = JSON.createObjectNode();
		node.put("object", "list");
		ArrayNode data = node.putArray("data");
		for (String id : chatModels) {
			ObjectNode card = model(data.addObject(), id, "Mock of " + id);
			ObjectNode capabilities = card.putObject("capabilities");
			capabilities.put("completion_chat", true);
			capabilities.put("function_calling", true);
			capabilities.put("fine_tuning", true);
		}
		ObjectNode embed = model(data.addObject(), embeddingModel, "Mock of " + embeddingModel);
		embed.putObject("capabilities").put("completion_chat", false);
		return node;
	}

	private static ObjectNode model(ObjectNode card, String id, String description) {
		card.put("id", id);
		card.put("object", "model");
		card.put("created", now());
		card.put("owned_by", "mistralai");
		card.put("name", id);
		card.put("description", description);
		card.put("max_context_length", 131072);
		card.putArray("aliases");
		card.putNull("deprecation");
		card.put("type", "base");
		return card;
	}

	// ------------------------------------------------------------------------------------------
	// errors

	/** An error body in the shape the API uses for most statuses. */
	static ObjectNode error(int status) {
		ObjectNode node = JSON.createObjectNode();
		node.put("object", "error");
		node.put("message", switch (status) {
			case 400 -> "Invalid request (scripted by MockMistral)";
			case 401 -> "Unauthorized (scripted by MockMistral)";
			case 402 -> "No active subscription (scripted by MockMistral)";
			case 403 -> "Forbidden (scripted by MockMistral)";
			case 404 -> "Not found (scripted by MockMistral)";
			case 429 -> "Requests rate limit exceeded (scripted by MockMistral)";
			default -> (status >= 500) ? "Internal server error (scripted by MockMistral)"
					: "Error " + status + " (scripted by MockMistral)";
		});
		node.put("type", switch (status) {
			case 401 -> "authentication_error";
			case 429 -> "rate_limited";
			default -> (status >= 500) ? "server_error" : "invalid_request_error";
		});
		node.putNull("param");
		node.put("code", (status == 429) ? "1300" : String.valueOf(status));
		return node;
	}

	/** A 422 body, the one error shape the description declares. */
	static ObjectNode validationError(String type, String message, @Nullable String location) {
		ObjectNode node = JSON.createObjectNode();
		ObjectNode detail = node.putArray("detail").addObject();
		ArrayNode loc = detail.putArray("loc");
		loc.add("body");
		if (location != null) {
			loc.add(location);
		}
		detail.put("msg", message);
		detail.put("type", type);
		return node;
	}

	// ------------------------------------------------------------------------------------------
	// helpers

	private static ObjectNode base(String id, String object, String model) {
		ObjectNode node = JSON.createObjectNode();
		node.put("id", id);
		node.put("object", object);
		node.put("model", model);
		return node;
	}

	private static ObjectNode usage(int promptTokens, int completionTokens) {
		ObjectNode usage = JSON.createObjectNode();
		usage.put("prompt_tokens", promptTokens);
		usage.put("completion_tokens", completionTokens);
		usage.put("total_tokens", promptTokens + completionTokens);
		return usage;
	}

	/**
	 * A rough token count: about four characters a token, like Mistral's tokenizers on
	 * English text.
	 */
	static int tokens(String text) {
		return (text.length() + 3) / 4;
	}

	static long now() {
		return System.currentTimeMillis() / 1000;
	}

	private static String randomHex() {
		return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
				+ Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
	}

	/** Tool-call ids are nine characters of {@code [a-zA-Z0-9]}, like the API's. */
	static String toolCallId() {
		StringBuilder id = new StringBuilder(9);
		for (int i = 0; i < 9; i++) {
			id.append(ID_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ID_ALPHABET.length())));
		}
		return id.toString();
	}

}
