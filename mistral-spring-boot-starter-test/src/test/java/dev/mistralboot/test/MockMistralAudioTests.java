package dev.mistralboot.test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mistralboot.client.audio.CreateVoiceRequest;
import dev.mistralboot.client.audio.ListVoicesRequest;
import dev.mistralboot.client.audio.MistralAudioClient;
import dev.mistralboot.client.audio.ReactiveMistralAudioClient;
import dev.mistralboot.client.audio.SpeechDone;
import dev.mistralboot.client.audio.SpeechOutputFormat;
import dev.mistralboot.client.audio.SpeechRequest;
import dev.mistralboot.client.audio.TimestampGranularity;
import dev.mistralboot.client.audio.Transcription;
import dev.mistralboot.client.audio.TranscriptionDone;
import dev.mistralboot.client.audio.TranscriptionLanguage;
import dev.mistralboot.client.audio.TranscriptionRequest;
import dev.mistralboot.client.audio.TranscriptionSegmentDelta;
import dev.mistralboot.client.audio.TranscriptionStreamEvent;
import dev.mistralboot.client.audio.UpdateVoiceRequest;
import dev.mistralboot.client.audio.Voice;
import dev.mistralboot.client.audio.VoiceType;
import dev.mistralboot.client.core.MistralDownload;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.core.UploadBuffers;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MockMistral} simulates the audio endpoints for the blocking and reactive
 * clients: transcriptions whole and streamed with the scripted text, speech as a playable
 * WAV whole and streamed, voices kept in memory; every request is checked against the
 * request schemas of the OpenAPI description, every JSON answer against the response
 * schemas and every streamed event against its event schema.
 */
class MockMistralAudioTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Map<String, String> EVENT_SCHEMAS = Map.of("transcription.language",
			"TranscriptionStreamLanguage", "transcription.text.delta", "TranscriptionStreamTextDelta",
			"transcription.segment", "TranscriptionStreamSegmentDelta", "transcription.done", "TranscriptionStreamDone",
			"speech.audio.delta", "SpeechStreamAudioDelta", "speech.audio.done", "SpeechStreamDone");

	private OpenApiContract contract;

	private MockMistral mock;

	private final List<String> responseViolations = new CopyOnWriteArrayList<>();

	private final List<String> eventsSeen = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		this.contract = OpenApiContract.get();
		this.mock = MockMistral.start(this.contract);
		this.mock.wireMock().addMockServiceRequestListener((request, response) -> {
			String type = response.getHeaders().getContentTypeHeader().mimeTypePart();
			String path = request.getUrl().split("\\?", 2)[0];
			if ("application/json".equals(type)) {
				List<String> errors = this.contract.validateResponse(request.getMethod().getName(), path,
						response.getStatus(), response.getBodyAsString());
				errors.forEach((error) -> this.responseViolations
					.add(request.getMethod() + " " + path + " " + response.getStatus() + ": " + error));
			}
			else if ("text/event-stream".equals(type)) {
				checkEvents(path, response.getBodyAsString());
			}
		});
	}

	private void checkEvents(String path, String body) {
		for (String event : body.split("\n\n")) {
			String name = null;
			String data = null;
			for (String line : event.split("\n")) {
				if (line.startsWith("event: ")) {
					name = line.substring(7);
				}
				else if (line.startsWith("data: ")) {
					data = line.substring(6);
				}
			}
			if (data == null) {
				continue;
			}
			JsonNode json = MockResponses.JSON.readTree(data);
			String type = json.path("type").asString("");
			this.eventsSeen.add(type);
			if (!type.equals(name)) {
				this.responseViolations.add(path + ": event name " + name + " differs from its data's type " + type);
			}
			String schema = EVENT_SCHEMAS.get(type);
			if (schema == null) {
				this.responseViolations.add(path + ": unknown event type " + type);
				continue;
			}
			this.contract.validateSchema(schema, data)
				.forEach((error) -> this.responseViolations.add(path + " " + type + ": " + error));
			if (type.startsWith("transcription.")) {
				String envelope = "{\"event\":\"" + type + "\",\"data\":" + data + "}";
				this.contract.validateSchema("TranscriptionStreamEvents", envelope)
					.forEach((error) -> this.responseViolations.add(path + " envelope: " + error));
			}
		}
	}

	@AfterEach
	void conforms() {
		try {
			this.mock.assertAllRequestsConform();
			assertThat(this.responseViolations).as("answers that do not conform to the response schemas").isEmpty();
		}
		finally {
			this.mock.close();
		}
	}

	private MistralAudioClient blocking() {
		return new MistralAudioClient(MistralHttp.builder()
			.baseUrl(this.mock.baseUrl())
			.apiKey("test-key")
			.retryPolicy(RetryPolicy.NONE)
			.build());
	}

	private ReactiveMistralAudioClient reactive() {
		return new ReactiveMistralAudioClient(ReactiveMistralHttp.builder()
			.baseUrl(this.mock.baseUrl())
			.apiKey("test-key")
			.retryPolicy(RetryPolicy.NONE)
			.build());
	}

	@Test
	void aTranscriptionAnswersTheScriptedTextWithASegmentAsLongAsTheUploadedWav() {
		this.mock.audio().transcriptionText("Hello from the sample.");
		byte[] wav = this.mock.audio().wav(Duration.ofMillis(1500));
		Transcription transcription = blocking()
			.transcribe(TranscriptionRequest.builder().model("voxtral-mini-latest").file(new ByteArrayResource(wav) {

				@Override
				public String getFilename() {
					return "hello.wav";
				}

			}).language("en").addTimestampGranularities(TimestampGranularity.SEGMENT).build());
		assertThat(transcription.text()).isEqualTo("Hello from the sample.");
		assertThat(transcription.language()).isEqualTo("en");
		assertThat(transcription.segments()).singleElement().satisfies((segment) -> {
			assertThat(segment.start()).isZero();
			assertThat(segment.end()).isEqualTo(1.5);
		});
		assertThat(transcription.usage().promptAudioSeconds()).isEqualTo(2);
	}

	@Test
	void aStreamedTranscriptionSendsTheLanguageTheWordsASegmentAndTheDoneEvent() {
		this.mock.audio().transcriptionText("One two three.");
		TranscriptionRequest request = TranscriptionRequest.builder()
			.model("voxtral-mini-latest")
			.fileUrl("https://example.com/one-two-three.wav")
			.timestampGranularities(List.of(TimestampGranularity.SEGMENT))
			.build();
		StringBuilder text = new StringBuilder();
		List<TranscriptionStreamEvent> events;
		try (MistralStream<TranscriptionStreamEvent> stream = blocking().transcribeStream(request)) {
			events = stream.stream().peek((event) -> text.append(event.textDelta())).toList();
		}
		assertThat(events.get(0)).isInstanceOfSatisfying(TranscriptionLanguage.class,
				(language) -> assertThat(language.audioLanguage()).isEqualTo("en"));
		assertThat(events).filteredOn(TranscriptionSegmentDelta.class::isInstance).hasSize(1);
		assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(TranscriptionDone.class,
				(done) -> assertThat(done.text()).isEqualTo("One two three."));
		assertThat(text).hasToString("One two three.");
		List<TranscriptionStreamEvent> reactiveEvents = reactive().transcribeStream(request).collectList().block(WAIT);
		assertThat(reactiveEvents).hasSameSizeAs(events);
		assertThat(this.eventsSeen).contains("transcription.language", "transcription.text.delta",
				"transcription.segment", "transcription.done");
	}

	@Test
	void reactiveUploadsFromBuffersAreTranscribed() {
		byte[] wav = this.mock.audio().wav(Duration.ofSeconds(1));
		Transcription transcription = reactive()
			.transcribe(TranscriptionRequest.builder()
				.model("voxtral-mini-latest")
				.file(UploadBuffers.of(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(wav)), "clip.wav"))
				.build())
			.block(WAIT);
		assertThat(transcription.text()).isEqualTo(MockAudio.DEFAULT_TRANSCRIPTION);
		String body = new String(this.mock.requests().get(0).body(), StandardCharsets.ISO_8859_1);
		assertThat(body).contains("filename=\"clip.wav\"").contains("Content-Type: audio/");
	}

	@Test
	void speechIsAPlayableWavWholeAndStreamed() {
		SpeechRequest request = SpeechRequest.builder()
			.input("Welcome to the sample application")
			.responseFormat(SpeechOutputFormat.WAV)
			.build();
		ByteArrayOutputStream whole = new ByteArrayOutputStream();
		long written = blocking().speak(request, whole);
		byte[] wav = whole.toByteArray();
		assertThat(written).isEqualTo(wav.length);
		assertPlayableWav(wav, 5 * 0.3);
		ByteArrayOutputStream streamed = new ByteArrayOutputStream();
		SpeechDone done = blocking().speakStream(request, streamed);
		assertThat(streamed.toByteArray()).isEqualTo(wav);
		assertThat(done.usage().promptTokens()).isPositive();
		byte[] reactive = DataBufferUtils.join(reactive().speak(request)).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).block(WAIT);
		assertThat(reactive).isEqualTo(wav);
		assertThat(this.eventsSeen).contains("speech.audio.delta", "speech.audio.done");
	}

	@Test
	void voicesAreKeptInMemoryBesideThePresets() throws Exception {
		MistralAudioClient audio = blocking();
		assertThat(audio.listVoices(ListVoicesRequest.builder().type(VoiceType.PRESET).build()).items()).hasSize(2);
		byte[] sample = this.mock.audio().wav(Duration.ofSeconds(2));
		Voice created = audio.createVoice(CreateVoiceRequest.builder()
			.name("Narrator")
			.sample(sample, "narrator.wav")
			.languages(List.of("en"))
			.description("A calm voice")
			.build());
		assertThat(created.name()).isEqualTo("Narrator");
		assertThat(created.userId()).isNotNull();
		assertThat(created.trimmedSeconds()).isEqualTo(2.0);
		assertThat(audio.getVoice(created.id()).description()).isEqualTo("A calm voice");
		assertThat(audio.updateVoice(created.id(), UpdateVoiceRequest.builder().name("Storyteller").age(40).build())
			.name()).isEqualTo("Storyteller");
		assertThat(audio.listAllVoices(ListVoicesRequest.builder().limit(1).build()).map(Voice::name))
			.containsExactly("Aurore", "Basile", "Storyteller");
		try (MistralDownload download = audio.downloadVoiceSample(created.id())) {
			assertThat(download.body().readAllBytes()).isEqualTo(sample);
		}
		assertThat(reactive().listAllVoices(ListVoicesRequest.builder().type(VoiceType.CUSTOM).build())
			.map(Voice::id)
			.collectList()
			.block(WAIT)).containsExactly(created.id());
		assertThat(audio.deleteVoice(created.id()).id()).isEqualTo(created.id());
		assertThatThrownBy(() -> audio.getVoice(created.id())).isInstanceOf(MistralNotFoundException.class);
	}

	@Test
	void aBlankTranscriptionTextIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.mock.audio().transcriptionText(" "))
			.withMessageContaining("needs text");
	}

	private static void assertPlayableWav(byte[] wav, double seconds) {
		ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
		assertThat(header.getInt(4)).isEqualTo(wav.length - 8);
		assertThat(new String(wav, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
		assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
		int byteRate = header.getInt(28);
		assertThat(header.getInt(40)).isEqualTo(wav.length - 44);
		assertThat((wav.length - 44) / (double) byteRate).isCloseTo(seconds, org.assertj.core.data.Offset.offset(0.01));
	}

}
