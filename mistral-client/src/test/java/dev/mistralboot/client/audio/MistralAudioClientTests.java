package dev.mistralboot.client.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mistralboot.client.core.MistralDownload;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralInvalidResponseException;
import dev.mistralboot.client.core.MistralIoException;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.MistralServerException;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.MistralStreamException;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.core.UploadBuffers;
import dev.mistralboot.client.core.UploadContent;
import dev.mistralboot.client.test.FaultServer;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link MistralAudioClient} over HTTP: every operation of the transcription, speech and
 * voices endpoints with the requests checked against the API description by the scaffold;
 * every option of a transcription and every source of its audio; streamed transcriptions
 * with every event type, an unknown one and a cut; speech written intact to a stream, a
 * file and a resource, whole and streamed, and a cut answer reported as a failure; the
 * voices pager; the client's defaults.
 */
class MistralAudioClientTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	static final String TRANSCRIPTIONS = AudioFixtures.TRANSCRIPTIONS;

	static final String SPEECH = AudioFixtures.SPEECH;

	static final String VOICES = AudioFixtures.VOICES;

	static final String VOICE_ID = AudioFixtures.VOICE_ID;

	static final String VOICE_PATH = AudioFixtures.VOICE_PATH;

	static final byte[] AUDIO = AudioFixtures.AUDIO;

	@TempDir
	Path dir;

	private MistralAudioClient audio;

	@BeforeEach
	void client() {
		this.audio = new MistralAudioClient(wireMock.http());
	}

	// ---------------------------------------------------------------- transcriptions

	@Test
	void transcribesAPathWithEveryOptionAsAStreamedMultipartForm() throws IOException {
		Path wav = Files.write(this.dir.resolve("meeting.wav"), AUDIO);
		wireMock.stubJson(post(urlEqualTo(TRANSCRIPTIONS)), "audio_api_v1_transcriptions_post",
				AudioFixtures.TRANSCRIPTION);

		MistralResponse<Transcription> answer = this.audio.transcribeWithResponse(TranscriptionRequest.builder()
			.model("voxtral-mini-latest")
			.file(wav)
			.language("fr")
			.temperature(0.2)
			.diarize(true)
			.addContextBias("Mistral", "Voxtral")
			.addTimestampGranularities(TimestampGranularity.SEGMENT, TimestampGranularity.WORD)
			.build());

		Transcription transcription = answer.body();
		assertThat(answer.metadata().statusCode()).isEqualTo(200);
		assertThat(transcription.model()).isEqualTo("voxtral-mini-2507");
		assertThat(transcription.text()).isEqualTo("Bonjour à tous. Merci d'être venus.");
		assertThat(transcription.language()).isEqualTo("fr");
		assertThat(transcription.segments()).extracting(TranscriptionSegment::text)
			.containsExactly("Bonjour à tous.", "Merci d'être venus.");
		TranscriptionSegment first = transcription.segments().get(0);
		assertThat(first.start()).isEqualTo(0.0);
		assertThat(first.end()).isEqualTo(1.4);
		assertThat(first.score()).isEqualTo(0.93);
		assertThat(first.speakerId()).isEqualTo("speaker_1");
		assertThat(transcription.segments().get(1).score()).isNull();
		assertThat(transcription.usage().promptAudioSeconds()).isEqualTo(3);
		assertThat(transcription.usage().totalTokens()).isEqualTo(16);
		Request sent = lastRequest();
		assertThat(sent.getHeader("Content-Type")).startsWith("multipart/form-data");
		assertThat(sent.getHeader("Transfer-Encoding")).isEqualTo("chunked");
		assertThat(fields(sent)).containsExactly(Map.entry("model", "voxtral-mini-latest"), Map.entry("language", "fr"),
				Map.entry("temperature", "0.2"), Map.entry("diarize", "true"), Map.entry("context_bias", "Mistral"),
				Map.entry("context_bias", "Voxtral"), Map.entry("timestamp_granularities", "segment"),
				Map.entry("timestamp_granularities", "word"));
		Request.Part file = sent.getPart("file");
		assertThat(file.getHeader("Content-Disposition").firstValue()).contains("filename=\"meeting.wav\"");
		assertThat(file.getHeader("Content-Type").firstValue()).startsWith("audio/");
		assertThat(file.getBody().asBytes()).isEqualTo(AUDIO);
	}

	@Test
	void transcribesAResourceAndAnInputStream() {
		wireMock.stubJson(post(urlEqualTo(TRANSCRIPTIONS)), "audio_api_v1_transcriptions_post",
				AudioFixtures.TRANSCRIPTION);
		ByteArrayResource memo = new ByteArrayResource(AUDIO) {

			@Override
			public String getFilename() {
				return "memo.ogg";
			}

		};

		this.audio.transcribe(TranscriptionRequest.builder().model("voxtral-mini-latest").file(memo).build());
		Request fromResource = lastRequest();
		this.audio.transcribe(TranscriptionRequest.builder()
			.model("voxtral-mini-latest")
			.file(new ByteArrayInputStream(AUDIO), "call.mp3")
			.build());
		Request fromStream = lastRequest();

		assertThat(fromResource.getPart("file").getHeader("Content-Disposition").firstValue())
			.contains("filename=\"memo.ogg\"");
		assertThat(fromResource.getPart("file").getBody().asBytes()).isEqualTo(AUDIO);
		assertThat(fromStream.getPart("file").getHeader("Content-Disposition").firstValue())
			.contains("filename=\"call.mp3\"");
		assertThat(fromStream.getPart("file").getBody().asBytes()).isEqualTo(AUDIO);
		assertThat(fields(fromStream)).containsExactly(Map.entry("model", "voxtral-mini-latest"));
	}

	@Test
	void aResourceWithoutAFileNameNeedsOne() {
		wireMock.stubJson(post(urlEqualTo(TRANSCRIPTIONS)), "audio_api_v1_transcriptions_post",
				AudioFixtures.TRANSCRIPTION);
		ByteArrayResource unnamed = new ByteArrayResource(AUDIO);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.audio
				.transcribe(TranscriptionRequest.builder().model("voxtral-mini-latest").file(unnamed).build()))
			.withMessageContaining("has no file name");
		assertThat(wireMock.requestCount()).isZero();

		this.audio.transcribe(TranscriptionRequest.builder()
			.model("voxtral-mini-latest")
			.file(UploadContent.of(unnamed).withFilename("memo.flac").withContentType("audio/flac"))
			.build());
		Request.Part file = lastRequest().getPart("file");
		assertThat(file.getHeader("Content-Disposition").firstValue()).contains("filename=\"memo.flac\"");
		assertThat(file.getHeader("Content-Type").firstValue()).isEqualTo("audio/flac");
	}

	@Test
	void transcribesAFileIdAndAFileUrlWithoutUploading() {
		wireMock.stubJson(post(urlEqualTo(TRANSCRIPTIONS)), "audio_api_v1_transcriptions_post",
				AudioFixtures.TRANSCRIPTION);

		this.audio.transcribe(
				TranscriptionRequest.builder().model("voxtral-mini-latest").fileId("file-7f3a").language("en").build());
		Request byId = lastRequest();
		this.audio.transcribe(TranscriptionRequest.builder()
			.model("voxtral-mini-latest")
			.fileUrl("https://media.example/podcast.mp3")
			.build());
		Request byUrl = lastRequest();

		assertThat(fields(byId)).containsExactly(Map.entry("model", "voxtral-mini-latest"),
				Map.entry("file_id", "file-7f3a"), Map.entry("language", "en"));
		assertThat(byId.getPart("file")).isNull();
		assertThat(fields(byUrl)).containsExactly(Map.entry("model", "voxtral-mini-latest"),
				Map.entry("file_url", "https://media.example/podcast.mp3"));
		assertThat(byUrl.getPart("file")).isNull();
	}

	@Test
	void anInputStreamUploadIsNeverRetriedAndAPathUploadIs() throws IOException {
		MistralAudioClient retrying = new MistralAudioClient(wireMock.httpBuilder()
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)))
			.build());
		wireMock.server()
			.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(aResponse().withStatus(503).withBody("busy")));

		assertThatExceptionOfType(MistralServerException.class)
			.isThrownBy(() -> retrying.transcribe(TranscriptionRequest.builder()
				.model("voxtral-mini-latest")
				.file(new ByteArrayInputStream(AUDIO), "call.wav")
				.build()));
		wireMock.server().verify(exactly(1), postRequestedFor(urlEqualTo(TRANSCRIPTIONS)));

		wireMock.server().resetAll();
		wireMock.server()
			.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).inScenario("flaky")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503).withBody("busy"))
				.willSetStateTo("up"));
		wireMock.server()
			.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).inScenario("flaky")
				.whenScenarioStateIs("up")
				.willReturn(okJson(AudioFixtures.TRANSCRIPTION)));
		Path wav = Files.write(this.dir.resolve("call.wav"), AUDIO);

		assertThat(retrying.transcribe(TranscriptionRequest.builder().model("voxtral-mini-latest").file(wav).build())
			.language()).isEqualTo("fr");
		List<Request> attempts = wireMock.server()
			.getAllServeEvents()
			.stream()
			.map((event) -> (Request) event.getRequest())
			.toList();
		assertThat(attempts).hasSize(2)
			.allSatisfy((attempt) -> assertThat(attempt.getPart("file").getBody().asBytes()).isEqualTo(AUDIO));
	}

	@Test
	void theBlockingClientRejectsBuffersContentClearly() {
		Flux<DataBuffer> buffers = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(AUDIO));
		TranscriptionRequest request = TranscriptionRequest.builder()
			.model("voxtral-mini-latest")
			.file(UploadBuffers.of(buffers, "live.wav"))
			.build();

		assertThatIllegalStateException().isThrownBy(() -> this.audio.transcribe(request));
		assertThat(wireMock.requestCount()).isZero();
	}

	@Test
	void requestsCheckThemselves() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder().model("voxtral-mini-latest").build())
			.withMessageContaining("exactly one audio source")
			.withMessageContaining("0 set");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder().fileId("file-1").fileUrl("https://a.example/x").build())
			.withMessageContaining("2 set");
		assertThatIllegalArgumentException().isThrownBy(() -> TranscriptionRequest.builder().fileId(" ").build())
			.withMessageContaining("fileId");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder().fileUrl("https://a.example/" + "x".repeat(2100)).build())
			.withMessageContaining("2083");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder().fileId("file-1").language("fra").build())
			.withMessageContaining("two-letter");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder().fileId("file-1").addContextBias("two words").build())
			.withMessageContaining("two words");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder()
				.fileId("file-1")
				.addTimestampGranularities(TimestampGranularity.UNKNOWN)
				.build())
			.withMessageContaining("SEGMENT or WORD");
		assertThatIllegalArgumentException().isThrownBy(() -> SpeechRequest.builder().input(" ").build())
			.withMessageContaining("input");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpeechRequest.builder().input("Hi").responseFormat(SpeechOutputFormat.UNKNOWN).build())
			.withMessageContaining("UNKNOWN");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateVoiceRequest.builder().sample(AUDIO, "s.wav").build())
			.withMessageContaining("name");
		assertThatIllegalArgumentException().isThrownBy(() -> CreateVoiceRequest.builder().name("Narrator").build())
			.withMessageContaining("sample");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateVoiceRequest.builder()
				.name("Narrator")
				.sample(AUDIO, "s.wav")
				.description("x".repeat(501))
				.build())
			.withMessageContaining("500");
		assertThatIllegalArgumentException().isThrownBy(() -> ListVoicesRequest.builder().limit(101).build())
			.withMessageContaining("1 to 100");
		assertThatIllegalArgumentException().isThrownBy(() -> ListVoicesRequest.builder().offset(-1).build())
			.withMessageContaining("negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ListVoicesRequest.builder().type(VoiceType.UNKNOWN).build())
			.withMessageContaining("UNKNOWN");
		assertThatIllegalArgumentException().isThrownBy(() -> new AudioDefaults(" ", null, null))
			.withMessageContaining("mistral.audio.transcription-model");
	}

	// ---------------------------------------------------------------- defaults

	@Test
	void theDefaultsFillInWhatARequestLeavesOutAndNeverOverrideIt() {
		MistralAudioClient withDefaults = new MistralAudioClient(wireMock.http(),
				new AudioDefaults("voxtral-mini-latest", "voxtral-mini-tts-latest", "en_paul_neutral"));
		wireMock.stubJson(post(urlEqualTo(TRANSCRIPTIONS)), "audio_api_v1_transcriptions_post",
				AudioFixtures.TRANSCRIPTION);
		wireMock.server().stubFor(post(urlEqualTo(SPEECH)).willReturn(okJson(AudioFixtures.speechAnswer(AUDIO))));
		OutputStream ignored = OutputStream.nullOutputStream();

		withDefaults.transcribe(TranscriptionRequest.builder().fileId("file-1").build());
		assertThat(fields(lastRequest())).contains(Map.entry("model", "voxtral-mini-latest"));
		withDefaults.transcribe(TranscriptionRequest.builder().model("voxtral-small-latest").fileId("file-1").build());
		assertThat(fields(lastRequest())).contains(Map.entry("model", "voxtral-small-latest"));

		withDefaults.speak(SpeechRequest.builder().input("Hello").build(), ignored);
		withDefaults.speak(SpeechRequest.builder().input("Hello").model("tts-2").voiceId(VOICE_ID).build(), ignored);
		withDefaults.speak(SpeechRequest.builder().input("Hello").refAudio("UklGRg==").build(), ignored);
		new MistralAudioClient(wireMock.http()).speak(SpeechRequest.builder().input("Hello").build(), ignored);

		List<String> bodies = new ArrayList<>(wireMock.server()
			.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().equals(SPEECH))
			.map((event) -> event.getRequest().getBodyAsString())
			.toList());
		Collections.reverse(bodies);
		assertThat(bodies).hasSize(4);
		assertThat(bodies.get(0)).isEqualToIgnoringWhitespace(
				"{\"model\":\"voxtral-mini-tts-latest\",\"voice_id\":\"en_paul_neutral\",\"input\":\"Hello\"}");
		assertThat(bodies.get(1))
			.isEqualToIgnoringWhitespace("{\"model\":\"tts-2\",\"voice_id\":\"" + VOICE_ID + "\",\"input\":\"Hello\"}");
		// a reference audio is a voice: the default one is not added
		assertThat(bodies.get(2)).isEqualToIgnoringWhitespace(
				"{\"model\":\"voxtral-mini-tts-latest\",\"ref_audio\":\"UklGRg==\",\"input\":\"Hello\"}");
		assertThat(bodies.get(3)).isEqualToIgnoringWhitespace("{\"input\":\"Hello\"}");
		assertThat(withDefaults.defaults().voiceId()).isEqualTo("en_paul_neutral");
	}

	@Test
	void aTranscriptionWithoutAModelNeedsADefault() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.audio.transcribe(TranscriptionRequest.builder().fileId("file-1").build()))
			.withMessageContaining("mistral.audio.transcription-model");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.audio.transcribeStream(TranscriptionRequest.builder().fileId("file-1").build()))
			.withMessageContaining("names no model");
		assertThat(wireMock.requestCount()).isZero();
	}

	// ---------------------------------------------------------------- transcription
	// streams

	@Test
	void aTranscriptionStreamDeliversEveryEventTypeTypedAndKeepsAnUnknownOne() throws IOException {
		Path wav = Files.write(this.dir.resolve("meeting.wav"), AUDIO);
		wireMock.server()
			.stubFor(post(urlEqualTo(TRANSCRIPTIONS))
				.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
					.withBody(AudioFixtures.TRANSCRIPTION_STREAM)));
		List<TranscriptionStreamEvent> events = new ArrayList<>();

		try (MistralStream<TranscriptionStreamEvent> stream = this.audio.transcribeStream(TranscriptionRequest.builder()
			.model("voxtral-mini-latest")
			.file(wav)
			.language("fr")
			.diarize(true)
			.addTimestampGranularities(TimestampGranularity.SEGMENT)
			.build())) {
			stream.forEach(events::add);
		}

		assertEveryTranscriptionEvent(events);
		Request sent = lastRequest();
		assertThat(fields(sent)).containsExactly(Map.entry("model", "voxtral-mini-latest"), Map.entry("language", "fr"),
				Map.entry("stream", "true"), Map.entry("diarize", "true"),
				Map.entry("timestamp_granularities", "segment"));
		assertThat(sent.getPart("file").getBody().asBytes()).isEqualTo(AUDIO);
	}

	static void assertEveryTranscriptionEvent(List<TranscriptionStreamEvent> events) {
		assertThat(events).extracting(TranscriptionStreamEvent::type)
			.containsExactly("transcription.language", "transcription.text.delta", "transcription.progress",
					"transcription.text.delta", "transcription.segment", "transcription.done");
		assertThat(events.get(0)).isInstanceOfSatisfying(TranscriptionLanguage.class,
				(language) -> assertThat(language.audioLanguage()).isEqualTo("fr"));
		assertThat(events.stream().map(TranscriptionStreamEvent::textDelta).reduce("", String::concat))
			.isEqualTo("Bonjour à tous.");
		assertThat(events.get(2)).isInstanceOfSatisfying(UnknownTranscriptionStreamEvent.class, (unknown) -> {
			assertThat(unknown.additionalProperties()).containsEntry("percent", 50)
				.containsEntry("window", Map.of("from", 0.0, "to", 1.4));
			assertThat(unknown.isDone()).isFalse();
		});
		assertThat(events.get(4)).isInstanceOfSatisfying(TranscriptionSegmentDelta.class, (segment) -> {
			assertThat(segment.text()).isEqualTo("Bonjour à tous.");
			assertThat(segment.start()).isEqualTo(0.0);
			assertThat(segment.end()).isEqualTo(1.4);
			assertThat(segment.speakerId()).isEqualTo("speaker_1");
		});
		assertThat(events.get(5)).isInstanceOfSatisfying(TranscriptionDone.class, (done) -> {
			assertThat(done.isDone()).isTrue();
			assertThat(done.model()).isEqualTo("voxtral-mini-2507");
			assertThat(done.text()).isEqualTo("Bonjour à tous.");
			assertThat(done.language()).isEqualTo("fr");
			assertThat(done.segments()).extracting(TranscriptionSegment::speakerId).containsExactly("speaker_1");
			assertThat(done.usage().promptAudioSeconds()).isEqualTo(2);
		});
	}

	@Test
	void aTranscriptionStreamOfAFileUrlIsAFormWithoutAFile() {
		wireMock.server()
			.stubFor(post(urlEqualTo(TRANSCRIPTIONS))
				.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
					.withBody(AudioFixtures.TRANSCRIPTION_STREAM)));

		try (MistralStream<TranscriptionStreamEvent> stream = this.audio.transcribeStream(TranscriptionRequest.builder()
			.model("voxtral-mini-latest")
			.fileUrl("https://media.example/podcast.mp3")
			.temperature(0.0)
			.addContextBias("Voxtral")
			.build())) {
			assertThat(stream.stream().filter(TranscriptionStreamEvent::isDone).count()).isOne();
		}

		assertThat(fields(lastRequest())).containsExactly(Map.entry("model", "voxtral-mini-latest"),
				Map.entry("file_url", "https://media.example/podcast.mp3"), Map.entry("temperature", "0.0"),
				Map.entry("stream", "true"), Map.entry("context_bias", "Voxtral"));
	}

	@Test
	void aTranscriptionStreamCutBeforeItsFinalEventRaisesTheStreamException() {
		wireMock.server()
			.stubFor(post(urlEqualTo(TRANSCRIPTIONS))
				.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
					.withBody(AudioFixtures.CUT_TRANSCRIPTION_STREAM)));
		List<TranscriptionStreamEvent> events = new ArrayList<>();

		Throwable thrown = catchThrowable(() -> {
			try (MistralStream<TranscriptionStreamEvent> stream = this.audio.transcribeStream(
					TranscriptionRequest.builder().model("voxtral-mini-latest").fileId("file-1").build())) {
				stream.forEach(events::add);
			}
		});

		assertThat(thrown).isInstanceOfSatisfying(MistralStreamException.class, (ex) -> {
			assertThat(ex).hasMessageContaining("without [DONE] or its final event");
			assertThat(ex.getChunksDelivered()).isEqualTo(2);
		});
		assertThat(events).extracting(TranscriptionStreamEvent::type)
			.containsExactly("transcription.language", "transcription.text.delta");
	}

	// ---------------------------------------------------------------- speech

	@Test
	void speechIsWrittenIntactToAStreamAFileAndAResource() throws IOException {
		byte[] speech = AudioFixtures.bytes(11, 3 * 1024 * 1024 + 17);
		MistralWireMock.conformingResponse("speech_v1_audio_speech_post",
				AudioFixtures.speechAnswer(AudioFixtures.bytes(11, 300)));
		wireMock.server().stubFor(post(urlEqualTo(SPEECH)).willReturn(okJson(AudioFixtures.speechAnswer(speech))));
		SpeechRequest request = SpeechRequest.builder()
			.model("voxtral-mini-tts-latest")
			.input("Bonjour à tous.")
			.voiceId(VOICE_ID)
			.responseFormat(SpeechOutputFormat.WAV)
			.promptCacheKey("greeting")
			.metadata(Map.of("team", "support"))
			// a stream flag is dropped: speak(...) asks for the whole answer
			.stream(true)
			.build();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Path file = this.dir.resolve("hello.wav");
		Path resourceFile = this.dir.resolve("resource.wav");

		assertThat(this.audio.speak(request, out)).isEqualTo(speech.length);
		assertThat(this.audio.speak(request, file)).isEqualTo(speech.length);
		assertThat(this.audio.speak(request, new FileSystemResource(resourceFile))).isEqualTo(speech.length);

		String expected = AudioFixtures.sha256(speech);
		assertThat(AudioFixtures.sha256(out.toByteArray())).isEqualTo(expected);
		assertThat(AudioFixtures.sha256(Files.readAllBytes(file))).isEqualTo(expected);
		assertThat(AudioFixtures.sha256(Files.readAllBytes(resourceFile))).isEqualTo(expected);
		wireMock.server().verify(exactly(3), postRequestedFor(urlEqualTo(SPEECH)).withRequestBody(equalToJson("""
				{"model":"voxtral-mini-tts-latest","metadata":{"team":"support"},"prompt_cache_key":"greeting",
				 "voice_id":"%s","input":"Bonjour à tous.","response_format":"wav"}""".formatted(VOICE_ID))));
	}

	@Test
	void speechAnsweredAsRawAudioIsCopiedAsItIs() {
		byte[] speech = AudioFixtures.bytes(13, 200_000);
		wireMock.server()
			.stubFor(post(urlEqualTo(SPEECH))
				.willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(speech)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		assertThat(this.audio.speak(SpeechRequest.builder().input("Hi").build(), out)).isEqualTo(speech.length);

		assertThat(out.toByteArray()).isEqualTo(speech);
	}

	@Test
	void aSpeechAnswerWithoutAudioOrCutShortIsAFailure() {
		SpeechRequest request = SpeechRequest.builder().input("Hi").build();
		wireMock.server().stubFor(post(urlEqualTo(SPEECH)).willReturn(okJson("{\"detail_id\":\"x\"}")));
		assertThatExceptionOfType(MistralInvalidResponseException.class)
			.isThrownBy(() -> this.audio.speak(request, OutputStream.nullOutputStream()))
			.withMessageContaining("holds no audio_data");

		String whole = AudioFixtures.speechAnswer(AudioFixtures.bytes(17, 100_000));
		wireMock.server().stubFor(post(urlEqualTo(SPEECH)).willReturn(okJson(whole.substring(0, whole.length() / 2))));
		assertThatExceptionOfType(MistralInvalidResponseException.class)
			.isThrownBy(() -> this.audio.speak(request, OutputStream.nullOutputStream()))
			.withMessageContaining("could not be read as speech audio");
	}

	@Test
	void aSpeechAnswerWhoseConnectionIsCutIsNeverComplete() throws Exception {
		String whole = AudioFixtures.speechAnswer(AudioFixtures.bytes(19, 200_000));
		try (FaultServer server = new FaultServer((c, attempt) -> {
			c.head(200, "Content-Type", "application/json", "Content-Length", String.valueOf(whole.length()));
			c.write(whole.substring(0, 100_000));
			c.close();
		})) {
			MistralAudioClient cut = new MistralAudioClient(MistralHttp.builder()
				.baseUrl(server.baseUrl())
				.apiKey(MistralWireMock.API_KEY)
				.retryPolicy(RetryPolicy.NONE)
				.build());
			ByteArrayOutputStream out = new ByteArrayOutputStream();

			assertThatExceptionOfType(MistralIoException.class)
				.isThrownBy(() -> cut.speak(SpeechRequest.builder().input("Hi").build(), out))
				.withMessageContaining("speech audio");
			assertThat(out.size()).isLessThan(200_000);
			for (FaultServer.Request sent : server.requests()) {
				OpenApiContract.get()
					.assertRequestValid(sent.method(), sent.path(), sent.header("Content-Type"), sent.body());
			}
		}
	}

	@Test
	void aSpeechStreamDeliversItsAudioInOrderAndKeepsAnUnknownEvent() {
		List<byte[]> pieces = List.of(AudioFixtures.bytes(21, 40_000), AudioFixtures.bytes(22, 40_000),
				AudioFixtures.bytes(23, 1_234));
		MistralWireMock.conformingSchema("SpeechStreamAudioDelta", AudioFixtures.speechDelta(pieces.get(2)));
		String body = AudioFixtures.sse("speech.audio.delta", AudioFixtures.speechDelta(pieces.get(0)))
				+ AudioFixtures.sse("speech.audio.delta", AudioFixtures.speechDelta(pieces.get(1)))
				+ AudioFixtures.sse("speech.audio.marker", "{\"type\":\"speech.audio.marker\",\"name\":\"pause\"}")
				+ AudioFixtures.sse("speech.audio.delta", AudioFixtures.speechDelta(pieces.get(2)))
				+ AudioFixtures.sse("speech.audio.done", AudioFixtures.SPEECH_DONE_EVENT);
		wireMock.server()
			.stubFor(post(urlEqualTo(SPEECH))
				.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
		SpeechRequest request = SpeechRequest.builder()
			.input("Bonjour")
			.voiceId(VOICE_ID)
			.responseFormat(SpeechOutputFormat.PCM)
			.build();
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		pieces.forEach(expected::writeBytes);

		List<SpeechStreamEvent> events = new ArrayList<>();
		try (MistralStream<SpeechStreamEvent> stream = this.audio.speakStream(request)) {
			stream.forEach(events::add);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		SpeechDone done = this.audio.speakStream(request, out);

		assertThat(events).extracting(SpeechStreamEvent::type)
			.containsExactly("speech.audio.delta", "speech.audio.delta", "speech.audio.marker", "speech.audio.delta",
					"speech.audio.done");
		assertThat(events.get(2)).isInstanceOfSatisfying(UnknownSpeechStreamEvent.class,
				(unknown) -> assertThat(unknown.additionalProperties()).containsEntry("name", "pause"));
		assertThat(((SpeechAudioDelta) events.get(1)).audio()).isEqualTo(pieces.get(1));
		assertThat(AudioFixtures.sha256(out.toByteArray())).isEqualTo(AudioFixtures.sha256(expected.toByteArray()));
		assertThat(done.usage().completionTokens()).isEqualTo(90);
		wireMock.server().verify(exactly(2), postRequestedFor(urlEqualTo(SPEECH)).withRequestBody(equalToJson("""
				{"stream":true,"voice_id":"%s","input":"Bonjour","response_format":"pcm"}""".formatted(VOICE_ID))));
	}

	@Test
	void aSpeechStreamCutBeforeItsFinalEventRaisesTheStreamException() {
		String body = AudioFixtures.sse("speech.audio.delta", AudioFixtures.speechDelta(AUDIO));
		wireMock.server()
			.stubFor(post(urlEqualTo(SPEECH))
				.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
		SpeechRequest request = SpeechRequest.builder().input("Bonjour").build();
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		assertThatExceptionOfType(MistralStreamException.class).isThrownBy(() -> this.audio.speakStream(request, out))
			.withMessageContaining("without [DONE] or its final event");
		assertThat(out.toByteArray()).isEqualTo(AUDIO);

		wireMock.server()
			.stubFor(post(urlEqualTo(SPEECH)).willReturn(
					aResponse().withHeader("Content-Type", "text/event-stream").withBody(body + "data: [DONE]\n\n")));
		assertThatExceptionOfType(MistralStreamException.class)
			.isThrownBy(() -> this.audio.speakStream(request, OutputStream.nullOutputStream()))
			.withMessageContaining("speech.audio.done");
	}

	// ---------------------------------------------------------------- voices

	@Test
	void listsVoicesWithEveryFilter() {
		wireMock.stubJson(get(urlPathEqualTo(VOICES)), "list_voices_v1_audio_voices_get",
				AudioFixtures.voicePage(3, 1, 2, AudioFixtures.VOICE, AudioFixtures.SECOND_VOICE));

		VoiceList page = this.audio
			.listVoices(ListVoicesRequest.builder().limit(2).offset(0).type(VoiceType.CUSTOM).build());
		VoiceList first = this.audio.listVoices();

		assertThat(page.items()).extracting(Voice::id).containsExactly(VOICE_ID, AudioFixtures.SECOND_VOICE_ID);
		assertThat(page.data()).isEqualTo(page.items());
		assertThat(page.total()).isEqualTo(3L);
		assertThat(page.page()).isEqualTo(1);
		assertThat(page.pageSize()).isEqualTo(2);
		assertThat(page.totalPages()).isEqualTo(2);
		assertThat(first.items()).hasSize(2);
		wireMock.server()
			.verify(getRequestedFor(urlEqualTo(VOICES + "?limit=2&offset=0&type=custom")).withHeader("Authorization",
					equalTo("Bearer " + MistralWireMock.API_KEY)));
		wireMock.server().verify(getRequestedFor(urlEqualTo(VOICES)));
	}

	@Test
	void listAllVoicesWalksThePagesUpToTheTotal() {
		stubVoicePages();

		List<String> all = this.audio.listAllVoices(ListVoicesRequest.builder().limit(2).type(VoiceType.ALL).build())
			.map(Voice::id)
			.toList();

		assertThat(all).containsExactly(VOICE_ID, AudioFixtures.SECOND_VOICE_ID, AudioFixtures.THIRD_VOICE_ID);
		// the total says three: no request for an empty third page
		assertThat(wireMock.requestCount()).isEqualTo(2);
	}

	@Test
	void listAllVoicesStartsAtTheRequestsOffset() {
		stubVoicePages();
		wireMock.stubJson(get(urlEqualTo(VOICES + "?limit=2&offset=1")), "list_voices_v1_audio_voices_get",
				AudioFixtures.voicePage(3, 1, 2, AudioFixtures.SECOND_VOICE, AudioFixtures.THIRD_VOICE));
		wireMock.stubJson(get(urlEqualTo(VOICES + "?limit=2&offset=3")), "list_voices_v1_audio_voices_get",
				AudioFixtures.voicePage(3, 2, 2));

		assertThat(this.audio.listAllVoices(ListVoicesRequest.builder().limit(2).offset(2).build()).map(Voice::id))
			.containsExactly(AudioFixtures.THIRD_VOICE_ID);
		assertThat(this.audio.listAllVoices(ListVoicesRequest.builder().limit(2).offset(1).build()).map(Voice::id))
			.containsExactly(AudioFixtures.SECOND_VOICE_ID, AudioFixtures.THIRD_VOICE_ID);
		// a stream is lazy: nothing is requested before it is consumed
		int before = wireMock.requestCount();
		this.audio.listAllVoices(ListVoicesRequest.ALL);
		assertThat(wireMock.requestCount()).isEqualTo(before);
	}

	static void stubVoicePages() {
		stubVoicePages(wireMock);
	}

	static void stubVoicePages(MistralWireMock mock) {
		mock.stubJson(get(urlEqualTo(VOICES + "?limit=2&offset=0&type=all")), "list_voices_v1_audio_voices_get",
				AudioFixtures.voicePage(3, 1, 2, AudioFixtures.VOICE, AudioFixtures.SECOND_VOICE));
		mock.stubJson(get(urlEqualTo(VOICES + "?limit=2&offset=2&type=all")), "list_voices_v1_audio_voices_get",
				AudioFixtures.voicePage(3, 2, 2, AudioFixtures.THIRD_VOICE));
		mock.stubJson(get(urlEqualTo(VOICES + "?limit=2&offset=2")), "list_voices_v1_audio_voices_get",
				AudioFixtures.voicePage(3, 2, 2, AudioFixtures.THIRD_VOICE));
	}

	@Test
	void createsAVoiceFromASampleReadsUpdatesAndDeletesIt() throws IOException {
		Path sample = Files.write(this.dir.resolve("sample.wav"), AUDIO);
		wireMock.stubJson(post(urlEqualTo(VOICES)), "create_voice_v1_audio_voices_post", AudioFixtures.VOICE);
		wireMock.stubJson(get(urlEqualTo(VOICE_PATH)), "get_voice_v1_audio_voices__voice_id__get", AudioFixtures.VOICE);
		wireMock.stubJson(patch(urlEqualTo(VOICE_PATH)), "update_voice_v1_audio_voices__voice_id__patch",
				AudioFixtures.VOICE);
		wireMock.stubJson(delete(urlEqualTo(VOICE_PATH)), "delete_voice_v1_audio_voices__voice_id__delete",
				AudioFixtures.VOICE);

		Voice created = this.audio.createVoice(CreateVoiceRequest.builder()
			.name("Narrator")
			.slug("narrator")
			.languages(List.of("en", "fr"))
			.gender("female")
			.age(35)
			.tags(List.of("calm"))
			.color("#3366ff")
			.description("A calm narrator")
			.retentionNotice(30)
			.sample(sample)
			.build());
		this.audio.createVoice(CreateVoiceRequest.builder().name("Short").sample(AUDIO, null).build());
		Voice read = this.audio.getVoice(VOICE_ID);
		Voice updated = this.audio.updateVoice(VOICE_ID,
				UpdateVoiceRequest.builder()
					.name("Narrator 2")
					.languages(List.of("en"))
					.gender("male")
					.age(40)
					.tags(List.of("deep"))
					.description("Deeper")
					.build());
		Voice deleted = this.audio.deleteVoice(VOICE_ID);

		assertThat(created.id()).isEqualTo(VOICE_ID);
		assertThat(created.name()).isEqualTo("Narrator");
		assertThat(created.languages()).containsExactly("en", "fr");
		assertThat(created.age()).isEqualTo(35);
		assertThat(created.tags()).containsExactly("calm", "warm");
		assertThat(created.createdAt()).isEqualTo("2026-12-03T08:30:00Z");
		assertThat(created.userId()).isEqualTo(AudioFixtures.USER_ID);
		assertThat(created.trimmedSeconds()).isEqualTo(12.5);
		assertThat(created.additionalProperties()).containsEntry("accent", "parisian");
		assertThat(read.description()).isEqualTo("A calm narrator");
		assertThat(updated.retentionNotice()).isEqualTo(30);
		assertThat(deleted.id()).isEqualTo(VOICE_ID);
		String base64 = Base64.getEncoder().encodeToString(AUDIO);
		wireMock.server().verify(postRequestedFor(urlEqualTo(VOICES)).withRequestBody(equalToJson("""
				{"name":"Narrator","slug":"narrator","languages":["en","fr"],"gender":"female","age":35,
				 "tags":["calm"],"color":"#3366ff","description":"A calm narrator","retention_notice":30,
				 "sample_audio":"%s","sample_filename":"sample.wav"}""".formatted(base64))));
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo(VOICES))
				.withRequestBody(equalToJson("{\"name\":\"Short\",\"sample_audio\":\"%s\"}".formatted(base64))));
		wireMock.server().verify(patchRequestedFor(urlEqualTo(VOICE_PATH)).withRequestBody(equalToJson("""
				{"name":"Narrator 2","languages":["en"],"gender":"male","age":40,"tags":["deep"],
				 "description":"Deeper"}""")));
		wireMock.server().verify(exactly(1), deleteRequestedFor(urlEqualTo(VOICE_PATH)));
		wireMock.server().verify(exactly(1), getRequestedFor(urlEqualTo(VOICE_PATH)));
	}

	@Test
	void downloadsAVoiceSampleIntact() throws IOException {
		byte[] wav = AudioFixtures.bytes(29, 1024 * 1024 + 3);
		wireMock.server()
			.stubFor(get(urlEqualTo(VOICE_PATH + "/sample"))
				.willReturn(aResponse().withHeader("Content-Type", "audio/wav").withBody(wav)));

		try (MistralDownload sample = this.audio.downloadVoiceSample(VOICE_ID)) {
			assertThat(sample.metadata().headers().getContentType()).hasToString("audio/wav");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			assertThat(sample.transferTo(out)).isEqualTo(wav.length);
			assertThat(AudioFixtures.sha256(out.toByteArray())).isEqualTo(AudioFixtures.sha256(wav));
		}
		Path file = this.dir.resolve("sample.wav");
		try (MistralDownload sample = this.audio.downloadVoiceSample(VOICE_ID)) {
			sample.transferTo(file);
		}
		assertThat(AudioFixtures.sha256(Files.readAllBytes(file))).isEqualTo(AudioFixtures.sha256(wav));
		try (MistralDownload sample = this.audio.downloadVoiceSample(VOICE_ID); InputStream in = sample.body()) {
			assertThat(in.readNBytes(4)).isEqualTo(Arrays.copyOf(wav, 4));
		}
	}

	@Test
	void aBlankVoiceIdIsRejectedBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.audio.getVoice(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> this.audio.deleteVoice(""));
		assertThat(wireMock.requestCount()).isZero();
	}

	// ---------------------------------------------------------------- helpers

	static Request lastRequest() {
		return lastRequest(wireMock);
	}

	static Request lastRequest(MistralWireMock server) {
		return server.server().getAllServeEvents().get(0).getRequest();
	}

	/** The text fields of a multipart request, in order, without the file part. */
	static List<Map.Entry<String, String>> fields(Request request) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		for (Request.Part part : request.getParts()) {
			if (!"file".equals(part.getName())) {
				fields.add(Map.entry(part.getName(), part.getBody().asString()));
			}
		}
		return fields;
	}

}
