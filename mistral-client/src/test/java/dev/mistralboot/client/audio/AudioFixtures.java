package dev.mistralboot.client.audio;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import dev.mistralboot.client.test.MistralWireMock;

/**
 * Answers and server-sent events of the audio endpoints, each checked against its schema
 * in the API description, shared by the blocking and reactive client tests.
 */
final class AudioFixtures {

	static final String TRANSCRIPTIONS = "/v1/audio/transcriptions";

	static final String SPEECH = "/v1/audio/speech";

	static final String VOICES = "/v1/audio/voices";

	static final String VOICE_ID = "0197b3a1-5e6f-7a8b-9c0d-1e2f3a4b5c6d";

	static final String SECOND_VOICE_ID = "0197b3a1-0000-7000-8000-00000000000b";

	static final String THIRD_VOICE_ID = "0197b3a1-0000-7000-8000-00000000000c";

	static final String VOICE_PATH = VOICES + "/" + VOICE_ID;

	static final String USER_ID = "0197b3a2-aaaa-7bbb-8ccc-dddd00001111";

	/** A few kilobytes of non-trivial "audio" to upload. */
	static final byte[] AUDIO = bytes(7, 24_000);

	static final String TRANSCRIPTION = MistralWireMock.conformingResponse("audio_api_v1_transcriptions_post", """
			{"model":"voxtral-mini-2507","text":"Bonjour à tous. Merci d'être venus.","language":"fr",
			 "segments":[{"type":"transcription_segment","text":"Bonjour à tous.","start":0.0,"end":1.4,
			   "score":0.93,"speaker_id":"speaker_1"},
			  {"type":"transcription_segment","text":"Merci d'être venus.","start":1.4,"end":2.75,"score":null,
			   "speaker_id":"speaker_2"}],
			 "usage":{"prompt_tokens":4,"completion_tokens":12,"total_tokens":16,"prompt_audio_seconds":3}}""");

	static final String LANGUAGE_EVENT = MistralWireMock.conformingSchema("TranscriptionStreamLanguage", """
			{"type":"transcription.language","audio_language":"fr"}""");

	static final String FIRST_DELTA = MistralWireMock.conformingSchema("TranscriptionStreamTextDelta", """
			{"type":"transcription.text.delta","text":"Bonjour "}""");

	static final String SECOND_DELTA = MistralWireMock.conformingSchema("TranscriptionStreamTextDelta", """
			{"type":"transcription.text.delta","text":"à tous."}""");

	static final String SEGMENT_EVENT = MistralWireMock.conformingSchema("TranscriptionStreamSegmentDelta",
			"""
					{"type":"transcription.segment","text":"Bonjour à tous.","start":0.0,"end":1.4,"speaker_id":"speaker_1"}""");

	/** An event of a type this library does not know (not in the description). */
	static final String UNKNOWN_EVENT = """
			{"type":"transcription.progress","percent":50,"window":{"from":0.0,"to":1.4}}""";

	static final String DONE_EVENT = MistralWireMock.conformingSchema("TranscriptionStreamDone", """
			{"type":"transcription.done","model":"voxtral-mini-2507","text":"Bonjour à tous.","language":"fr",
			 "segments":[{"type":"transcription_segment","text":"Bonjour à tous.","start":0.0,"end":1.4,
			   "score":0.93,"speaker_id":"speaker_1"}],
			 "usage":{"prompt_tokens":4,"completion_tokens":6,"total_tokens":10,"prompt_audio_seconds":2}}""");

	/** Every event type of a transcription stream, an unknown one among them, as sent. */
	static final String TRANSCRIPTION_STREAM = sse("transcription.language", LANGUAGE_EVENT)
			+ sse("transcription.text.delta", FIRST_DELTA) + sse("transcription.progress", UNKNOWN_EVENT)
			+ sse("transcription.text.delta", SECOND_DELTA) + sse("transcription.segment", SEGMENT_EVENT)
			+ sse("transcription.done", DONE_EVENT);

	/** A transcription stream whose connection ended before its final event. */
	static final String CUT_TRANSCRIPTION_STREAM = sse("transcription.language", LANGUAGE_EVENT)
			+ sse("transcription.text.delta", FIRST_DELTA);

	static final String SPEECH_DONE_EVENT = MistralWireMock.conformingSchema("SpeechStreamDone", """
			{"type":"speech.audio.done","usage":{"prompt_tokens":7,"completion_tokens":90,"total_tokens":97}}""");

	static final String VOICE = voice(VOICE_ID, "Narrator", "A calm narrator");

	static final String SECOND_VOICE = voice(SECOND_VOICE_ID, "Announcer", null);

	static final String THIRD_VOICE = voice(THIRD_VOICE_ID, "Guide", null);

	private AudioFixtures() {
	}

	static String voice(String id, String name, String description) {
		return MistralWireMock.conformingSchema("VoiceResponse",
				"""
						{"name":"%s","slug":"%s","languages":["en","fr"],"gender":"female","age":35,"tags":["calm","warm"],
						 "color":"#3366ff","description":%s,"retention_notice":30,"id":"%s",
						 "created_at":"2026-12-03T08:30:00Z","user_id":"%s","trimmed_seconds":12.5,"accent":"parisian"}"""
					.formatted(name, name.toLowerCase(), (description != null) ? "\"" + description + "\"" : "null", id,
							USER_ID));
	}

	static String voicePage(long total, int page, int pageSize, String... voices) {
		return MistralWireMock.conformingSchema("VoiceListResponse", """
				{"items":[%s],"total":%d,"page":%d,"page_size":%d,"total_pages":%d}"""
			.formatted(String.join(",", voices), total, page, pageSize, (total + pageSize - 1) / pageSize));
	}

	/** The whole answer of a speech synthesis, the audio base64-encoded. */
	static String speechAnswer(byte[] audio) {
		return "{\"audio_data\":\"" + Base64.getEncoder().encodeToString(audio) + "\"}";
	}

	/** One piece of audio of a speech stream. */
	static String speechDelta(byte[] audio) {
		return "{\"type\":\"speech.audio.delta\",\"audio_data\":\"" + Base64.getEncoder().encodeToString(audio) + "\"}";
	}

	/** A server-sent event with its name, as the audio endpoints send them. */
	static String sse(String event, String data) {
		return "event: " + event + "\ndata: " + data.replace("\n", "") + "\n\n";
	}

	/** Non-trivial bytes, the same for the same seed. */
	static byte[] bytes(long seed, int size) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
