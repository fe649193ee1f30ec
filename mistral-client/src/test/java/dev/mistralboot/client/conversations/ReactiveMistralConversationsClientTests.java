package dev.mistralboot.client.conversations;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mistralboot.client.core.MistralStreamException;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every operation of the conversations API through
 * {@link ReactiveMistralConversationsClient}, the reactive twin, on a loopback server
 * that checks each request against the API description.
 */
class ReactiveMistralConversationsClientTests {

	static final String PATH = MistralConversationsClientTests.PATH;

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	WireMockServer server;

	ReactiveMistralConversationsClient client;

	@BeforeEach
	void start() {
		this.server = wireMock.server();
		this.client = new ReactiveMistralConversationsClient(wireMock.reactiveHttp(), null, "mistral-medium-latest");
	}

	@Test
	void startAppendAndRestart() {
		wireMock.stubJson(post("/v1/conversations"), "agents_api_v1_conversations_start",
				ConversationFixtures.RESPONSE);
		wireMock.stubJson(post(PATH), "agents_api_v1_conversations_append", ConversationFixtures.TEXT_RESPONSE);
		wireMock.stubJson(post(PATH + "/restart"), "agents_api_v1_conversations_restart",
				ConversationFixtures.TEXT_RESPONSE);
		ConversationResponse started = this.client
			.start(ConversationRequest.builder().inputs("Where is T1001?").build())
			.block();
		assertThat(started.functionCalls()).singleElement()
			.satisfies((call) -> assertThat(call.name()).isEqualTo("retrieve_payment_status"));
		this.server.verify(postRequestedFor(urlPathEqualTo("/v1/conversations")).withRequestBody(equalToJson("""
				{"inputs":[{"role":"user","content":"Where is T1001?","object":"entry","type":"message.input"}],
				 "model":"mistral-medium-latest"}
				""")));
		ConversationResponse appended = this.client
			.append(started.conversationId(),
					AppendConversationRequest.builder()
						.inputs(ConversationEntry.functionResult("D681PevKs", "{\"status\":\"Paid\"}"))
						.build())
			.block();
		assertThat(appended.text()).isEqualTo("Your payment was made.");
		ConversationResponse restarted = this.client
			.restart(started.conversationId(),
					RestartConversationRequest.builder().fromEntryId("msg_1").inputs("Again").build())
			.block();
		assertThat(restarted.usage().totalTokens()).isEqualTo(15);
		assertThat(this.client.startWithResponse(ConversationRequest.builder().inputs("Hi").build())
			.block()
			.metadata()
			.statusCode()).isEqualTo(200);
	}

	@Test
	void streamsDeliverEveryEventTypeAndFold() {
		this.server.stubFor(post("/v1/conversations").withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(ConversationFixtures.everyEvent())));
		List<ConversationEvent> events = this.client
			.startStream(ConversationRequest.builder().agentId("ag_1").inputs("Where is T1001?").build())
			.collectList()
			.block();
		assertThat(events).hasSize(13);
		assertThat(events.get(11)).isInstanceOf(UnknownConversationEvent.class);
		ConversationResponse whole = ConversationAccumulator.fold(events);
		assertThat(whole.functionCalls()).singleElement()
			.satisfies((call) -> assertThat(call.arguments()).isEqualTo("{\"transaction_id\":\"T1001\"}"));
		assertThat(whole.text()).isEqualTo("Paid on time.");
		assertThat(whole.outputs()).hasSize(4);
	}

	@Test
	void appendAndRestartStreams() {
		this.server.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.TEXT_1,
					ConversationFixtures.DONE))));
		this.server
			.stubFor(post(PATH + "/restart").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.ERROR))));
		StepVerifier
			.create(this.client.appendStream(ConversationFixtures.CONVERSATION_ID,
					AppendConversationRequest.builder().inputs("More?").build()))
			.expectNextMatches(ResponseStartedEvent.class::isInstance)
			.expectNextMatches(
					(event) -> event instanceof MessageOutputEvent text && text.content().text().equals("Paid "))
			.expectNextMatches(ConversationEvent::isFinal)
			.verifyComplete();
		StepVerifier
			.create(this.client.restartStream(ConversationFixtures.CONVERSATION_ID,
					RestartConversationRequest.builder().fromEntryId("msg_1").build()))
			.expectNextMatches(ResponseStartedEvent.class::isInstance)
			.expectNextMatches((event) -> event instanceof ResponseErrorEvent error && error.code() == 3001)
			.verifyComplete();
		this.server.verify(
				postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
		this.server.verify(postRequestedFor(urlPathEqualTo(PATH + "/restart"))
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
	}

	@Test
	void aCutStreamFailsWithTheStreamException() {
		this.server.stubFor(post("/v1/conversations").willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody(ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.CALL_PIECE_1))));
		StepVerifier.create(this.client.startStream(ConversationRequest.builder().inputs("Where is T1001?").build()))
			.expectNextCount(2)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(MistralStreamException.class)
				.hasMessageContaining("without [DONE] or its final event"))
			.verify();
	}

	@Test
	void listGetDeleteHistoryAndMessages() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/conversations")).withQueryParam("page", equalTo("0")),
				"agents_api_v1_conversations_list",
				"[" + ConversationFixtures.MODEL_CONVERSATION + "," + ConversationFixtures.AGENT_CONVERSATION + "]");
		wireMock.stubJson(get(urlPathEqualTo("/v1/conversations")).withQueryParam("page", equalTo("1")),
				"agents_api_v1_conversations_list", "[]");
		wireMock.stubJson(get(PATH), "agents_api_v1_conversations_get", ConversationFixtures.AGENT_CONVERSATION);
		wireMock.stubJson(get(PATH + "/history"), "agents_api_v1_conversations_history", ConversationFixtures.HISTORY);
		wireMock.stubJson(get(PATH + "/messages"), "agents_api_v1_conversations_messages",
				ConversationFixtures.MESSAGES);
		this.server.stubFor(delete(PATH).willReturn(aResponse().withStatus(204)));

		assertThat(this.client.list(ListConversationsRequest.page(0, 2)).block()).hasSize(2);
		assertThat(this.client.listAll(ListConversationsRequest.page(0, 2)).map(Conversation::id).collectList().block())
			.containsExactly("conv_0198a2b6c1d47e3f9a", "conv_0198a2b6c1d47e3f9b");
		assertThat(this.client.get(ConversationFixtures.CONVERSATION_ID).block().agentId()).isEqualTo("ag_2");
		assertThat(this.client.history(ConversationFixtures.CONVERSATION_ID).block().entries()).hasSize(4);
		assertThat(this.client.messages(ConversationFixtures.CONVERSATION_ID).block().messages()).hasSize(2);
		this.client.delete(ConversationFixtures.CONVERSATION_ID).block();
		this.server.verify(deleteRequestedFor(urlPathEqualTo(PATH)));
	}

	@Test
	void nothingIsSentBeforeSubscriptionAndBadInputFailsTheMono() {
		this.client.start(ConversationRequest.builder().inputs("Hi").build());
		this.client.startStream(ConversationRequest.builder().inputs("Hi").build());
		assertThat(this.server.getAllServeEvents()).isEmpty();
		StepVerifier
			.create(new ReactiveMistralConversationsClient(wireMock.reactiveHttp())
				.start(ConversationRequest.builder().inputs("Hi").build()))
			.expectError(IllegalArgumentException.class)
			.verify();
		assertThatIllegalArgumentException().isThrownBy(() -> new ListConversationsRequest(-1, null, null));
	}

}
