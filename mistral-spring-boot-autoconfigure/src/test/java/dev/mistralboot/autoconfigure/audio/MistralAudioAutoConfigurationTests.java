package dev.mistralboot.autoconfigure.audio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.autoconfigure.observation.MistralObservationAutoConfiguration;
import dev.mistralboot.client.audio.AudioDefaults;
import dev.mistralboot.client.audio.ListVoicesRequest;
import dev.mistralboot.client.audio.MistralAudioClient;
import dev.mistralboot.client.audio.ReactiveMistralAudioClient;
import dev.mistralboot.client.audio.SpeechRequest;
import dev.mistralboot.client.audio.Transcription;
import dev.mistralboot.client.audio.TranscriptionRequest;
import dev.mistralboot.client.audio.TranscriptionStreamEvent;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.test.MistralWireMock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-configuration of the audio clients: beans, {@code mistral.audio.*} settings and
 * their defaults applied to real requests, and one observation per operation (whole and
 * streamed) with the token usage of the answer.
 */
class MistralAudioAutoConfigurationTests {

	static final String TRANSCRIPTION = """
			{"model":"voxtral-mini-2507","text":"Hello from the meeting.","language":"en","segments":[],
			 "usage":{"prompt_tokens":40,"completion_tokens":6,"total_tokens":46,"prompt_audio_seconds":3}}""";

	static final String TEXT_DELTA = """
			{"type":"transcription.text.delta","text":"Hello "}""";

	static final String TRANSCRIPTION_DONE = """
			{"type":"transcription.done","model":"voxtral-mini-2507","text":"Hello again.","language":"en",
			 "segments":[],"usage":{"prompt_tokens":20,"completion_tokens":3,"total_tokens":23}}""";

	static final String VOICES = """
			{"items":[],"total":0,"page":1,"page_size":10,"total_pages":0}""";

	static final byte[] AUDIO = "RIFF....WAVEfmt ".getBytes(StandardCharsets.US_ASCII);

	@RegisterExtension
	static final MistralWireMock mistral = new MistralWireMock();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=sk-test");

	@Test
	void createsBothClientsWithTheDefaultTranscriptionModelAndNoSpeechDefaults() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MistralAudioClient.class).hasSingleBean(ReactiveMistralAudioClient.class);
			AudioDefaults expected = new AudioDefaults("voxtral-mini-latest", null, null);
			assertThat(context.getBean(MistralAudioClient.class).defaults()).isEqualTo(expected);
			assertThat(context.getBean(ReactiveMistralAudioClient.class).defaults()).isEqualTo(expected);
		});
	}

	@Test
	void bindsEverySetting() {
		this.runner
			.withPropertyValues("mistral.audio.transcription-model=voxtral-mini-2507",
					"mistral.audio.speech-model=speech-model-1", "mistral.audio.voice=voice_0198")
			.run((context) -> {
				AudioDefaults expected = new AudioDefaults("voxtral-mini-2507", "speech-model-1", "voice_0198");
				assertThat(context.getBean(MistralAudioClient.class).defaults()).isEqualTo(expected);
				assertThat(context.getBean(ReactiveMistralAudioClient.class).defaults()).isEqualTo(expected);
			});
	}

	/**
	 * A family is created, and its settings checked, when the application first uses it:
	 * here, at start-up.
	 */
	@Test
	void rejectsABlankSettingNamingIt() {
		this.runner.withBean(UsesAudio.class)
			.withPropertyValues("mistral.audio.voice= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("voiceId (mistral.audio.voice) must not be blank: give a value or leave it unset"));
		this.runner.withBean(UsesAudio.class)
			.withPropertyValues("mistral.audio.transcription-model=")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("mistral.audio.transcription-model"));
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("mistral.audio.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MistralAudioClient.class)
				.doesNotHaveBean(ReactiveMistralAudioClient.class)
				.doesNotHaveBean(MistralAudioProperties.class)
				.hasSingleBean(MistralHttp.class));
	}

	@Test
	void backsOffForTheApplicationsOwnClient() {
		MistralAudioClient own = new MistralAudioClient(MistralHttp.builder().apiKey("sk-own").build());
		this.runner.withBean(MistralAudioClient.class, () -> own)
			.run((context) -> assertThat(context).getBean(MistralAudioClient.class).isSameAs(own));
	}

	@Test
	void theDefaultsReachTheRequests() {
		mistral.stubJson(post("/v1/audio/transcriptions"), "audio_api_v1_transcriptions_post", TRANSCRIPTION);
		mistral.stubJson(post("/v1/audio/speech"), "speech_v1_audio_speech_post",
				"{\"audio_data\":\"" + Base64.getEncoder().encodeToString(AUDIO) + "\"}");
		this.runner
			.withPropertyValues("mistral.base-url=" + mistral.baseUrl(), "mistral.audio.speech-model=speech-model-1",
					"mistral.audio.voice=voice_0198")
			.run((context) -> {
				MistralAudioClient audio = context.getBean(MistralAudioClient.class);
				Transcription transcription = audio
					.transcribe(TranscriptionRequest.builder().fileUrl("https://example.com/meeting.wav").build());
				assertThat(transcription.text()).isEqualTo("Hello from the meeting.");
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				assertThat(audio.speak(SpeechRequest.builder().input("Hello!").build(), out)).isEqualTo(AUDIO.length);
				assertThat(out.toByteArray()).isEqualTo(AUDIO);
				// a request's own values win over the defaults
				audio.speak(SpeechRequest.builder().input("Bye!").model("speech-model-2").refAudio("UklGRg==").build(),
						new ByteArrayOutputStream());
			});
		mistral.server()
			.verify(postRequestedFor(urlPathEqualTo("/v1/audio/transcriptions"))
				.withRequestBody(containing("name=\"model\"").and(containing("voxtral-mini-latest"))
					.and(containing("https://example.com/meeting.wav"))));
		mistral.server()
			.verify(postRequestedFor(urlPathEqualTo("/v1/audio/speech")).withRequestBody(
					equalToJson("{\"input\":\"Hello!\",\"model\":\"speech-model-1\",\"voice_id\":\"voice_0198\"}")));
		mistral.server()
			.verify(postRequestedFor(urlPathEqualTo("/v1/audio/speech")).withRequestBody(
					equalToJson("{\"input\":\"Bye!\",\"model\":\"speech-model-2\",\"ref_audio\":\"UklGRg==\"}")));
	}

	@Test
	void theReactiveClientAppliesTheDefaultsToo() {
		mistral.stubJson(post("/v1/audio/transcriptions"), "audio_api_v1_transcriptions_post", TRANSCRIPTION);
		this.runner.withPropertyValues("mistral.base-url=" + mistral.baseUrl()).run((context) -> {
			Transcription transcription = context.getBean(ReactiveMistralAudioClient.class)
				.transcribe(TranscriptionRequest.builder().fileId("file_0198").build())
				.block();
			assertThat(transcription.usage().promptTokens()).isEqualTo(40);
		});
		mistral.server()
			.verify(postRequestedFor(urlPathEqualTo("/v1/audio/transcriptions"))
				.withRequestBody(containing("voxtral-mini-latest").and(containing("file_0198"))));
	}

	@Test
	void eachOperationIsObservedUnderItsNameWithItsTokenUsage() {
		mistral.stubJson(post("/v1/audio/transcriptions"), "audio_api_v1_transcriptions_post", TRANSCRIPTION);
		mistral.server()
			.stubFor(post("/v1/audio/transcriptions").withRequestBody(containing("name=\"stream\""))
				.atPriority(1)
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "text/event-stream")
					.withBody(events("TranscriptionStreamTextDelta", TEXT_DELTA, "TranscriptionStreamDone",
							TRANSCRIPTION_DONE))));
		mistral.stubJson(get(urlPathEqualTo("/v1/audio/voices")), "list_voices_v1_audio_voices_get", VOICES);
		this.runner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					MistralObservationAutoConfiguration.class))
			.withPropertyValues("mistral.base-url=" + mistral.baseUrl())
			.run((context) -> {
				MistralAudioClient audio = context.getBean(MistralAudioClient.class);
				audio.transcribe(TranscriptionRequest.builder().fileUrl("https://example.com/meeting.wav").build());
				try (MistralStream<TranscriptionStreamEvent> events = audio.transcribeStream(
						TranscriptionRequest.builder().fileUrl("https://example.com/again.wav").build())) {
					assertThat(events.stream().count()).isEqualTo(2);
				}
				audio.listVoices(ListVoicesRequest.ALL);

				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("gen_ai.client.operation")
					.tag("gen_ai.operation.name", "audio.transcriptions")
					.tag("gen_ai.request.model", "voxtral-mini-latest")
					.tag("gen_ai.response.model", "voxtral-mini-2507")
					.timer()
					.count()).isEqualTo(2);
				assertThat(meters.get("gen_ai.client.token.usage")
					.tag("gen_ai.operation.name", "audio.transcriptions")
					.tag("gen_ai.token.type", "input")
					.summary()
					.totalAmount()).isEqualTo(40 + 20);
				assertThat(meters.get("gen_ai.client.token.usage")
					.tag("gen_ai.operation.name", "audio.transcriptions")
					.tag("gen_ai.token.type", "output")
					.summary()
					.totalAmount()).isEqualTo(6 + 3);
				assertThat(meters.get("gen_ai.client.operation.time_to_first_chunk")
					.tag("gen_ai.operation.name", "audio.transcriptions")
					.timer()
					.count()).isEqualTo(1);
				assertThat(meters.get("gen_ai.client.operation")
					.tag("gen_ai.operation.name", "audio.voices.list")
					.timer()
					.count()).isEqualTo(1);
			});
	}

	/**
	 * A server-sent event stream of typed events, each checked against its schema.
	 * @param schemasAndEvents pairs of schema name and event JSON
	 */
	static String events(String... schemasAndEvents) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < schemasAndEvents.length; i += 2) {
			String json = MistralWireMock.conformingSchema(schemasAndEvents[i],
					schemasAndEvents[i + 1].replace("\n", ""));
			String type = json.replaceAll(".*\"type\":\"([^\"]+)\".*", "$1");
			body.append("event: ").append(type).append("\ndata: ").append(json).append("\n\n");
		}
		return body.toString();
	}

	/**
	 * An application bean that uses the audio client.
	 *
	 * @param client the client
	 */
	record UsesAudio(MistralAudioClient client) {
	}

}
