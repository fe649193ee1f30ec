package dev.mistralboot.client.audio;

import java.io.PushbackInputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralException;
import dev.mistralboot.client.core.MistralIoException;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.ReactiveMistralPager;
import dev.mistralboot.client.core.RequestOptions;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Audio ({@code /v1/audio}) on WebClient: the reactive twin of
 * {@link MistralAudioClient}, with the same methods. Audio to transcribe streams from a
 * path, a resource, an input stream or a {@link Flux} of buffers (a WebFlux
 * {@code FilePart}'s content, through
 * {@link dev.mistralboot.client.core.UploadBuffers#of(org.reactivestreams.Publisher, String)});
 * synthesized speech and voice samples arrive as a {@link Flux} of buffers.
 *
 * <pre>{@code
 * Mono<Transcription> text = audio.transcribe(TranscriptionRequest.builder()
 *     .file(UploadBuffers.of(filePart.content(), filePart.filename()))
 *     .build());
 * Flux<TranscriptionStreamEvent> events = audio.transcribeStream(request);
 * Mono<Void> saved = DataBufferUtils.write(audio.speak(speechRequest), Path.of("hello.wav"));
 * }</pre>
 *
 * No audio is ever held whole in memory. Nothing is sent until subscription; failures are
 * signalled as the {@link MistralException} hierarchy. Available when WebFlux is on the
 * classpath. Thread-safe.
 */
public class ReactiveMistralAudioClient {

	/** How many buffers of the answer the speech decoder reads ahead. */
	private static final int READ_AHEAD = 4;

	private final ReactiveMistralHttp http;

	private final AudioDefaults defaults;

	/**
	 * Creates a client without defaults (every transcription names its model).
	 * @param http the reactive HTTP core
	 */
	public ReactiveMistralAudioClient(ReactiveMistralHttp http) {
		this(http, AudioDefaults.NONE);
	}

	/**
	 * Creates a client.
	 * @param http the reactive HTTP core
	 * @param defaults values used when a request leaves them out
	 */
	public ReactiveMistralAudioClient(ReactiveMistralHttp http, AudioDefaults defaults) {
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
	public ReactiveMistralAudioClient withOptions(RequestOptions options) {
		return new ReactiveMistralAudioClient(this.http.withOptions(options), this.defaults);
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
	 * file (streamed: a path without blocking, another source on Reactor's bounded
	 * elastic scheduler, buffers as they come), a file id or a URL.
	 * @param request the audio and options
	 * @return the transcription; an {@link IllegalArgumentException} signal when neither
	 * the request nor the defaults name a model
	 */
	public Mono<Transcription> transcribe(TranscriptionRequest request) {
		return transcribeWithResponse(request).map(MistralResponse::body);
	}

	/**
	 * Transcribes audio, with the response's status and headers.
	 * @param request the audio and options
	 * @return the transcription and the response metadata
	 */
	public Mono<MistralResponse<Transcription>> transcribeWithResponse(TranscriptionRequest request) {
		return Mono.defer(() -> this.http.execute(
				MistralAudioClient.transcriptionRequest(this.defaults.apply(request), false, false),
				Transcription.class));
	}

	/**
	 * Transcribes audio as a stream of events: text deltas, segments, the language, and
	 * the final {@link TranscriptionDone}, which completes the flux. Unknown events
	 * arrive as {@link UnknownTranscriptionStreamEvent}; a stream cut before its final
	 * event fails with {@link dev.mistralboot.client.core.MistralStreamException}.
	 * Cancelling closes the connection.
	 * @param request the audio and options
	 * @return the events
	 */
	public Flux<TranscriptionStreamEvent> transcribeStream(TranscriptionRequest request) {
		return Flux.defer(() -> this.http.stream(
				MistralAudioClient.transcriptionRequest(this.defaults.apply(request), true, false),
				TranscriptionStreamEvent.class));
	}

	// ---------------------------------------------------------------- speech

	/**
	 * Synthesizes speech ({@code POST /v1/audio/speech}): the audio, decoded from the
	 * answer's base64 as it arrives, in buffers the subscriber owns and releases
	 * ({@code DataBufferUtils.write} to a file does). The answer is never held whole: it
	 * is decoded on Reactor's bounded elastic scheduler, a few buffers ahead of the
	 * subscriber. An answer that is the audio itself rather than JSON (its content type
	 * says so) is passed on as it is, as the blocking client does. A cut or silent answer
	 * fails, as a download does.
	 * @param request the text, voice and format
	 * @return the audio
	 */
	public Flux<DataBuffer> speak(SpeechRequest request) {
		return Flux.defer(() -> {
			// the headers arrive before the first buffer: an answer that is the audio
			// itself (not JSON) is passed on as it is, as the blocking client does
			AtomicReference<@Nullable MediaType> type = new AtomicReference<>();
			ApiRequest call = MistralAudioClient.speechRequest(this.defaults.apply(request), false)
				.withOptions(RequestOptions.builder()
					.onResponse((metadata) -> type.set(metadata.headers().getContentType()))
					.build());
			Flux<DataBuffer> answer = this.http.download(call);
			return Flux.from(DataBufferUtils.outputStreamPublisher((out) -> {
				try (PushbackInputStream in = new PushbackInputStream(
						DataBufferUtils.subscriberInputStream(answer, READ_AHEAD))) {
					int first = in.read();
					if (first >= 0) {
						in.unread(first);
					}
					if (SpeechAudio.isRawAudio(type.get())) {
						in.transferTo(out);
					}
					else {
						SpeechAudio.decode(in, out, call);
					}
				}
				catch (java.io.IOException ex) {
					throw failure(call, ex);
				}
				catch (JacksonException ex) {
					throw failure(call, ex);
				}
			}, DefaultDataBufferFactory.sharedInstance, Schedulers.boundedElastic()::schedule));
		});
	}

	/**
	 * The failure of a speech answer: the core's own exception when the answer failed,
	 * else an I/O or invalid-answer exception.
	 */
	private static RuntimeException failure(ApiRequest call, Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MistralException mistral) {
				return mistral;
			}
		}
		if (ex instanceof JacksonException json && !(ex instanceof tools.jackson.core.exc.JacksonIOException)) {
			return SpeechAudio.invalid(call, json.getOriginalMessage(), json);
		}
		return new MistralIoException("I/O error while reading the speech audio of " + call + ": " + ex.getMessage(),
				ex, false);
	}

	/**
	 * Synthesizes speech as a stream of events: pieces of audio
	 * ({@link SpeechAudioDelta#audio()} decodes one) and the final {@link SpeechDone},
	 * which completes the flux. Unknown events arrive as
	 * {@link UnknownSpeechStreamEvent}; a stream cut before its final event fails with
	 * {@link dev.mistralboot.client.core.MistralStreamException}.
	 * @param request the text, voice and format
	 * @return the events
	 */
	public Flux<SpeechStreamEvent> speakStream(SpeechRequest request) {
		return Flux.defer(() -> this.http.stream(MistralAudioClient.speechRequest(this.defaults.apply(request), true),
				SpeechStreamEvent.class));
	}

	// ---------------------------------------------------------------- voices

	/**
	 * Lists the first page of voices ({@code GET /v1/audio/voices}).
	 * @return the page
	 */
	public Mono<VoiceList> listVoices() {
		return listVoices(ListVoicesRequest.ALL);
	}

	/**
	 * Lists one page of voices ({@code GET /v1/audio/voices}).
	 * @param request the page and filter
	 * @return the page
	 */
	public Mono<VoiceList> listVoices(ListVoicesRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return this.http.execute(MistralAudioClient.listVoicesRequest(request), VoiceList.class);
		}).map(MistralResponse::body);
	}

	/**
	 * Every voice matching the filter, across all pages, from the request's offset. A
	 * page is requested only when the subscriber has taken every voice of the previous
	 * one and asks for more.
	 * @param request the filter and page size ({@code limit})
	 * @return the voices
	 */
	public Flux<Voice> listAllVoices(ListVoicesRequest request) {
		return Flux.defer(() -> {
			Objects.requireNonNull(request, "request");
			MistralAudioClient.Paging paging = MistralAudioClient.Paging.of(request);
			return ReactiveMistralPager.flux(paging.firstPage(), paging.size(),
					(page) -> listVoices(paging.page(request, page)));
		});
	}

	/**
	 * Reads a voice ({@code GET /v1/audio/voices/{voice_id}}).
	 * @param voiceId the voice id
	 * @return the voice; an {@link IllegalArgumentException} signal when the id is blank
	 */
	public Mono<Voice> getVoice(String voiceId) {
		return Mono.defer(() -> this.http.execute(
				ApiRequest.get(MistralAudioClient.VOICE, voiceId).operation("audio.voices.get").build(), Voice.class))
			.map(MistralResponse::body);
	}

	/**
	 * Creates a custom voice from a sample ({@code POST /v1/audio/voices}).
	 * @param request the name, sample and description
	 * @return the voice
	 */
	public Mono<Voice> createVoice(CreateVoiceRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return this.http.execute(
					ApiRequest.post(MistralAudioClient.VOICES).operation("audio.voices.create").json(request).build(),
					Voice.class);
		}).map(MistralResponse::body);
	}

	/**
	 * Changes a voice's name, languages, gender, age, tags or description ({@code PATCH
	 * /v1/audio/voices/{voice_id}}).
	 * @param voiceId the voice id
	 * @param request the new values
	 * @return the voice
	 */
	public Mono<Voice> updateVoice(String voiceId, UpdateVoiceRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return this.http.execute(ApiRequest.of(HttpMethod.PATCH, MistralAudioClient.VOICE, voiceId)
				.operation("audio.voices.update")
				.json(request)
				.build(), Voice.class);
		}).map(MistralResponse::body);
	}

	/**
	 * Deletes a custom voice ({@code DELETE /v1/audio/voices/{voice_id}}).
	 * @param voiceId the voice id
	 * @return the deleted voice
	 */
	public Mono<Voice> deleteVoice(String voiceId) {
		return Mono.defer(() -> this.http.execute(ApiRequest.of(HttpMethod.DELETE, MistralAudioClient.VOICE, voiceId)
			.operation("audio.voices.delete")
			.build(), Voice.class)).map(MistralResponse::body);
	}

	/**
	 * A voice's sample ({@code GET /v1/audio/voices/{voice_id}/sample}, WAV audio), as it
	 * downloads. The subscriber owns each buffer and releases it; cancelling closes the
	 * connection. A cut or silent body fails: it never completes as if whole.
	 * @param voiceId the voice id
	 * @return the sample
	 */
	public Flux<DataBuffer> downloadVoiceSample(String voiceId) {
		return Flux.defer(() -> this.http.download(ApiRequest.get(MistralAudioClient.VOICE + "/sample", voiceId)
			.operation("audio.voices.sample")
			.build()));
	}

}
