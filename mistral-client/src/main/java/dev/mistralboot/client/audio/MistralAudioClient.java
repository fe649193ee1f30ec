package dev.mistralboot.client.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralDownload;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralIoException;
import dev.mistralboot.client.core.MistralPager;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.MistralStreamException;
import dev.mistralboot.client.core.RequestOptions;
import dev.mistralboot.client.core.UploadForm;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.WritableResource;
import org.springframework.http.HttpMethod;

/**
 * Audio ({@code /v1/audio}): transcription, speech synthesis and voices.
 *
 * <pre>{@code
 * Transcription text = audio.transcribe(TranscriptionRequest.builder()
 *     .file(Path.of("meeting.wav"))
 *     .language("en")
 *     .addTimestampGranularities(TimestampGranularity.SEGMENT)
 *     .build());
 * try (MistralStream<TranscriptionStreamEvent> events = audio.transcribeStream(request)) {
 *     events.forEach(event -> System.out.print(event.textDelta()));
 * }
 * audio.speak(SpeechRequest.builder().input("Hello!").responseFormat(SpeechOutputFormat.WAV).build(),
 *     Path.of("hello.wav"));
 * audio.listAllVoices(ListVoicesRequest.ALL).forEach(voice -> System.out.println(voice.name()));
 * }</pre>
 *
 * One client for the three parts of the audio API (transcriptions, speech, voices), as
 * the libraries client serves libraries, documents and accesses: one bean, one set of
 * {@code mistral.audio.*} settings. Uploaded audio is streamed from its source, never
 * held in memory; synthesized speech is decoded as it arrives, straight into the caller's
 * output, never held whole. Requests that leave out the model (or voice) get the client's
 * {@link AudioDefaults}. Failures raise the
 * {@link dev.mistralboot.client.core.MistralException} hierarchy. Thread-safe.
 */
public class MistralAudioClient {

	static final String TRANSCRIPTIONS = "/v1/audio/transcriptions";

	static final String SPEECH = "/v1/audio/speech";

	static final String VOICES = "/v1/audio/voices";

	static final String VOICE = "/v1/audio/voices/{voice_id}";

	private final MistralHttp http;

	private final AudioDefaults defaults;

	/**
	 * Creates a client without defaults (every transcription names its model).
	 * @param http the HTTP core
	 */
	public MistralAudioClient(MistralHttp http) {
		this(http, AudioDefaults.NONE);
	}

	/**
	 * Creates a client.
	 * @param http the HTTP core
	 * @param defaults values used when a request leaves them out
	 */
	public MistralAudioClient(MistralHttp http, AudioDefaults defaults) {
		this.http = Objects.requireNonNull(http, "http");
		this.defaults = Objects.requireNonNull(defaults, "defaults");
	}

	/**
	 * This client with options applied to each of its calls: a timeout, the number of
	 * attempts, extra headers, a listener for the answers' metadata. The returned client
	 * shares its connections, observations and rate-limit budget with this one; deriving
	 * it is cheap.
	 * @param options the options, applied over the ones this client already applies
	 * @return a client applying the options
	 */
	public MistralAudioClient withOptions(RequestOptions options) {
		return new MistralAudioClient(this.http.withOptions(options), this.defaults);
	}

	/**
	 * The defaults this client applies.
	 * @return the defaults
	 */
	public AudioDefaults defaults() {
		return this.defaults;
	}

	// ---------------------------------------------------------------- transcriptions

	/**
	 * Transcribes audio ({@code POST /v1/audio/transcriptions}, multipart): an uploaded
	 * file (streamed), a file id or a URL.
	 * @param request the audio and options
	 * @return the transcription
	 * @throws IllegalArgumentException when neither the request nor the defaults name a
	 * model
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status (an
	 * upload from an input stream is never retried)
	 */
	public Transcription transcribe(TranscriptionRequest request) {
		return transcribeWithResponse(request).body();
	}

	/**
	 * Transcribes audio, with the response's status and headers.
	 * @param request the audio and options
	 * @return the transcription and the response metadata
	 */
	public MistralResponse<Transcription> transcribeWithResponse(TranscriptionRequest request) {
		return this.http.execute(transcriptionRequest(this.defaults.apply(request), false, true), Transcription.class);
	}

	/**
	 * Transcribes audio as a stream of events ({@code POST /v1/audio/transcriptions} with
	 * {@code stream=true}): {@link TranscriptionTextDelta text deltas},
	 * {@link TranscriptionSegmentDelta segments}, the {@link TranscriptionLanguage
	 * language}, and the final {@link TranscriptionDone} with the whole text and usage,
	 * which ends the stream. An event of a type this library does not know arrives as
	 * {@link UnknownTranscriptionStreamEvent}. A stream that ends before its final event
	 * raises {@link MistralStreamException}. Close the stream: try-with-resources.
	 * @param request the audio and options
	 * @return the open stream of events
	 */
	public MistralStream<TranscriptionStreamEvent> transcribeStream(TranscriptionRequest request) {
		return this.http.stream(transcriptionRequest(this.defaults.apply(request), true, true),
				TranscriptionStreamEvent.class);
	}

	/**
	 * The request of a transcription; the reactive client sends the same form.
	 * @param blocking whether the form is for the blocking core (else the reactive one)
	 */
	static ApiRequest transcriptionRequest(TranscriptionRequest request, boolean stream, boolean blocking) {
		UploadForm form = new UploadForm().field("model", request.model())
			.field("file_url", request.fileUrl())
			.field("file_id", request.fileId())
			.field("language", request.language())
			.field("temperature", request.temperature())
			.field("stream", stream ? Boolean.TRUE : null)
			.field("diarize", request.diarize())
			.field("context_bias", request.contextBias());
		if (request.timestampGranularities() != null) {
			form.field("timestamp_granularities",
					request.timestampGranularities().stream().map(TimestampGranularity::value).toList());
		}
		for (Map.Entry<String, @Nullable Object> extra : request.additionalProperties().entrySet()) {
			form.field(extra.getKey(), extra.getValue());
		}
		if (request.file() != null) {
			form.file("file", request.file());
		}
		return ApiRequest.post(TRANSCRIPTIONS)
			.operation("audio.transcriptions")
			.model(request.model())
			.multipart(blocking ? form.blocking() : form.reactive(), form.repeatable())
			.build();
	}

	// ---------------------------------------------------------------- speech

	/**
	 * Synthesizes speech ({@code POST /v1/audio/speech}) and writes the audio to a stream
	 * as it arrives: the answer's base64 audio is decoded while it is read, never held
	 * whole.
	 * @param request the text, voice and format
	 * @param out where the audio goes (not closed)
	 * @return the number of audio bytes written
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status
	 * @throws MistralIoException when the answer is cut or {@code out} fails
	 * @throws dev.mistralboot.client.core.MistralTimeoutException when the answer stays
	 * silent for longer than the stream idle timeout
	 * @throws dev.mistralboot.client.core.MistralInvalidResponseException when the answer
	 * holds no audio
	 */
	public long speak(SpeechRequest request, OutputStream out) {
		Objects.requireNonNull(out, "out");
		ApiRequest call = speechRequest(this.defaults.apply(request), false);
		try (MistralDownload download = this.http.download(call)) {
			return SpeechAudio.write(download, call, out);
		}
	}

	/**
	 * Synthesizes speech into a file, replacing it if it exists.
	 * @param request the text, voice and format
	 * @param file the target file
	 * @return the number of audio bytes written
	 * @throws MistralIoException when the file cannot be written
	 */
	public long speak(SpeechRequest request, Path file) {
		Objects.requireNonNull(file, "file");
		try (OutputStream out = Files.newOutputStream(file)) {
			return speak(request, out);
		}
		catch (IOException ex) {
			throw new MistralIoException("Could not write " + file + ": " + ex.getMessage(), ex, false);
		}
	}

	/**
	 * Synthesizes speech into a writable Spring resource (a file, ...).
	 * @param request the text, voice and format
	 * @param resource the target
	 * @return the number of audio bytes written
	 * @throws MistralIoException when the resource cannot be written
	 */
	public long speak(SpeechRequest request, WritableResource resource) {
		Objects.requireNonNull(resource, "resource");
		try (OutputStream out = resource.getOutputStream()) {
			return speak(request, out);
		}
		catch (IOException ex) {
			throw new MistralIoException("Could not write " + resource.getDescription() + ": " + ex.getMessage(), ex,
					false);
		}
	}

	/**
	 * Synthesizes speech as a stream of events ({@code POST /v1/audio/speech} with
	 * {@code "stream": true}): {@link SpeechAudioDelta pieces of audio}
	 * ({@link SpeechAudioDelta#audio()} decodes one), then the final {@link SpeechDone}
	 * with the usage, which ends the stream. An event of a type this library does not
	 * know arrives as {@link UnknownSpeechStreamEvent}. A stream that ends before its
	 * final event raises {@link MistralStreamException}. Close the stream:
	 * try-with-resources.
	 * @param request the text, voice and format
	 * @return the open stream of events
	 */
	public MistralStream<SpeechStreamEvent> speakStream(SpeechRequest request) {
		return this.http.stream(speechRequest(this.defaults.apply(request), true), SpeechStreamEvent.class);
	}

	/**
	 * Synthesizes speech as a stream and writes each piece of audio to {@code out} as it
	 * arrives, decoded.
	 * @param request the text, voice and format
	 * @param out where the audio goes (not closed; flushed after each piece)
	 * @return the final event, with the usage
	 * @throws MistralStreamException when the stream ends before its final event
	 * @throws MistralIoException when {@code out} fails
	 */
	public SpeechDone speakStream(SpeechRequest request, OutputStream out) {
		Objects.requireNonNull(out, "out");
		try (MistralStream<SpeechStreamEvent> events = speakStream(request)) {
			for (SpeechStreamEvent event : events) {
				if (event instanceof SpeechAudioDelta delta) {
					out.write(delta.audio());
					out.flush();
				}
				else if (event instanceof SpeechDone done) {
					return done;
				}
			}
		}
		catch (IOException ex) {
			throw new MistralIoException("Could not write the speech audio: " + ex.getMessage(), ex, false);
		}
		catch (UncheckedIOException ex) {
			throw new MistralIoException("Could not write the speech audio: " + ex.getMessage(), ex, false);
		}
		// the stream ends only after its final event (else it raised), so this is a
		// stream that ended at [DONE] without one
		throw new MistralStreamException("The speech stream ended without its speech.audio.done event", 0, null, null);
	}

	/** The request of a speech synthesis; the reactive client sends the same. */
	static ApiRequest speechRequest(SpeechRequest request, boolean stream) {
		SpeechRequest body = stream ? request.toBuilder().stream(true).build()
				: ((request.stream() != null) ? request.toBuilder().stream(null).build() : request);
		return ApiRequest.post(SPEECH).operation("audio.speech").model(body.model()).json(body).build();
	}

	// ---------------------------------------------------------------- voices

	/**
	 * Lists the first page of voices ({@code GET /v1/audio/voices}).
	 * @return the page
	 */
	public VoiceList listVoices() {
		return listVoices(ListVoicesRequest.ALL);
	}

	/**
	 * Lists one page of voices ({@code GET /v1/audio/voices}).
	 * @param request the page and filter
	 * @return the page
	 */
	public VoiceList listVoices(ListVoicesRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http.execute(listVoicesRequest(request), VoiceList.class).body();
	}

	/** The request of one page of voices; the reactive client sends the same. */
	static ApiRequest listVoicesRequest(ListVoicesRequest request) {
		return ApiRequest.get(VOICES)
			.operation("audio.voices.list")
			.query("limit", request.limit())
			.query("offset", request.offset())
			.query("type", request.type())
			.build();
	}

	/**
	 * Every voice matching the filter, across all pages, from the request's offset. Pages
	 * are requested lazily, as the stream is consumed.
	 * @param request the filter and page size ({@code limit})
	 * @return the voices
	 */
	public Stream<Voice> listAllVoices(ListVoicesRequest request) {
		Objects.requireNonNull(request, "request");
		Paging paging = Paging.of(request);
		return MistralPager.stream(paging.firstPage(), paging.size(), (page) -> listVoices(paging.page(request, page)));
	}

	/**
	 * Reads a voice ({@code GET /v1/audio/voices/{voice_id}}).
	 * @param voiceId the voice id
	 * @return the voice
	 * @throws IllegalArgumentException when the id is blank
	 */
	public Voice getVoice(String voiceId) {
		return this.http.execute(ApiRequest.get(VOICE, voiceId).operation("audio.voices.get").build(), Voice.class)
			.body();
	}

	/**
	 * Creates a custom voice from a sample ({@code POST /v1/audio/voices}).
	 * @param request the name, sample and description
	 * @return the voice
	 */
	public Voice createVoice(CreateVoiceRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http
			.execute(ApiRequest.post(VOICES).operation("audio.voices.create").json(request).build(), Voice.class)
			.body();
	}

	/**
	 * Changes a voice's name, languages, gender, age, tags or description ({@code PATCH
	 * /v1/audio/voices/{voice_id}}).
	 * @param voiceId the voice id
	 * @param request the new values
	 * @return the voice
	 */
	public Voice updateVoice(String voiceId, UpdateVoiceRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http.execute(
				ApiRequest.of(HttpMethod.PATCH, VOICE, voiceId).operation("audio.voices.update").json(request).build(),
				Voice.class)
			.body();
	}

	/**
	 * Deletes a custom voice ({@code DELETE /v1/audio/voices/{voice_id}}).
	 * @param voiceId the voice id
	 * @return the deleted voice
	 */
	public Voice deleteVoice(String voiceId) {
		return this.http
			.execute(ApiRequest.of(HttpMethod.DELETE, VOICE, voiceId).operation("audio.voices.delete").build(),
					Voice.class)
			.body();
	}

	/**
	 * Opens a voice's sample ({@code GET /v1/audio/voices/{voice_id}/sample}, WAV audio),
	 * streamed: close the result. See {@link MistralDownload} for how a connection cut
	 * mid-body is reported.
	 * @param voiceId the voice id
	 * @return the open sample
	 */
	public MistralDownload downloadVoiceSample(String voiceId) {
		return this.http.download(ApiRequest.get(VOICE + "/sample", voiceId).operation("audio.voices.sample").build());
	}

	/**
	 * How {@code listAllVoices} turns page numbers into offsets.
	 *
	 * @param firstPage the first page number
	 * @param size the page size
	 * @param start the offset added to every page's
	 */
	record Paging(int firstPage, int size, int start) {

		static Paging of(ListVoicesRequest request) {
			int size = (request.limit() != null) ? request.limit() : ListVoicesRequest.DEFAULT_PAGE_SIZE;
			int offset = (request.offset() != null) ? request.offset() : 0;
			// an offset on a page boundary is that page; another one shifts every page
			return (offset % size == 0) ? new Paging(offset / size, size, 0) : new Paging(0, size, offset);
		}

		ListVoicesRequest page(ListVoicesRequest request, int page) {
			return request.toBuilder().limit(this.size).offset(this.start + page * this.size).build();
		}

	}

}
