package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatDefaults;
import dev.mistralboot.client.chat.ReactiveMistralChatClient;
import dev.mistralboot.client.test.MistralWireMock;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Observations and meters of the reactive core ({@code Mono} and {@code Flux}), against
 * WireMock.
 */
class ReactiveMistralObservationTests {

	private static final String PATH = "/v1/chat/completions";

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ObservationTestSupport support = new ObservationTestSupport();

	@Test
	void completeIsObservedUntilTheMonoSucceeds() {
		wireMock.server()
			.stubFor(post(PATH).willReturn(ObservationFixtures.json(200, ObservationFixtures.CHAT_COMPLETION)));

		String text = chat(http()).complete(MistralObservationTests.request()).block().text();

		assertThat(text).isEqualTo("Comté, aged 24 months.");
		assertThat(this.support.log).containsExactly("start", "stop");
		this.support.observations.assertThat()
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("chat mistral-small-latest")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "mistral-small-2506")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "7");
		assertThat(this.support.tokens("input")).isEqualTo(12);
		assertThat(this.support.tokens("output")).isEqualTo(7);
	}

	@Test
	void theCallersObservationInTheReactorContextIsTheParent() {
		wireMock.server()
			.stubFor(post(PATH).willReturn(ObservationFixtures.json(200, ObservationFixtures.CHAT_COMPLETION)));
		wireMock.server()
			.stubFor(post(PATH).withRequestBody(containing("\"stream\":true"))
				.willReturn(ObservationFixtures.eventStream(ObservationFixtures.STREAM)));
		// what WebFlux puts in the context of a server request's handling
		Observation serverRequest = Observation.start("http.server.requests", this.support.observations);
		ReactiveMistralChatClient chat = chat(http());

		chat.complete(MistralObservationTests.request())
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, serverRequest))
			.block();
		chat.stream(MistralObservationTests.request())
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, serverRequest))
			.blockLast();
		serverRequest.stop();

		assertThat(this.support.observations.getCurrentObservation()).isNull();
		this.support.observations.assertThat()
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 2)
			.forAllObservationsWithNameEqualTo("gen_ai.client.operation",
					(observation) -> observation.hasParentObservationEqualTo(serverRequest));
	}

	@Test
	void streamIsObservedToItsEndWithTheHttpObservationInside() throws InterruptedException {
		wireMock.server().stubFor(post(PATH).willReturn(ObservationFixtures.eventStream(ObservationFixtures.STREAM)));
		// counted down when WebClient stops its observation, after its final tags are set
		CountDownLatch httpStopped = new CountDownLatch(1);
		this.support.observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				httpStopped.countDown();
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ClientRequestObservationContext;
			}

		});
		ReactiveMistralHttp.Builder http = http()
			.webClientBuilder(WebClient.builder().observationRegistry(this.support.observations));

		List<String> texts = chat(http).stream(MistralObservationTests.request())
			.map(ChatCompletionChunk::text)
			.collectList()
			.block();

		assertThat(texts).containsExactly("", "Comté", " cheese.");
		assertThat(this.support.log).containsExactly("start", "event first_chunk", "stop");
		this.support.observations.assertThat()
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "stop")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "20")
			.hasHighCardinalityKeyValue("mistral.correlation_id", "0197f3c4-8d2a-7c1b-9e4f-5a6b7c8d9e0f");
		// WebClient puts the URI template on its observation's context only after
		// starting it (the tags of the start read uri=none) and sets the final tags when
		// it stops the observation, once the exchange's response Mono terminates: that
		// can come after the stream's body was read and the Flux completed on another
		// thread (the uri=none seen once in CI), so the tags are read once it stopped
		assertThat(httpStopped.await(10, TimeUnit.SECONDS)).as("http.client.requests stopped").isTrue();
		this.support.observations.assertThat()
			.hasObservationWithNameEqualTo("http.client.requests")
			.that()
			.hasParentObservationContextMatching((parent) -> parent instanceof MistralObservationContext)
			.hasLowCardinalityKeyValue("uri", "/v1/chat/completions");
		assertThat(this.support.tokens("input")).isEqualTo(20);
		assertThat(this.support.tokens("output")).isEqualTo(3);
		assertThat(this.support.meters.get(MistralMeterObservationHandler.TIME_TO_FIRST_CHUNK).timer().count())
			.isEqualTo(1);
		assertThat(this.support.meters.get(MistralMeterObservationHandler.RATE_LIMIT_REMAINING)
			.tag("limit", "req-minute")
			.gauge()
			.value()).isEqualTo(59);
	}

	@Test
	void cancellingTheFluxEndsTheObservationAsCancelled() {
		wireMock.server().stubFor(post(PATH).willReturn(ObservationFixtures.eventStream(ObservationFixtures.STREAM)));

		ChatCompletionChunk first = chat(http()).stream(MistralObservationTests.request()).take(1).blockLast();

		assertThat(first.choices().get(0).delta().role()).isEqualTo("assistant");
		assertThat(this.support.log).containsExactly("start", "event first_chunk", "stop");
		this.support.observations.assertThat()
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("error.type", "cancelled");
		assertThat(this.support.onlyContext().chunks()).isEqualTo(1);
		assertThat(this.support.tokens("input")).isEqualTo(-1);
	}

	@Test
	void aStreamCutMidwayEndsTheObservationWithTheError() {
		wireMock.server()
			.stubFor(post(PATH).willReturn(ObservationFixtures.eventStream(ObservationFixtures.CUT_STREAM)));
		Flux<ChatCompletionChunk> chunks = chat(http()).stream(MistralObservationTests.request());

		assertThatExceptionOfType(MistralStreamException.class).isThrownBy(chunks::blockLast);

		assertThat(this.support.log).containsExactly("start", "event first_chunk", "error MistralStreamException",
				"stop");
		this.support.observations.assertThat()
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasError()
			.hasLowCardinalityKeyValue("error.type", MistralStreamException.class.getName());
	}

	@Test
	void retriesAreEventsOfTheObservationAndCountedByReason() {
		wireMock.server()
			.stubFor(post(PATH).inScenario("retry")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(
						ObservationFixtures.json(429, ObservationFixtures.RATE_LIMITED).withHeader("Retry-After", "0"))
				.willSetStateTo("ok"));
		wireMock.server()
			.stubFor(post(PATH).inScenario("retry")
				.whenScenarioStateIs("ok")
				.willReturn(ObservationFixtures.eventStream(ObservationFixtures.STREAM)));

		List<ChatCompletionChunk> chunks = chat(http()).stream(MistralObservationTests.request()).collectList().block();

		assertThat(chunks).hasSize(3);
		assertThat(this.support.log).containsExactly("start", "event retry", "event first_chunk", "stop");
		assertThat(
				this.support.meters.get(MistralMeterObservationHandler.RETRIES).tag("reason", "429").counter().count())
			.isEqualTo(1);
	}

	@Test
	void anErrorStatusEndsTheMonoObservationWithTheStatus() {
		wireMock.server()
			.stubFor(post(PATH).willReturn(aResponse().withStatus(402)
				.withHeader("Content-Type", "application/json")
				.withBody(ObservationFixtures.PAYMENT_REQUIRED)));

		assertThatExceptionOfType(MistralPaymentRequiredException.class)
			.isThrownBy(() -> chat(http()).complete(MistralObservationTests.request()).block());

		assertThat(this.support.log).containsExactly("start", "error MistralPaymentRequiredException", "stop");
		this.support.observations.assertThat()
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("error.type", "402");
	}

	private ReactiveMistralHttp.Builder http() {
		return ReactiveMistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey("test-key-abc")
			// the JDK connector: Reactor Netty's needs spring-context, which this module
			// does not have
			.connector(new JdkClientHttpConnector())
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)))
			.observationRegistry(this.support.observations);
	}

	private static ReactiveMistralChatClient chat(ReactiveMistralHttp.Builder http) {
		return new ReactiveMistralChatClient(http.build(), ChatDefaults.NONE);
	}

}
