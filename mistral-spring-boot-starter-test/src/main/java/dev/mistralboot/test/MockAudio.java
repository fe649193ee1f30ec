package dev.mistralboot.test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audio endpoints {@link MockMistral} simulates ({@code /v1/audio}): transcriptions
 * (whole or streamed) answer the scripted text, speech answers a playable WAV (a soft
 * tone whose length follows the text, whole or streamed in pieces), voices are kept in
 * memory beside two preset voices. Called by {@link MockMistralHandler} under its lock.
 */
final class MockAudio {

	/** The text of a transcription when none is scripted. */
	static final String DEFAULT_TRANSCRIPTION = "This is MockMistral's transcription. Script another one with "
			+ "mockMistral.audio().transcriptionText(...).";

	static final String DEFAULT_TRANSCRIPTION_MODEL = "voxtral-mini-latest";

	/** The sample rate of the WAV audio the mock synthesizes. */
	static final int SAMPLE_RATE = 16_000;

	private static final String USER_ID = "00000000-0000-4000-8000-000000000002";

	private static final Pattern VOICE = Pattern.compile("/v1/audio/voices/([^/]+)(/sample)?");

	private final Map<String, StoredVoice> voices = new LinkedHashMap<>();

	private @Nullable String transcriptionText;

	MockAudio() {
		reset();
	}

	void transcriptionText(@Nullable String text) {
		this.transcriptionText = text;
	}

	void reset() {
		this.transcriptionText = null;
		this.voices.clear();
		for (String[] preset : new String[][] { { "00000000-0000-4000-8000-0000000000a1", "Aurore", "female", "fr" },
				{ "00000000-0000-4000-8000-0000000000a2", "Basile", "male", "en" } }) {
			StoredVoice voice = new StoredVoice(preset[0], preset[1], true, "2026-01-01T00:00:00Z");
			voice.gender = preset[2];
			voice.languages = List.of(preset[3]);
			voice.sample = wav(Duration.ofMillis(800), 440);
			this.voices.put(voice.id, voice);
		}
	}

	/**
	 * Serves a request of the audio endpoints.
	 * @return the answer, or {@code null} when the request is not one of them
	 */
	@Nullable ResponseDefinition serve(String method, String path, LoggedRequest request) {
		if (!path.startsWith("/v1/audio/")) {
			return null;
		}
		if (path.equals("/v1/audio/transcriptions") && method.equals("POST")) {
			return transcribe(request);
		}
		if (path.equals("/v1/audio/speech") && method.equals("POST")) {
			return speak(request);
		}
		if (path.equals("/v1/audio/voices")) {
			if (method.equals("GET")) {
				return listVoices(request);
			}
			if (method.equals("POST")) {
				return createVoice(request);
			}
			return null;
		}
		Matcher voice = VOICE.matcher(path);
		if (voice.matches()) {
			StoredVoice stored = this.voices.get(voice.group(1));
			if (stored == null) {
				return MockMistralHandler.notFound("Voice", voice.group(1));
			}
			if (voice.group(2) != null) {
				return method.equals("GET") ? wavAnswer(stored.sample) : null;
			}
			switch (method) {
				case "GET":
					return json(200, stored.json());
				case "PATCH":
					return updateVoice(stored, request);
				case "DELETE":
					this.voices.remove(stored.id);
					return json(200, stored.json());
				default:
					return null;
			}
		}
		return null;
	}

	// ---------------------------------------------------------------- transcriptions

	private ResponseDefinition transcribe(LoggedRequest request) {
		String model = text(request, "model");
		Request.Part file = part(request, "file");
		String url = text(request, "file_url");
		String fileId = text(request, "file_id");
		if (file == null && url == null && fileId == null) {
			return json(422, MockResponses.validationError("missing",
					"Give the audio: a file part, file_url or file_id", "file"));
		}
		String language = text(request, "language");
		boolean segments = texts(request, "timestamp_granularities").contains("segment");
		double seconds = (file != null) ? seconds(file.getBody().asBytes()) : 1.0;
		String text = (this.transcriptionText != null) ? this.transcriptionText : DEFAULT_TRANSCRIPTION;
		String used = (model != null) ? model : DEFAULT_TRANSCRIPTION_MODEL;
		String lang = (language != null) ? language : "en";
		ObjectNode usage = usage(text, seconds);
		if ("true".equalsIgnoreCase(text(request, "stream"))) {
			List<String> events = new ArrayList<>();
			ObjectNode languageEvent = MockResponses.JSON.createObjectNode();
			languageEvent.put("type", "transcription.language");
			languageEvent.put("audio_language", lang);
			events.add(event("transcription.language", languageEvent));
			String[] words = text.split("(?<= )");
			for (String word : words) {
				ObjectNode delta = MockResponses.JSON.createObjectNode();
				delta.put("type", "transcription.text.delta");
				delta.put("text", word);
				events.add(event("transcription.text.delta", delta));
			}
			if (segments) {
				ObjectNode segment = MockResponses.JSON.createObjectNode();
				segment.put("type", "transcription.segment");
				segment.put("text", text);
				segment.put("start", 0.0);
				segment.put("end", seconds);
				events.add(event("transcription.segment", segment));
			}
			ObjectNode done = transcription(used, text, lang, segments, seconds, usage);
			done.put("type", "transcription.done");
			events.add(event("transcription.done", done));
			return sse(events);
		}
		return json(200, transcription(used, text, lang, segments, seconds, usage));
	}

	private static ObjectNode transcription(String model, String text, String language, boolean segments,
			double seconds, ObjectNode usage) {
		ObjectNode body = MockResponses.JSON.createObjectNode();
		body.put("model", model);
		body.put("text", text);
		body.put("language", language);
		ArrayNode list = body.putArray("segments");
		if (segments) {
			ObjectNode segment = list.addObject();
			segment.put("type", "transcription_segment");
			segment.put("text", text);
			segment.put("start", 0.0);
			segment.put("end", seconds);
		}
		body.set("usage", usage);
		return body;
	}

	private static ObjectNode usage(String text, double seconds) {
		ObjectNode usage = MockResponses.JSON.createObjectNode();
		int prompt = Math.max(1, (int) Math.ceil(seconds * 10));
		int completion = Math.max(1, MockResponses.tokens(text));
		usage.put("prompt_tokens", prompt);
		usage.put("completion_tokens", completion);
		usage.put("total_tokens", prompt + completion);
		usage.put("prompt_audio_seconds", (int) Math.max(1, Math.ceil(seconds)));
		return usage;
	}

	/**
	 * The length of a WAV file from its header, else one second (another format).
	 */
	static double seconds(byte[] audio) {
		if (audio.length < 44 || !new String(audio, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
				|| !new String(audio, 8, 4, StandardCharsets.US_ASCII).equals("WAVE")) {
			return 1.0;
		}
		ByteBuffer header = ByteBuffer.wrap(audio).order(ByteOrder.LITTLE_ENDIAN);
		int byteRate = header.getInt(28);
		return (byteRate > 0) ? Math.max(0.01, (audio.length - 44) / (double) byteRate) : 1.0;
	}

	// ---------------------------------------------------------------- speech

	private ResponseDefinition speak(LoggedRequest request) {
		JsonNode body;
		try {
			body = MockResponses.JSON.readTree(request.getBody());
		}
		catch (JacksonException ex) {
			return json(422, MockResponses.validationError("json_invalid", "Invalid JSON", null));
		}
		String input = body.path("input").asString("");
		int words = Math.max(1, input.trim().split("\\s+").length);
		Duration length = Duration.ofMillis(Math.min(30_000, 300L * words));
		String format = body.path("response_format").asString("mp3");
		byte[] audio = format.equals("pcm") ? pcm(length, 330) : wav(length, 330);
		if (body.path("stream").asBoolean(false)) {
			List<String> events = new ArrayList<>();
			int piece = Math.max(1, (audio.length + 3) / 4);
			for (int start = 0; start < audio.length; start += piece) {
				int end = Math.min(audio.length, start + piece);
				ObjectNode delta = MockResponses.JSON.createObjectNode();
				delta.put("type", "speech.audio.delta");
				byte[] part = new byte[end - start];
				System.arraycopy(audio, start, part, 0, part.length);
				delta.put("audio_data", Base64.getEncoder().encodeToString(part));
				events.add(event("speech.audio.delta", delta));
			}
			ObjectNode done = MockResponses.JSON.createObjectNode();
			done.put("type", "speech.audio.done");
			done.set("usage", speechUsage(input));
			events.add(event("speech.audio.done", done));
			return sse(events);
		}
		ObjectNode answer = MockResponses.JSON.createObjectNode();
		answer.put("audio_data", Base64.getEncoder().encodeToString(audio));
		return json(200, answer);
	}

	private static ObjectNode speechUsage(String input) {
		ObjectNode usage = MockResponses.JSON.createObjectNode();
		int prompt = Math.max(1, MockResponses.tokens(input));
		usage.put("prompt_tokens", prompt);
		usage.put("completion_tokens", 0);
		usage.put("total_tokens", prompt);
		return usage;
	}

	/**
	 * A playable WAV file (16-bit mono PCM at {@value #SAMPLE_RATE} Hz): a soft tone that
	 * fades in and out.
	 * @param length how long it plays
	 * @param frequency the tone's frequency in Hz
	 */
	static byte[] wav(Duration length, double frequency) {
		byte[] samples = pcm(length, frequency);
		ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes(StandardCharsets.US_ASCII));
		header.putInt(36 + samples.length);
		header.put("WAVE".getBytes(StandardCharsets.US_ASCII));
		header.put("fmt ".getBytes(StandardCharsets.US_ASCII));
		header.putInt(16);
		header.putShort((short) 1);
		header.putShort((short) 1);
		header.putInt(SAMPLE_RATE);
		header.putInt(SAMPLE_RATE * 2);
		header.putShort((short) 2);
		header.putShort((short) 16);
		header.put("data".getBytes(StandardCharsets.US_ASCII));
		header.putInt(samples.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream(44 + samples.length);
		out.writeBytes(header.array());
		out.writeBytes(samples);
		return out.toByteArray();
	}

	/** 16-bit little-endian mono samples of a soft tone with a fade in and out. */
	static byte[] pcm(Duration length, double frequency) {
		int count = (int) Math.max(1, length.toMillis() * SAMPLE_RATE / 1000);
		int fade = Math.min(count / 2, SAMPLE_RATE / 20);
		ByteBuffer samples = ByteBuffer.allocate(count * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < count; i++) {
			double envelope = Math.min(1.0, Math.min(i, count - 1 - i) / (double) Math.max(1, fade));
			double value = Math.sin(2 * Math.PI * frequency * i / SAMPLE_RATE) * envelope * 0.25;
			samples.putShort((short) Math.round(value * Short.MAX_VALUE));
		}
		return samples.array();
	}

	private static ResponseDefinition wavAnswer(byte[] audio) {
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(200)
			.withHeader("Content-Type", "audio/wav")
			.withHeader("mistral-correlation-id", UUID.randomUUID().toString())
			.withBody(audio)
			.build();
	}

	// ---------------------------------------------------------------- voices

	private ResponseDefinition listVoices(LoggedRequest request) {
		int limit = intQuery(request, "limit", 10);
		int offset = intQuery(request, "offset", 0);
		String type = query(request, "type");
		List<StoredVoice> matching = this.voices.values()
			.stream()
			.filter((voice) -> type == null || type.equals("all") || (type.equals("preset") == voice.preset))
			.toList();
		ObjectNode list = MockResponses.JSON.createObjectNode();
		ArrayNode items = list.putArray("items");
		matching.stream().skip(offset).limit(limit).forEach((voice) -> items.add(voice.json()));
		list.put("total", matching.size());
		list.put("page", offset / Math.max(1, limit));
		list.put("page_size", limit);
		list.put("total_pages", (matching.size() + limit - 1) / Math.max(1, limit));
		return json(200, list);
	}

	private ResponseDefinition createVoice(LoggedRequest request) {
		JsonNode body = MockResponses.JSON.readTree(request.getBody());
		byte[] sample;
		try {
			sample = Base64.getDecoder().decode(body.path("sample_audio").asString(""));
		}
		catch (IllegalArgumentException ex) {
			return json(422,
					MockResponses.validationError("value_error", "sample_audio is not base64", "sample_audio"));
		}
		StoredVoice voice = new StoredVoice(UUID.randomUUID().toString(), body.path("name").asString("voice"), false,
				Instant.ofEpochSecond(MockResponses.now()).toString());
		voice.apply(body);
		voice.slug = body.path("slug").isString() ? body.path("slug").asString() : null;
		voice.color = body.path("color").isString() ? body.path("color").asString() : null;
		voice.retentionNotice = body.path("retention_notice").asInt(30);
		voice.sample = sample;
		voice.trimmedSeconds = seconds(sample);
		this.voices.put(voice.id, voice);
		return json(200, voice.json());
	}

	private ResponseDefinition updateVoice(StoredVoice voice, LoggedRequest request) {
		JsonNode body = MockResponses.JSON.readTree(request.getBody());
		if (body.path("name").isString()) {
			voice.name = body.path("name").asString();
		}
		voice.apply(body);
		return json(200, voice.json());
	}

	// ---------------------------------------------------------------- helpers

	private static String event(String name, JsonNode data) {
		return "event: " + name + "\ndata: " + data + "\n\n";
	}

	private static ResponseDefinition sse(List<String> events) {
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(200)
			.withHeader("Content-Type", "text/event-stream; charset=utf-8")
			.withHeader("Cache-Control", "no-cache")
			.withHeader("mistral-correlation-id", UUID.randomUUID().toString())
			.withBody(String.join("", events))
			.build();
	}

	private static ResponseDefinition json(int status, JsonNode body) {
		return MockMistralHandler.json(status, body);
	}

	private static Request.@Nullable Part part(LoggedRequest request, String name) {
		Collection<Request.Part> parts = request.isMultipart() ? request.getParts() : null;
		if (parts == null) {
			return null;
		}
		return parts.stream().filter((part) -> name.equals(part.getName())).findFirst().orElse(null);
	}

	private static @Nullable String text(LoggedRequest request, String name) {
		Request.Part part = part(request, name);
		return (part != null) ? part.getBody().asString().trim() : null;
	}

	private static List<String> texts(LoggedRequest request, String name) {
		Collection<Request.Part> parts = request.isMultipart() ? request.getParts() : null;
		if (parts == null) {
			return List.of();
		}
		return parts.stream()
			.filter((part) -> name.equals(part.getName()))
			.map((part) -> part.getBody().asString().trim())
			.toList();
	}

	private static @Nullable String query(LoggedRequest request, String name) {
		var parameter = request.queryParameter(name);
		return (parameter != null && parameter.isPresent()) ? parameter.firstValue() : null;
	}

	private static int intQuery(LoggedRequest request, String name, int fallback) {
		String value = query(request, name);
		try {
			return (value != null) ? Integer.parseInt(value) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	/** A voice kept in memory. */
	private static final class StoredVoice {

		private final String id;

		private String name;

		private final boolean preset;

		private final String createdAt;

		private @Nullable String slug;

		private List<String> languages = List.of();

		private @Nullable String gender;

		private @Nullable Integer age;

		private @Nullable List<String> tags;

		private @Nullable String color;

		private @Nullable String description;

		private int retentionNotice = 30;

		private @Nullable Double trimmedSeconds;

		private byte[] sample = new byte[0];

		StoredVoice(String id, String name, boolean preset, String createdAt) {
			this.id = id;
			this.name = name;
			this.preset = preset;
			this.createdAt = createdAt;
		}

		/** Applies the metadata a create or an update sends. */
		void apply(JsonNode body) {
			if (body.path("languages").isArray()) {
				List<String> list = new ArrayList<>();
				body.path("languages").forEach((language) -> list.add(language.asString("")));
				this.languages = List.copyOf(list);
			}
			if (body.path("gender").isString()) {
				this.gender = body.path("gender").asString();
			}
			if (body.path("age").isIntegralNumber()) {
				this.age = body.path("age").asInt();
			}
			if (body.path("tags").isArray()) {
				List<String> list = new ArrayList<>();
				body.path("tags").forEach((tag) -> list.add(tag.asString("")));
				this.tags = List.copyOf(list);
			}
			if (body.path("description").isString()) {
				this.description = body.path("description").asString();
			}
		}

		ObjectNode json() {
			ObjectNode voice = MockResponses.JSON.createObjectNode();
			voice.put("id", this.id);
			voice.put("name", this.name);
			voice.put("slug", this.slug);
			ArrayNode languages = voice.putArray("languages");
			this.languages.forEach(languages::add);
			voice.put("gender", this.gender);
			voice.put("age", this.age);
			if (this.tags != null) {
				ArrayNode tags = voice.putArray("tags");
				this.tags.forEach(tags::add);
			}
			else {
				voice.putNull("tags");
			}
			voice.put("color", this.color);
			voice.put("description", this.description);
			voice.put("retention_notice", this.retentionNotice);
			voice.put("created_at", this.createdAt);
			voice.put("user_id", this.preset ? null : USER_ID);
			voice.put("trimmed_seconds", this.trimmedSeconds);
			return voice;
		}

	}

}
