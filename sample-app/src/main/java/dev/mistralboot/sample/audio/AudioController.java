package dev.mistralboot.sample.audio;

import java.io.ByteArrayInputStream;
import java.util.Map;

import dev.mistralboot.client.audio.MistralAudioClient;
import dev.mistralboot.client.audio.SpeechOutputFormat;
import dev.mistralboot.client.audio.SpeechRequest;
import dev.mistralboot.client.audio.TranscriptionDone;
import dev.mistralboot.client.audio.TranscriptionLanguage;
import dev.mistralboot.client.audio.TranscriptionRequest;
import dev.mistralboot.client.audio.TranscriptionStreamEvent;
import dev.mistralboot.client.audio.TranscriptionTextDelta;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.sample.ServerSentEvents;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Audio with {@link MistralAudioClient}: the sample's own {@link Chime} (a WAV made in
 * code) is transcribed, the text streamed to the page as it arrives
 * ({@code transcribeStream}, the WAV uploaded as a multipart file), and a text is read
 * aloud: the speech endpoint's audio is written to the HTTP response as it is decoded
 * ({@code speak(request, outputStream)}, never held whole), for an HTML {@code <audio>}
 * element.
 */
@RestController
class AudioController {

	/** The longest text read aloud. */
	static final int MAX_SPEECH_LENGTH = 1_000;

	private static final Log logger = LogFactory.getLog(AudioController.class);

	private static final MediaType WAV = MediaType.parseMediaType("audio/wav");

	private final MistralAudioClient audio;

	private final AsyncTaskExecutor executor;

	private final byte[] chime = Chime.wav();

	AudioController(MistralAudioClient audio, AsyncTaskExecutor executor) {
		this.audio = audio;
		this.executor = executor;
	}

	/**
	 * The chime the transcription sends, to play it in the page.
	 */
	@GetMapping("/api/audio/chime.wav")
	ResponseEntity<byte[]> chime() {
		return ResponseEntity.ok().contentType(WAV).body(this.chime);
	}

	/**
	 * Transcribes the chime, streamed: {@code text} events with the pieces of the text, a
	 * {@code language} event when it is known, then {@code done} with the whole text, or
	 * {@code failure} with the error message.
	 */
	@PostMapping(path = "/api/audio/transcribe", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter transcribe() {
		TranscriptionRequest request = TranscriptionRequest.builder()
			.file(new ByteArrayInputStream(this.chime), "chime.wav")
			.build();
		return ServerSentEvents.stream(this.executor, logger, "Transcribing the chime", (emitter) -> {
			try (MistralStream<TranscriptionStreamEvent> events = this.audio.transcribeStream(request)) {
				for (TranscriptionStreamEvent event : events) {
					if (event instanceof TranscriptionTextDelta delta) {
						ServerSentEvents.send(emitter, "text", Map.of("text", delta.text()));
					}
					else if (event instanceof TranscriptionLanguage language && language.audioLanguage() != null) {
						ServerSentEvents.send(emitter, "language", Map.of("language", language.audioLanguage()));
					}
					else if (event instanceof TranscriptionDone done) {
						ServerSentEvents.send(emitter, "done",
								Map.of("text", done.text(), "model", String.valueOf(done.model())));
					}
				}
			}
		});
	}

	/**
	 * Reads a text aloud: the WAV audio of the speech endpoint, written to the response
	 * as it arrives. A GET, so that an {@code <audio src="...">} element plays it.
	 * @param text the text, at most {@value #MAX_SPEECH_LENGTH} characters
	 */
	@GetMapping("/api/audio/speech")
	ResponseEntity<StreamingResponseBody> speech(@RequestParam(defaultValue = "") String text) {
		if (text.isBlank()) {
			throw new IllegalArgumentException("Give the text to read aloud: /api/audio/speech?text=...");
		}
		if (text.length() > MAX_SPEECH_LENGTH) {
			throw new IllegalArgumentException(
					"The text to read aloud has " + text.length() + " characters; at most " + MAX_SPEECH_LENGTH);
		}
		SpeechRequest request = SpeechRequest.builder().input(text).responseFormat(SpeechOutputFormat.WAV).build();
		StreamingResponseBody body = (out) -> this.audio.speak(request, out);
		return ResponseEntity.ok().contentType(WAV).body(body);
	}

}
