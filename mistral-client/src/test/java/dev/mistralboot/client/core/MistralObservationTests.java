package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.Iterator;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mistralboot.client.agents.AgentsCompletionRequest;
import dev.mistralboot.client.agents.MistralAgentsClient;
import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.conversations.ConversationRequest;
import dev.mistralboot.client.conversations.ConversationResponse;
import dev.mistralboot.client.conversations.MistralConversationsClient;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.contract.OpenApiContract;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Observations and meters of the blocking core, against WireMock.
 */
class MistralObservationTests {

	private static final String PATH = "/v1/chat/completions";

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ObservationTestSupport support = new ObservationTestSupport();

	@Test
	void fixturesConformToTheApiDescription() {
		OpenApiContract contract = OpenApiContract.get();
		assertThat(contract.validateResponse("chat_completion_v1_chat_completions_post", 200,
				ObservationFixtures.CHAT_COMPLETION, OpenApiContract.Mode.LIVE_API))
			.isEmpty();
		for (String chunk : new String[] { ObservationFixtures.CHUNK_ROLE, ObservationFixtures.CHUNK_TEXT,
				ObservationFixtures.CHUNK_LAST }) {
			assertThat(contract.validateSchema("CompletionChunk", chunk, OpenApiContract.Mode.LIVE_API)).isEmpty();
		}
		assertThat(contract.validateResponse("list_models_v1_models_get", 200, ObservationFixtures.MODELS,
				OpenApiContract.Mode.LIVE_API))
			.isEmpty();
	}

	@Test
	void completeIsOneObservationWithGenAiTagsAndParentOfTheHttpObservation() {
		wireMock.server()
			.stubFor(post(PATH).willReturn(ObservationFixtures.json(200, ObservationFixtures.CHAT_COMPLETION)));
		MistralHttp http = http().restClientBuilder(RestClient.builder().observationRegistry(this.support.observations))
			.build();

		ChatCompletionResponse answer = new MistralChatClient(http).complete(request());

		assertThat(answer.text()).isEqualTo("Comté, aged 24 months.");
		this.support.observations.assertThat()
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasBeenStarted()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasContextualNameEqualTo("chat mistral-small-latest")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.provider.name", "mistral_ai")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "mistral-small-latest")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "mistral-small-2506")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasLowCardinalityKeyValue("server.address", "127.0.0.1")
			.hasLowCardinalityKeyValue("server.port", Integer.toString(wireMock.server().port()))
			.hasHighCardinalityKeyValue("gen_ai.request.temperature", "0.3")
			.hasHighCardinalityKeyValue("gen_ai.request.max_tokens", "64")
			.hasHighCardinalityKeyValue("gen_ai.request.stop_sequences", "END,STOP")
			.hasHighCardinalityKeyValue("gen_ai.response.id", "cmpl-e5cc70bb28c444948073e77776eb30ef")
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "stop")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "12")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "7")
			.hasHighCardinalityKeyValue("mistral.correlation_id", "0197f3c4-8d2a-7c1b-9e4f-5a6b7c8d9e0f")
			.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.prompt")
			.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.completion");
		// the HTTP client's own observation runs inside ours
		this.support.observations.assertThat()
			.hasObservationWithNameEqualTo("http.client.requests")
			.that()
			.hasParentObservationContextMatching((parent) -> parent instanceof MistralObservationContext)
			.hasLowCardinalityKeyValue("uri", "/v1/chat/completions");
		assertThat(this.support.log).containsExactly("start", "stop");
		assertThat(this.support.tokens("input")).isEqualTo(12);
		assertThat(this.support.tokens("output")).isEqualTo(7);
		Timer timer = this.support.meters.find("gen_ai.client.operation")
			.tag("gen_ai.operation.name", "chat")
			.tag("error.type", "none")
			.timer();
		assertThat(timer).isNotNull();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(this.support.meters.get(MistralMeterObservationHandler.RATE_LIMIT_REMAINING)
			.tag("limit", "tokens-minute")
			.gauge()
			.value()).isEqualTo(499981);
		assertThat(this.support.meters.get(MistralMeterObservationHandler.RATE_LIMIT_REMAINING)
			.tag("limit", "req-minute")
			.gauge()
			.value()).isEqualTo(59);
		assertThat(this.support.meters.get(MistralMeterObservationHandler.RATE_LIMIT_LIMIT)
			.tag("limit", "tokens-minute")
			.tag("server.address", "127.0.0.1")
			.gauge()
			.value()).isEqualTo(500000);
	}

	@Test
	void contentAndKeyAreNotRecordedByDefaultButContentIsWhenAskedFor() {
		wireMock.server()
			.stubFor(post(PATH).willReturn(ObservationFixtures.json(200, ObservationFixtures.CHAT_COMPLETION)));
		MistralHttp http = http().observationConvention(new DefaultMistralObservationConvention(true)).build();

		new MistralChatClient(http).complete(request());

		MistralObservationContext context = this.support.onlyContext();
		assertThat(context.getHighCardinalityKeyValue("gen_ai.prompt").getValue())
			.isEqualTo("system: Answer in one line.\nuser: Which cheese goes with a Jura wine?");
		assertThat(context.getHighCardinalityKeyValue("gen_ai.completion").getValue())
			.isEqualTo("Comté, aged 24 months.");
		assertThat(context.getAllKeyValues().stream().map(Object::toString))
			.noneMatch((keyValue) -> keyValue.contains("test-key-abc"));
	}

	@Test
	void errorStatusIsTheErrorTypeAndCountsNoTokens() {
		wireMock.server()
			.stubFor(post(PATH).willReturn(ObservationFixtures.json(401, ObservationFixtures.UNAUTHORIZED)));
		MistralChatClient chat = new MistralChatClient(http().build());

		assertThatExceptionOfType(MistralUnauthorizedException.class).isThrownBy(() -> chat.complete(request()));

		this.support.observations.assertThat()
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasBeenStopped()
			.hasError()
			.hasLowCardinalityKeyValue("error.type", "401")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "none")
			.hasHighCardinalityKeyValue("mistral.correlation_id", "0197f3c4-8d2a-7c1b-9e4f-5a6b7c8d9e0f");
		assertThat(this.support.log).containsExactly("start", "error MistralUnauthorizedException", "stop");
		assertThat(this.support.tokens("input")).isEqualTo(-1);
		assertThat(this.support.meters.get("gen_ai.client.operation").tag("error.type", "401").timer().count())
			.isEqualTo(1);
	}

	@Test
	void retriesAreEventsOfOneObservationAndCountedByReason() {
		wireMock.server()
			.stubFor(post(PATH).inScenario("retry")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503).withBody("upstream connect error"))
				.willSetStateTo("rate limited"));
		wireMock.server()
			.stubFor(post(PATH).inScenario("retry")
				.whenScenarioStateIs("rate limited")
				.willReturn(ObservationFixtures.json(429, ObservationFixtures.RATE_LIMITED)
					.withHeader("Retry-After", "0")
					.withHeader("x-ratelimit-remaining-tokens-minute", "0"))
				.willSetStateTo("ok"));
		wireMock.server()
			.stubFor(post(PATH).inScenario("retry")
				.whenScenarioStateIs("ok")
				.willReturn(ObservationFixtures.json(200, ObservationFixtures.CHAT_COMPLETION)));

		new MistralChatClient(http().build()).complete(request());

		wireMock.server().verify(3, postRequestedFor(urlEqualTo(PATH)));
		assertThat(this.support.log).containsExactly("start", "event retry", "event retry", "stop");
		assertThat(this.support.onlyContext().retries()).isEqualTo(2);
		assertThat(
				this.support.meters.get(MistralMeterObservationHandler.RETRIES).tag("reason", "503").counter().count())
			.isEqualTo(1);
		assertThat(this.support.meters.get(MistralMeterObservationHandler.RETRIES)
			.tag("reason", "429")
			.tag("gen_ai.operation.name", "chat")
			.counter()
			.count()).isEqualTo(1);
		// the last answer wins for the gauges
		assertThat(this.support.meters.get(MistralMeterObservationHandler.RATE_LIMIT_REMAINING)
			.tag("limit", "tokens-minute")
			.gauge()
			.value()).isEqualTo(499981);
	}

	@Test
	void streamObservationSpansTheWholeStream() {
		wireMock.server().stubFor(post(PATH).willReturn(ObservationFixtures.eventStream(ObservationFixtures.STREAM)));
		MistralChatClient chat = new MistralChatClient(
				http().observationConvention(new DefaultMistralObservationConvention(true)).build());

		try (MistralStream<ChatCompletionChunk> stream = chat.stream(request())) {
			Iterator<ChatCompletionChunk> chunks = stream.iterator();
			assertThat(chunks.next().text()).isEmpty();
			this.support.observations.assertThat()
				.hasObservationWithNameEqualTo("gen_ai.client.operation")
				.that()
				.hasBeenStarted()
				.isNotStopped();
			assertThat(this.support.log).containsExactly("start", "event first_chunk");
			assertThat(chunks.next().text()).isEqualTo("Comté");
			assertThat(chunks.next().text()).isEqualTo(" cheese.");
			assertThat(this.support.log).hasSize(2);
			assertThat(chunks.hasNext()).isFalse();
		}

		assertThat(this.support.log).containsExactly("start", "event first_chunk", "stop");
		this.support.observations.assertThat()
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "mistral-small-2506")
			.hasHighCardinalityKeyValue("gen_ai.response.id", "9d1c3e0f8a2b4c6d")
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "stop")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "20")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "3")
			.hasHighCardinalityKeyValue("gen_ai.completion", "Comté cheese.");
		MistralObservationContext context = this.support.onlyContext();
		assertThat(context.isStreaming()).isTrue();
		assertThat(context.chunks()).isEqualTo(3);
		assertThat(context.timeToFirstChunk()).isPositive();
		assertThat(this.support.tokens("input")).isEqualTo(20);
		assertThat(this.support.tokens("output")).isEqualTo(3);
		Timer firstChunk = this.support.meters.get(MistralMeterObservationHandler.TIME_TO_FIRST_CHUNK)
			.tag("gen_ai.operation.name", "chat")
			.tag("gen_ai.request.model", "mistral-small-latest")
			.timer();
		assertThat(firstChunk.count()).isEqualTo(1);
		// Micrometer's default handler counts the event too
		assertThat(this.support.meters.get("gen_ai.client.operation.first_chunk").counter().count()).isEqualTo(1);
		assertThat(firstChunk.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
			.isEqualTo(context.timeToFirstChunk().toNanos());
	}

	@Test
	void closingAStreamEarlyEndsItsObservationAsCancelled() {
		wireMock.server().stubFor(post(PATH).willReturn(ObservationFixtures.eventStream(ObservationFixtures.STREAM)));
		MistralChatClient chat = new MistralChatClient(http().build());

		try (MistralStream<ChatCompletionChunk> stream = chat.stream(request())) {
			stream.iterator().next();
		}

		assertThat(this.support.log).containsExactly("start", "event first_chunk", "stop");
		this.support.observations.assertThat()
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("error.type", "cancelled");
		assertThat(this.support.onlyContext().isCancelled()).isTrue();
		// the whole answer had arrived before the close: the usage it reported was
		// billed, so it counts
		assertThat(this.support.tokens("input")).isEqualTo(20);
		assertThat(this.support.meters.get("gen_ai.client.operation").tag("error.type", "cancelled").timer().count())
			.isEqualTo(1);
	}

	@Test
	void aStreamCutMidwayEndsItsObservationWithTheError() {
		wireMock.server()
			.stubFor(post(PATH).willReturn(ObservationFixtures.eventStream(ObservationFixtures.CUT_STREAM)));
		MistralChatClient chat = new MistralChatClient(http().build());

		try (MistralStream<ChatCompletionChunk> stream = chat.stream(request())) {
			Iterator<ChatCompletionChunk> chunks = stream.iterator();
			chunks.next();
			chunks.next();
			assertThatExceptionOfType(MistralStreamException.class).isThrownBy(chunks::hasNext);
		}

		assertThat(this.support.log).containsExactly("start", "event first_chunk", "error MistralStreamException",
				"stop");
		this.support.observations.assertThat()
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasError()
			.hasLowCardinalityKeyValue("error.type", MistralStreamException.class.getName());
	}

	@Test
	void aStreamRefusedAtOnceEndsItsObservation() {
		wireMock.server()
			.stubFor(post(PATH).willReturn(ObservationFixtures.json(401, ObservationFixtures.UNAUTHORIZED)));
		MistralChatClient chat = new MistralChatClient(http().build());

		assertThatExceptionOfType(MistralUnauthorizedException.class).isThrownBy(() -> chat.stream(request()));

		assertThat(this.support.log).containsExactly("start", "error MistralUnauthorizedException", "stop");
	}

	@Test
	void nothingIsObservedWithoutARegistryOrWithTheNoopOne() {
		wireMock.server()
			.stubFor(post(PATH).willReturn(ObservationFixtures.json(200, ObservationFixtures.CHAT_COMPLETION)));
		MistralHttp.Builder builder = MistralHttp.builder().baseUrl(wireMock.baseUrl()).apiKey("test-key-abc");
		assertThat(new MistralChatClient(builder.build()).complete(request()).text()).isNotEmpty();
		assertThat(
				new MistralChatClient(builder.observationRegistry(ObservationRegistry.NOOP).build()).complete(request())
					.text())
			.isNotEmpty();
		this.support.observations.assertThat().doesNotHaveAnyObservation();
	}

	@Test
	void aConversationWithAnAgentIsInvokeAgentNamedAfterTheAgentWithItsConversation() {
		wireMock.stubJson(post("/v1/conversations"), "agents_api_v1_conversations_start", """
				{"object":"conversation.response","conversation_id":"conv_0198a2b6c1d47e3f9a",
				 "outputs":[{"object":"entry","type":"message.output","created_at":"2026-12-02T10:00:03Z",
				   "completed_at":"2026-12-02T10:00:04Z","id":"msg_9","agent_id":"ag_payments",
				   "model":"mistral-medium-latest","role":"assistant","content":"T1001 is paid."}],
				 "usage":{"prompt_tokens":150,"completion_tokens":15,"total_tokens":165}}""");
		MistralHttp http = http().observationRegistry(this.support.observations).build();

		ConversationResponse answer = new MistralConversationsClient(http)
			.start(ConversationRequest.builder().agentId("ag_payments").inputs("Where is T1001?").build());

		assertThat(answer.text()).isEqualTo("T1001 is paid.");
		this.support.observations.assertThat()
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("invoke_agent ag_payments")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "invoke_agent")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "none")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "mistral-medium-latest")
			.hasHighCardinalityKeyValue("gen_ai.agent.id", "ag_payments")
			.hasHighCardinalityKeyValue("gen_ai.conversation.id", "conv_0198a2b6c1d47e3f9a")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "150")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "15");
	}

	@Test
	@SuppressWarnings("deprecation") // agents completions, deprecated by Mistral, on
										// purpose
	void anAgentsCompletionCarriesItsAgentAndOptions() {
		wireMock.stubJson(post("/v1/agents/completions"), "agents_completion_v1_agents_completions_post",
				"""
						{"id":"cf79f7daaee244b1a0ae5c7b1444424a","object":"chat.completion","model":"mistral-medium-latest",
						 "usage":{"prompt_tokens":24,"completion_tokens":27,"total_tokens":51},"created":1759500534,
						 "choices":[{"index":0,"message":{"content":"Monet.","tool_calls":null,"prefix":false,"role":"assistant"},
						   "finish_reason":"stop"}]}""");
		MistralHttp http = http().observationRegistry(this.support.observations)
			.observationConvention(new DefaultMistralObservationConvention(true))
			.build();

		ChatCompletionResponse answer = new MistralAgentsClient(http).complete(AgentsCompletionRequest.builder()
			.agentId("ag_painters")
			.user("Who is the best French painter?")
			.maxTokens(100)
			.randomSeed(7L)
			.build());

		assertThat(answer.text()).isEqualTo("Monet.");
		this.support.observations.assertThat()
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("agents.completions ag_painters")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "none")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "mistral-medium-latest")
			.hasHighCardinalityKeyValue("gen_ai.agent.id", "ag_painters")
			.hasHighCardinalityKeyValue("gen_ai.request.max_tokens", "100")
			.hasHighCardinalityKeyValue("gen_ai.request.seed", "7")
			.hasHighCardinalityKeyValue("gen_ai.prompt", "user: Who is the best French painter?")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "24");
	}

	@Test
	void operationsAreNamedAfterTheGenAiConventionsWhereTheyNameThem() {
		DefaultMistralObservationConvention convention = new DefaultMistralObservationConvention();
		assertThat(convention.operationName("chat")).isEqualTo("chat");
		assertThat(convention.operationName("fim")).isEqualTo("text_completion");
		assertThat(convention.operationName("agents.create")).isEqualTo("create_agent");
		for (String turn : new String[] { "conversations.start", "conversations.append", "conversations.restart" }) {
			assertThat(convention.operationName(turn)).as(turn).isEqualTo("invoke_agent");
		}
		assertThat(convention.operationName("conversations.history")).isEqualTo("conversations.history");
		assertThat(convention.operationName("audio.transcriptions")).isEqualTo("audio.transcriptions");
		assertThat(convention.operationName("audio.speech")).isEqualTo("audio.speech");
	}

	private MistralHttp.Builder http() {
		return MistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey("test-key-abc")
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)))
			.sleeper((duration) -> {
			})
			.observationRegistry(this.support.observations);
	}

	static ChatCompletionRequest request() {
		return ChatCompletionRequest.builder()
			.model("mistral-small-latest")
			.system("Answer in one line.")
			.user("Which cheese goes with a Jura wine?")
			.temperature(0.3)
			.maxTokens(64)
			.stop("END", "STOP")
			.build();
	}

}
