package dev.mistralboot.client.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mistralboot.client.core.MistralInvalidResponseException;
import dev.mistralboot.client.core.MistralIoException;
import dev.mistralboot.client.core.MistralServerException;
import dev.mistralboot.client.core.MistralStreamException;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.core.UploadBuffers;
import dev.mistralboot.client.core.UploadContent;
import dev.mistralboot.client.test.FaultServer;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ReactiveMistralAudioClient} over HTTP: the cases of
 * {@link MistralAudioClientTests} on WebClient, with the same requests (checked against
 * the API description by the scaffold), plus the upload of a {@link Flux} of buffers and
 * speech and voice samples as buffers.
 */
class ReactiveMistralAudioClientTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String TRANSCRIPTIONS = AudioFixtures.TRANSCRIPTIONS;

	static final String SPEECH = AudioFixtures.SPEECH;

	static final String VOICES = AudioFixtures.VOICES;

	static final String VOICE_ID = AudioFixtures.VOICE_ID;

	static final String VOICE_PATH = AudioFixtures.VOICE_PATH;

	static final byte[] AUDIO = AudioFixtures.AUDIO;

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	@TempDir
	Path dir;

	private final ReactiveMistralAudioClient audio = new ReactiveMistralAudioClient(wireMock.reactiveHttp());

	// ---------------------------------------------------------------- transcriptions

	@Test
	void transcribesAPathWithEveryOption() throws IOException {
		Path wav = Files.write(this.dir.resolve("meeting.wav"), AUDIO);
		wireMock.stubJson(post(urlEqualTo(TRANSCRIPTIONS)), "audio_api_v1_transcriptions_post",
				AudioFixtures.TRANSCRIPTION);

		StepVerifier.create(this.audio.transcribeWithResponse(TranscriptionRequest.builder()
			.model("voxtral-mini-latest")
			.file(wav)
			.language("fr")
			.temperature(0.2)
			.diarize(true)
			.addContextBias("Mistral", "Voxtral")
			.addTimestampGranularities(TimestampGranularity.SEGMENT, TimestampGranularity.WORD)
			.build())).assertNext((answer) -> {
				assertThat(answer.metadata().statusCode()).isEqualTo(200);
				assertThat(answer.body().text()).isEqualTo("Bonjour à tous. Merci d'être venus.");
				assertThat(answer.body().segments()).extracting(TranscriptionSegment::speakerId)
					.containsExactly("speaker_1", "speaker_2");
				assertThat(answer.body().usage().promptAudioSeconds()).isEqualTo(3);
			}).expectComplete().verify(WAIT);

		Request sent = MistralAudioClientTests.lastRequest(wireMock);
		assertThat(sent.getHeader("Content-Type")).startsWith("multipart/form-data");
		assertThat(MistralAudioClientTests.fields(sent)).containsExactly(Map.entry("model", "voxtral-mini-latest"),
				Map.entry("language", "fr"), Map.entry("temperature", "0.2"), Map.entry("diarize", "true"),
				Map.entry("context_bias", "Mistral"), Map.entry("context_bias", "Voxtral"),
				Map.entry("timestamp_granularities", "segment"), Map.entry("timestamp_granularities", "word"));
		Request.Part file = sent.getPart("file");
		assertThat(file.getHeader("Content-Disposition").firstValue()).contains("filename=\"meeting.wav\"");
		assertThat(file.getBody().asBytes()).isEqualTo(AUDIO);
	}

	@Test
	void transcribesAResourceAnInputStreamAndAFluxOfBuffers() {
		wireMock.stubJson(post(urlEqualTo(TRANSCRIPTIONS)), "audio_api_v1_transcriptions_post",
				AudioFixtures.TRANSCRIPTION);
		ByteArrayResource memo = new ByteArrayResource(AUDIO) {

			@Override
			public String getFilename() {
				return "memo.ogg";
			}

		};
		AtomicInteger subscriptions = new AtomicInteger();
		Flux<DataBuffer> buffers = Flux.range(0, 6)
			.<DataBuffer>map((n) -> DefaultDataBufferFactory.sharedInstance
				.wrap(Arrays.copyOfRange(AUDIO, n * 4000, (n + 1) * 4000)))
			.doOnSubscribe((subscription) -> subscriptions.incrementAndGet());

		StepVerifier
			.create(this.audio
				.transcribe(TranscriptionRequest.builder().model("voxtral-mini-latest").file(memo).build())
				.then(this.audio.transcribe(TranscriptionRequest.builder()
					.model("voxtral-mini-latest")
					.file(new ByteArrayInputStream(AUDIO), "call.mp3")
					.build()))
				.then(this.audio.transcribe(TranscriptionRequest.builder()
					.model("voxtral-mini-latest")
					.file(UploadBuffers.of(buffers, "live.webm"))
					.language("fr")
					.build())))
			.assertNext((transcription) -> assertThat(transcription.language()).isEqualTo("fr"))
			.expectComplete()
			.verify(WAIT);

		List<Request> sent = requestsInOrder();
		assertThat(sent).hasSize(3);
		assertThat(sent).extracting((request) -> request.getPart("file").getHeader("Content-Disposition").firstValue())
			.satisfiesExactly((name) -> assertThat(name).contains("filename=\"memo.ogg\""),
					(name) -> assertThat(name).contains("filename=\"call.mp3\""),
					(name) -> assertThat(name).contains("filename=\"live.webm\""));
		assertThat(sent)
			.allSatisfy((request) -> assertThat(request.getPart("file").getBody().asBytes()).isEqualTo(AUDIO));
		assertThat(MistralAudioClientTests.fields(sent.get(2)))
			.containsExactly(Map.entry("model", "voxtral-mini-latest"), Map.entry("language", "fr"));
		assertThat(subscriptions).hasValue(1);
	}

	@Test
	void transcribesAFileIdAndAFileUrlWithoutUploading() {
		wireMock.stubJson(post(urlEqualTo(TRANSCRIPTIONS)), "audio_api_v1_transcriptions_post",
				AudioFixtures.TRANSCRIPTION);

		StepVerifier.create(this.audio.transcribe(
				TranscriptionRequest.builder().model("voxtral-mini-latest").fileId("file-7f3a").language("en").build())
			.then(this.audio.transcribe(TranscriptionRequest.builder()
				.model("voxtral-mini-latest")
				.fileUrl("https://media.example/podcast.mp3")
				.build())))
			.expectNextCount(1)
			.expectComplete()
			.verify(WAIT);

		List<Request> sent = requestsInOrder();
		assertThat(MistralAudioClientTests.fields(sent.get(0))).containsExactly(
				Map.entry("model", "voxtral-mini-latest"), Map.entry("file_id", "file-7f3a"),
				Map.entry("language", "en"));
		assertThat(MistralAudioClientTests.fields(sent.get(1))).containsExactly(
				Map.entry("model", "voxtral-mini-latest"), Map.entry("file_url", "https://media.example/podcast.mp3"));
		assertThat(sent).allSatisfy((request) -> assertThat(request.getPart("file")).isNull());
	}

	@Test
	void aFluxUploadIsNeverRetriedAndAPathUploadIs() throws IOException {
		ReactiveMistralAudioClient retrying = new ReactiveMistralAudioClient(wireMock.reactiveHttpBuilder()
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)))
			.build());
		wireMock.server()
			.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(aResponse().withStatus(503).withBody("busy")));
		Flux<DataBuffer> buffers = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(AUDIO));

		StepVerifier.create(retrying.transcribe(TranscriptionRequest.builder()
			.model("voxtral-mini-latest")
			.file(UploadBuffers.of(buffers, "live.wav"))
			.build())).expectError(MistralServerException.class).verify(WAIT);
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

		StepVerifier
			.create(retrying.transcribe(TranscriptionRequest.builder().model("voxtral-mini-latest").file(wav).build()))
			.expectNextCount(1)
			.expectComplete()
			.verify(WAIT);
		assertThat(requestsInOrder()).hasSize(2)
			.allSatisfy((attempt) -> assertThat(attempt.getPart("file").getBody().asBytes()).isEqualTo(AUDIO));
	}

	// ---------------------------------------------------------------- defaults

	@Test
	void theDefaultsFillInWhatARequestLeavesOutAndNeverOverrideIt() {
		ReactiveMistralAudioClient withDefaults = new ReactiveMistralAudioClient(wireMock.reactiveHttp(),
				new AudioDefaults("voxtral-mini-latest", "voxtral-mini-tts-latest", "en_paul_neutral"));
		wireMock.stubJson(post(urlEqualTo(TRANSCRIPTIONS)), "audio_api_v1_transcriptions_post",
				AudioFixtures.TRANSCRIPTION);
		wireMock.server().stubFor(post(urlEqualTo(SPEECH)).willReturn(okJson(AudioFixtures.speechAnswer(AUDIO))));

		StepVerifier
			.create(withDefaults.transcribe(TranscriptionRequest.builder().fileId("file-1").build())
				.then(withDefaults
					.transcribe(TranscriptionRequest.builder().model("voxtral-small-latest").fileId("file-1").build()))
				.thenMany(withDefaults.speak(SpeechRequest.builder().input("Hello").build()))
				.thenMany(withDefaults
					.speak(SpeechRequest.builder().input("Hello").model("tts-2").voiceId(VOICE_ID).build()))
				.thenMany(withDefaults.speak(SpeechRequest.builder().input("Hello").refAudio("UklGRg==").build()))
				.thenMany(this.audio.speak(SpeechRequest.builder().input("Hello").build()))
				.map(DataBufferUtils::release))
			.thenConsumeWhile((released) -> true)
			.expectComplete()
			.verify(WAIT);

		List<Request> sent = requestsInOrder();
		assertThat(sent).hasSize(6);
		assertThat(MistralAudioClientTests.fields(sent.get(0))).contains(Map.entry("model", "voxtral-mini-latest"));
		assertThat(MistralAudioClientTests.fields(sent.get(1))).contains(Map.entry("model", "voxtral-small-latest"));
		assertThat(sent.get(2).getBodyAsString()).isEqualToIgnoringWhitespace(
				"{\"model\":\"voxtral-mini-tts-latest\",\"voice_id\":\"en_paul_neutral\",\"input\":\"Hello\"}");
		assertThat(sent.get(3).getBodyAsString())
			.isEqualToIgnoringWhitespace("{\"model\":\"tts-2\",\"voice_id\":\"" + VOICE_ID + "\",\"input\":\"Hello\"}");
		assertThat(sent.get(4).getBodyAsString()).isEqualToIgnoringWhitespace(
				"{\"model\":\"voxtral-mini-tts-latest\",\"ref_audio\":\"UklGRg==\",\"input\":\"Hello\"}");
		assertThat(sent.get(5).getBodyAsString()).isEqualToIgnoringWhitespace("{\"input\":\"Hello\"}");
		assertThat(withDefaults.defaults().speechModel()).isEqualTo("voxtral-mini-tts-latest");
	}

	@Test
	void aTranscriptionWithoutAModelNeedsADefaultAndNothingIsSentBeforeSubscription() {
		TranscriptionRequest request = TranscriptionRequest.builder().fileId("file-1").build();

		StepVerifier.create(this.audio.transcribe(request))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("mistral.audio.transcription-model"))
			.verify(WAIT);
		StepVerifier.create(this.audio.transcribeStream(request))
			.expectError(IllegalArgumentException.class)
			.verify(WAIT);
		this.audio.transcribe(TranscriptionRequest.builder().model("voxtral-mini-latest").fileId("file-1").build());
		this.audio.speak(SpeechRequest.builder().input("Hello").build());
		this.audio.getVoice(VOICE_ID);
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

		List<TranscriptionStreamEvent> events = this.audio
			.transcribeStream(TranscriptionRequest.builder()
				.model("voxtral-mini-latest")
				.file(wav)
				.language("fr")
				.diarize(true)
				.addTimestampGranularities(TimestampGranularity.SEGMENT)
				.build())
			.collectList()
			.block(WAIT);

		MistralAudioClientTests.assertEveryTranscriptionEvent(events);
		Request sent = MistralAudioClientTests.lastRequest(wireMock);
		assertThat(MistralAudioClientTests.fields(sent)).containsExactly(Map.entry("model", "voxtral-mini-latest"),
				Map.entry("language", "fr"), Map.entry("stream", "true"), Map.entry("diarize", "true"),
				Map.entry("timestamp_granularities", "segment"));
		assertThat(sent.getPart("file").getBody().asBytes()).isEqualTo(AUDIO);
	}

	@Test
	void aTranscriptionStreamOfAFluxOfBuffersIsUploadedAsItComes() {
		wireMock.server()
			.stubFor(post(urlEqualTo(TRANSCRIPTIONS))
				.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
					.withBody(AudioFixtures.TRANSCRIPTION_STREAM)));
		Flux<DataBuffer> buffers = Flux.just(AUDIO)
			.<DataBuffer>map((bytes) -> DefaultDataBufferFactory.sharedInstance.wrap(bytes));

		StepVerifier
			.create(this.audio.transcribeStream(TranscriptionRequest.builder()
				.model("voxtral-mini-latest")
				.file(UploadBuffers.of(buffers, "live.wav"))
				.build()).filter(TranscriptionStreamEvent::isDone))
			.expectNextCount(1)
			.expectComplete()
			.verify(WAIT);

		Request sent = MistralAudioClientTests.lastRequest(wireMock);
		assertThat(MistralAudioClientTests.fields(sent)).containsExactly(Map.entry("model", "voxtral-mini-latest"),
				Map.entry("stream", "true"));
		assertThat(sent.getPart("file").getBody().asBytes()).isEqualTo(AUDIO);
	}

	@Test
	void aTranscriptionStreamCutBeforeItsFinalEventFailsWithTheStreamException() {
		wireMock.server()
			.stubFor(post(urlEqualTo(TRANSCRIPTIONS))
				.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
					.withBody(AudioFixtures.CUT_TRANSCRIPTION_STREAM)));

		StepVerifier
			.create(this.audio
				.transcribeStream(TranscriptionRequest.builder().model("voxtral-mini-latest").fileId("file-1").build()))
			.assertNext((event) -> assertThat(event).isInstanceOf(TranscriptionLanguage.class))
			.assertNext((event) -> assertThat(event.textDelta()).isEqualTo("Bonjour "))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralStreamException.class)
				.hasMessageContaining("without [DONE] or its final event"))
			.verify(WAIT);
	}

	// ---------------------------------------------------------------- speech

	@Test
	void speechArrivesIntactAsBuffersAndIsWrittenToAFile() {
		byte[] speech = AudioFixtures.bytes(11, 3 * 1024 * 1024 + 17);
		wireMock.server().stubFor(post(urlEqualTo(SPEECH)).willReturn(okJson(AudioFixtures.speechAnswer(speech))));
		SpeechRequest request = SpeechRequest.builder()
			.model("voxtral-mini-tts-latest")
			.input("Bonjour à tous.")
			.voiceId(VOICE_ID)
			.responseFormat(SpeechOutputFormat.WAV)
			.stream(true)
			.build();
		Path file = this.dir.resolve("hello.wav");

		byte[] joined = join(this.audio.speak(request));
		DataBufferUtils.write(this.audio.speak(request), file).block(WAIT);

		String expected = AudioFixtures.sha256(speech);
		assertThat(AudioFixtures.sha256(joined)).isEqualTo(expected);
		assertThat(digestOf(file)).isEqualTo(expected);
		wireMock.server().verify(exactly(2), postRequestedFor(urlEqualTo(SPEECH)).withRequestBody(equalToJson("""
				{"model":"voxtral-mini-tts-latest","voice_id":"%s","input":"Bonjour à tous.",
				 "response_format":"wav"}""".formatted(VOICE_ID))));
	}

	@Test
	void speechAnsweredAsRawAudioIsPassedOnAsItIs() {
		byte[] speech = AudioFixtures.bytes(13, 200_000);
		wireMock.server()
			.stubFor(post(urlEqualTo(SPEECH))
				.willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(speech)));

		byte[] joined = join(this.audio.speak(SpeechRequest.builder().input("Hi").build()));

		assertThat(joined).isEqualTo(speech);
	}

	@Test
	void aSpeechAnswerWithoutAudioOrCutShortIsAFailure() {
		SpeechRequest request = SpeechRequest.builder().input("Hi").build();
		wireMock.server().stubFor(post(urlEqualTo(SPEECH)).willReturn(okJson("{\"detail_id\":\"x\"}")));
		StepVerifier.create(this.audio.speak(request).map(DataBufferUtils::release))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralInvalidResponseException.class)
				.hasMessageContaining("holds no audio_data"))
			.verify(WAIT);

		String whole = AudioFixtures.speechAnswer(AudioFixtures.bytes(17, 100_000));
		wireMock.server().stubFor(post(urlEqualTo(SPEECH)).willReturn(okJson(whole.substring(0, whole.length() / 2))));
		StepVerifier.create(this.audio.speak(request).map(DataBufferUtils::release))
			.thenConsumeWhile((released) -> true)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralInvalidResponseException.class)
				.hasMessageContaining("could not be read as speech audio"))
			.verify(WAIT);
	}

	@Test
	void aSpeechAnswerWhoseConnectionIsCutIsNeverComplete() throws Exception {
		String whole = AudioFixtures.speechAnswer(AudioFixtures.bytes(19, 200_000));
		try (FaultServer server = new FaultServer((c, attempt) -> {
			c.head(200, "Content-Type", "application/json", "Content-Length", String.valueOf(whole.length()));
			c.write(whole.substring(0, 100_000));
			c.close();
		})) {
			ReactiveMistralAudioClient cut = new ReactiveMistralAudioClient(ReactiveMistralHttp.builder()
				.baseUrl(server.baseUrl())
				.apiKey(MistralWireMock.API_KEY)
				.retryPolicy(RetryPolicy.NONE)
				.connector(new JdkClientHttpConnector(
						HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()))
				.build());
			AtomicInteger bytes = new AtomicInteger();

			StepVerifier.create(cut.speak(SpeechRequest.builder().input("Hi").build()).map((buffer) -> {
				bytes.addAndGet(buffer.readableByteCount());
				return DataBufferUtils.release(buffer);
			}))
				.thenConsumeWhile((released) -> true)
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralIoException.class))
				.verify(WAIT);
			assertThat(bytes.get()).isLessThan(200_000);
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
		String body = AudioFixtures.sse("speech.audio.delta", AudioFixtures.speechDelta(pieces.get(0)))
				+ AudioFixtures.sse("speech.audio.marker", "{\"type\":\"speech.audio.marker\",\"name\":\"pause\"}")
				+ AudioFixtures.sse("speech.audio.delta", AudioFixtures.speechDelta(pieces.get(1)))
				+ AudioFixtures.sse("speech.audio.delta", AudioFixtures.speechDelta(pieces.get(2)))
				+ AudioFixtures.sse("speech.audio.done", AudioFixtures.SPEECH_DONE_EVENT);
		wireMock.server()
			.stubFor(post(urlEqualTo(SPEECH))
				.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));

		List<SpeechStreamEvent> events = this.audio
			.speakStream(SpeechRequest.builder().input("Bonjour").responseFormat(SpeechOutputFormat.OPUS).build())
			.collectList()
			.block(WAIT);

		assertThat(events).extracting(SpeechStreamEvent::type)
			.containsExactly("speech.audio.delta", "speech.audio.marker", "speech.audio.delta", "speech.audio.delta",
					"speech.audio.done");
		assertThat(events.get(1)).isInstanceOfSatisfying(UnknownSpeechStreamEvent.class,
				(unknown) -> assertThat(unknown.additionalProperties()).containsEntry("name", "pause"));
		ByteArrayOutputStream audio = new ByteArrayOutputStream();
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		events.stream()
			.filter(SpeechAudioDelta.class::isInstance)
			.map((event) -> ((SpeechAudioDelta) event).audio())
			.forEach(audio::writeBytes);
		pieces.forEach(expected::writeBytes);
		assertThat(audio.toByteArray()).isEqualTo(expected.toByteArray());
		assertThat(((SpeechDone) events.get(4)).usage().totalTokens()).isEqualTo(97);
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo(SPEECH))
				.withRequestBody(equalToJson("{\"stream\":true,\"input\":\"Bonjour\",\"response_format\":\"opus\"}")));
	}

	@Test
	void aSpeechStreamCutBeforeItsFinalEventFailsWithTheStreamException() {
		wireMock.server()
			.stubFor(post(urlEqualTo(SPEECH)).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(AudioFixtures.sse("speech.audio.delta", AudioFixtures.speechDelta(AUDIO)))));

		StepVerifier.create(this.audio.speakStream(SpeechRequest.builder().input("Bonjour").build()))
			.assertNext((event) -> assertThat(((SpeechAudioDelta) event).audio()).isEqualTo(AUDIO))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralStreamException.class)
				.hasMessageContaining("without [DONE] or its final event"))
			.verify(WAIT);
	}

	// ---------------------------------------------------------------- voices

	@Test
	void listsVoicesWithEveryFilter() {
		wireMock.stubJson(get(urlPathEqualTo(VOICES)), "list_voices_v1_audio_voices_get",
				AudioFixtures.voicePage(3, 1, 2, AudioFixtures.VOICE, AudioFixtures.SECOND_VOICE));

		StepVerifier
			.create(this.audio
				.listVoices(ListVoicesRequest.builder().limit(2).offset(0).type(VoiceType.PRESET).build()))
			.assertNext((page) -> {
				assertThat(page.items()).extracting(Voice::id).containsExactly(VOICE_ID, AudioFixtures.SECOND_VOICE_ID);
				assertThat(page.total()).isEqualTo(3L);
				assertThat(page.totalPages()).isEqualTo(2);
			})
			.expectComplete()
			.verify(WAIT);
		StepVerifier.create(this.audio.listVoices()).expectNextCount(1).expectComplete().verify(WAIT);

		wireMock.server().verify(getRequestedFor(urlEqualTo(VOICES + "?limit=2&offset=0&type=preset")));
		wireMock.server().verify(getRequestedFor(urlEqualTo(VOICES)));
	}

	@Test
	void listAllVoicesRequestsAPageOnlyOnDemand() {
		MistralAudioClientTests.stubVoicePages(wireMock);

		StepVerifier
			.create(this.audio.listAllVoices(ListVoicesRequest.builder().limit(2).type(VoiceType.ALL).build())
				.map(Voice::id), 2)
			.expectNext(VOICE_ID, AudioFixtures.SECOND_VOICE_ID)
			.then(() -> assertThat(wireMock.requestCount()).isEqualTo(1))
			.thenRequest(5)
			.expectNext(AudioFixtures.THIRD_VOICE_ID)
			.expectComplete()
			.verify(WAIT);
		assertThat(wireMock.requestCount()).isEqualTo(2);

		StepVerifier
			.create(this.audio.listAllVoices(ListVoicesRequest.builder().limit(2).offset(2).build()).map(Voice::id))
			.expectNext(AudioFixtures.THIRD_VOICE_ID)
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void createsAVoiceFromASampleReadsUpdatesAndDeletesIt() {
		wireMock.stubJson(post(urlEqualTo(VOICES)), "create_voice_v1_audio_voices_post", AudioFixtures.VOICE);
		wireMock.stubJson(get(urlEqualTo(VOICE_PATH)), "get_voice_v1_audio_voices__voice_id__get", AudioFixtures.VOICE);
		wireMock.stubJson(patch(urlEqualTo(VOICE_PATH)), "update_voice_v1_audio_voices__voice_id__patch",
				AudioFixtures.VOICE);
		wireMock.stubJson(delete(urlEqualTo(VOICE_PATH)), "delete_voice_v1_audio_voices__voice_id__delete",
				AudioFixtures.VOICE);

		StepVerifier
			.create(this.audio.createVoice(CreateVoiceRequest.builder()
				.name("Narrator")
				.languages(List.of("fr"))
				.sample(AUDIO, "sample.wav")
				.build()))
			.assertNext((voice) -> assertThat(voice.additionalProperties()).containsEntry("accent", "parisian"))
			.expectComplete()
			.verify(WAIT);
		StepVerifier.create(this.audio.getVoice(VOICE_ID))
			.assertNext((voice) -> assertThat(voice.description()).isEqualTo("A calm narrator"))
			.expectComplete()
			.verify(WAIT);
		StepVerifier
			.create(this.audio.updateVoice(VOICE_ID, UpdateVoiceRequest.builder().tags(List.of("deep")).build()))
			.expectNextCount(1)
			.expectComplete()
			.verify(WAIT);
		StepVerifier.create(this.audio.deleteVoice(VOICE_ID))
			.assertNext((voice) -> assertThat(voice.id()).isEqualTo(VOICE_ID))
			.expectComplete()
			.verify(WAIT);

		wireMock.server()
			.verify(postRequestedFor(urlEqualTo(VOICES)).withRequestBody(equalToJson("""
					{"name":"Narrator","languages":["fr"],"sample_audio":"%s","sample_filename":"sample.wav"}"""
				.formatted(Base64.getEncoder().encodeToString(AUDIO)))));
		wireMock.server()
			.verify(patchRequestedFor(urlEqualTo(VOICE_PATH)).withRequestBody(equalToJson("{\"tags\":[\"deep\"]}")));
		wireMock.server().verify(exactly(1), deleteRequestedFor(urlEqualTo(VOICE_PATH)));
	}

	@Test
	void downloadsAVoiceSampleIntact() {
		byte[] wav = AudioFixtures.bytes(29, 1024 * 1024 + 3);
		wireMock.server()
			.stubFor(get(urlEqualTo(VOICE_PATH + "/sample"))
				.willReturn(aResponse().withHeader("Content-Type", "audio/wav").withBody(wav)));
		Path file = this.dir.resolve("sample.wav");

		DataBufferUtils.write(this.audio.downloadVoiceSample(VOICE_ID), file).block(WAIT);

		assertThat(digestOf(file)).isEqualTo(AudioFixtures.sha256(wav));
	}

	@Test
	void aBlankVoiceIdIsASignal() {
		StepVerifier.create(this.audio.getVoice(" ")).expectError(IllegalArgumentException.class).verify(WAIT);
		StepVerifier.create(this.audio.downloadVoiceSample(""))
			.expectError(IllegalArgumentException.class)
			.verify(WAIT);
		assertThatIllegalArgumentException().isThrownBy(
				() -> TranscriptionRequest.builder().file(UploadContent.of(new ByteArrayInputStream(AUDIO), " ")));
		assertThat(wireMock.requestCount()).isZero();
	}

	private static List<Request> requestsInOrder() {
		List<Request> requests = new ArrayList<>(
				wireMock.server().getAllServeEvents().stream().map((event) -> (Request) event.getRequest()).toList());
		Collections.reverse(requests);
		return requests;
	}

	private static byte[] join(Flux<DataBuffer> buffers) {
		return DataBufferUtils.join(buffers).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).block(WAIT);
	}

	private static String digestOf(Path file) {
		try {
			return AudioFixtures.sha256(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
