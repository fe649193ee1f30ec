package dev.mistralboot.client.conversations;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mistralboot.client.agents.CompletionArgs;
import dev.mistralboot.client.chat.Content;
import dev.mistralboot.client.chat.TextChunk;
import dev.mistralboot.client.chat.Tool;
import dev.mistralboot.client.chat.ToolFileChunk;
import dev.mistralboot.client.chat.ToolReferenceChunk;
import dev.mistralboot.client.chat.WebSearchTool;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.MistralStreamException;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every operation of the conversations API ({@code beta.conversations}) through
 * {@link MistralConversationsClient}, on a loopback server that checks each request
 * against the API description; streams with every event type, a split function call, an
 * unknown event, an error event and a cut.
 */
class MistralConversationsClientTests {

	static final String PATH = "/v1/conversations/" + ConversationFixtures.CONVERSATION_ID;

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	WireMockServer server;

	MistralConversationsClient client;

	@BeforeEach
	void start() {
		this.server = wireMock.server();
		this.client = new MistralConversationsClient(wireMock.retryingHttp());
	}

	@Test
	void startSendsEveryFieldAndReadsEveryKindOfOutput() {
		wireMock.stubJson(post("/v1/conversations"), "agents_api_v1_conversations_start",
				ConversationFixtures.RESPONSE);
		ConversationRequest request = ConversationRequest.builder()
			.model("mistral-medium-latest")
			.inputs("Where is my payment T1001?")
			.store(true)
			.handoffExecution(HandoffExecution.SERVER)
			.instructions("Be brief.")
			.tools(Tool.function("retrieve_payment_status", "Payment status",
					Map.of("type", "object", "properties", Map.of("transaction_id", Map.of("type", "string")))),
					new WebSearchTool(null))
			.completionArgs(CompletionArgs.builder().temperature(0.2).build())
			.name("payments")
			.description("Payment questions")
			.metadata(Map.of("team", "billing"))
			.build();
		ConversationResponse response = this.client.start(request);

		this.server.verify(postRequestedFor(urlPathEqualTo("/v1/conversations")).withRequestBody(equalToJson(
				"""
						{"inputs":[{"role":"user","content":"Where is my payment T1001?","object":"entry","type":"message.input"}],
						 "model":"mistral-medium-latest","store":true,"handoff_execution":"server","instructions":"Be brief.",
						 "tools":[{"type":"function","function":{"name":"retrieve_payment_status","description":"Payment status",
						   "parameters":{"type":"object","properties":{"transaction_id":{"type":"string"}}}}},{"type":"web_search"}],
						 "completion_args":{"temperature":0.2},"name":"payments","description":"Payment questions",
						 "metadata":{"team":"billing"}}
						""")));
		assertThat(response.conversationId()).isEqualTo(ConversationFixtures.CONVERSATION_ID);
		assertThat(response.outputs()).hasSize(4);
		ToolExecutionEntry execution = (ToolExecutionEntry) response.outputs().get(0);
		assertThat(execution.name()).isEqualTo("web_search");
		assertThat(execution.arguments()).isEqualTo("{\"query\":\"payment T1001\"}");
		assertThat(execution.info()).containsEntry("results", 3);
		assertThat(execution.completedAt()).isEqualTo(OffsetDateTime.of(2026, 12, 2, 10, 0, 1, 0, ZoneOffset.UTC));
		AgentHandoffEntry handoff = (AgentHandoffEntry) response.outputs().get(1);
		assertThat(handoff.previousAgentName()).isEqualTo("triage");
		assertThat(handoff.nextAgentId()).isEqualTo("ag_2");
		assertThat(response.functionCalls()).singleElement().satisfies((call) -> {
			assertThat(call.toolCallId()).isEqualTo("D681PevKs");
			assertThat(call.name()).isEqualTo("retrieve_payment_status");
			// an object in the answer, read as JSON text
			assertThat(call.arguments()).isEqualTo("{\"transaction_id\":\"T1001\"}");
		});
		MessageOutputEntry message = response.messages().get(0);
		assertThat(message.content().chunks()).hasSize(3);
		assertThat(message.content().chunks().get(1)).isInstanceOfSatisfying(ToolReferenceChunk.class,
				(reference) -> assertThat(reference.url()).isEqualTo("https://example.com/faq"));
		assertThat(message.content().chunks().get(2)).isInstanceOfSatisfying(ToolFileChunk.class,
				(file) -> assertThat(file.fileId()).isEqualTo("file_1"));
		assertThat(response.text()).isEqualTo("Found it. ");
		assertThat(response.toolExecutions()).containsExactly(execution);
		assertThat(response.handoffs()).containsExactly(handoff);
		assertThat(response.conversationUsage().connectorTokens()).isEqualTo(12);
		assertThat(response.conversationUsage().connectors()).containsEntry("web_search", 1);
		assertThat(response.usage().totalTokens()).isEqualTo(150);
		assertThat(response.model()).isEqualTo("mistral-medium-latest");
	}

	@Test
	void startWithAnAgentAndItsVersion() {
		wireMock.stubJson(post("/v1/conversations"), "agents_api_v1_conversations_start",
				ConversationFixtures.TEXT_RESPONSE);
		ConversationResponse response = this.client.start(
				ConversationRequest.builder().agentId("ag_2").agentVersion(3).inputs("Where is my payment?").build());
		this.server.verify(postRequestedFor(urlPathEqualTo("/v1/conversations"))
			.withRequestBody(matchingJsonPath("$.agent_id", equalTo("ag_2")))
			.withRequestBody(matchingJsonPath("$.agent_version", equalTo("3")))
			.withRequestBody(matchingJsonPath("$[?(!@.model)]")));
		assertThat(response.text()).isEqualTo("Your payment was made.");
	}

	@Test
	void defaultsApplyToConversationsThatNameNeitherAgentNorModel() {
		wireMock.stubJson(post("/v1/conversations"), "agents_api_v1_conversations_start",
				ConversationFixtures.TEXT_RESPONSE);
		new MistralConversationsClient(wireMock.http(), "ag_default", "mistral-small-latest")
			.start(ConversationRequest.builder().inputs("Hi").build());
		new MistralConversationsClient(wireMock.http(), null, "mistral-small-latest")
			.start(ConversationRequest.builder().inputs("Hi").build());
		new MistralConversationsClient(wireMock.http(), "ag_default", null)
			.start(ConversationRequest.builder().model("mistral-large-latest").inputs("Hi").build());
		List<String> bodies = this.server.getAllServeEvents()
			.stream()
			.map((event) -> event.getRequest().getBodyAsString())
			.collect(Collectors.toCollection(ArrayList::new));
		assertThat(bodies)
			.anySatisfy((body) -> assertThat(body).contains("\"agent_id\":\"ag_default\"").doesNotContain("\"model\""));
		assertThat(bodies).anySatisfy(
				(body) -> assertThat(body).contains("\"model\":\"mistral-small-latest\"").doesNotContain("agent_id"));
		assertThat(bodies).anySatisfy(
				(body) -> assertThat(body).contains("\"model\":\"mistral-large-latest\"").doesNotContain("agent_id"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.start(ConversationRequest.builder().inputs("Hi").build()))
			.withMessageContaining("needs an agent or a model")
			.withMessageContaining("mistral.conversations.agent-id");
		assertThat(this.server.getAllServeEvents()).hasSize(3);
	}

	@Test
	void appendSendsFunctionResultsAndToolConfirmations() {
		wireMock.stubJson(post(PATH), "agents_api_v1_conversations_append", ConversationFixtures.TEXT_RESPONSE);
		ConversationResponse response = this.client.append(ConversationFixtures.CONVERSATION_ID,
				AppendConversationRequest.builder()
					.inputs(ConversationEntry.functionResult("D681PevKs", "{\"status\":\"Paid\"}"))
					.toolConfirmations(List.of(new ToolCallConfirmation("X1", ConfirmationDecision.ALLOW)))
					.store(false)
					.completionArgs(CompletionArgs.builder().maxTokens(100).build())
					.handoffExecution(HandoffExecution.CLIENT)
					.build());
		this.server.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
				"""
						{"inputs":[{"tool_call_id":"D681PevKs","result":"{\\"status\\":\\"Paid\\"}","object":"entry","type":"function.result"}],
						 "tool_confirmations":[{"tool_call_id":"X1","confirmation":"allow"}],"store":false,
						 "completion_args":{"max_tokens":100},"handoff_execution":"client"}
						""")));
		assertThat(response.text()).isEqualTo("Your payment was made.");
	}

	@Test
	void restartSendsTheEntryAndTheNewInputs() {
		wireMock.stubJson(post(PATH + "/restart"), "agents_api_v1_conversations_restart",
				ConversationFixtures.TEXT_RESPONSE);
		ConversationResponse response = this.client.restart(ConversationFixtures.CONVERSATION_ID,
				RestartConversationRequest.builder()
					.fromEntryId("msg_1")
					.inputs("Try again, in French.")
					.agentVersion("production")
					.metadata(Map.of("retry", true))
					.build());
		this.server.verify(postRequestedFor(urlPathEqualTo(PATH + "/restart")).withRequestBody(equalToJson("""
				{"from_entry_id":"msg_1","inputs":[{"role":"user","content":"Try again, in French.","object":"entry",
				 "type":"message.input"}],"agent_version":"production","metadata":{"retry":true}}
				""")));
		assertThat(response.conversationId()).isEqualTo(ConversationFixtures.CONVERSATION_ID);
	}

	@Test
	void listReadsModelAndAgentConversations() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/conversations")), "agents_api_v1_conversations_list",
				"[" + ConversationFixtures.MODEL_CONVERSATION + "," + ConversationFixtures.AGENT_CONVERSATION + "]");
		List<Conversation> conversations = this.client
			.list(ListConversationsRequest.page(1, 2).withMetadata(Map.of("team", "billing")));
		this.server.verify(getRequestedFor(urlPathEqualTo("/v1/conversations")).withQueryParam("page", equalTo("1"))
			.withQueryParam("page_size", equalTo("2"))
			.withQueryParam("metadata", equalTo("{\"team\":\"billing\"}")));
		assertThat(conversations).hasSize(2);
		Conversation model = conversations.get(0);
		assertThat(model.isAgentConversation()).isFalse();
		assertThat(model.model()).isEqualTo("mistral-medium-latest");
		assertThat(model.tools()).singleElement().isInstanceOf(WebSearchTool.class);
		assertThat(model.completionArgs().temperature()).isEqualTo(0.2);
		Conversation agent = conversations.get(1);
		assertThat(agent.isAgentConversation()).isTrue();
		assertThat(agent.agentVersion()).isEqualTo("3");
		assertThat(agent.updatedAt()).isEqualTo(OffsetDateTime.of(2026, 12, 2, 11, 5, 0, 0, ZoneOffset.UTC));
	}

	@Test
	void listAllWalksPagesUntilAShortOne() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/conversations")).withQueryParam("page", equalTo("0")),
				"agents_api_v1_conversations_list",
				"[" + ConversationFixtures.MODEL_CONVERSATION + "," + ConversationFixtures.AGENT_CONVERSATION + "]");
		wireMock.stubJson(get(urlPathEqualTo("/v1/conversations")).withQueryParam("page", equalTo("1")),
				"agents_api_v1_conversations_list", "[" + ConversationFixtures.AGENT_CONVERSATION + "]");
		List<String> ids = this.client.listAll(ListConversationsRequest.page(0, 2)).map(Conversation::id).toList();
		assertThat(ids).containsExactly("conv_0198a2b6c1d47e3f9a", "conv_0198a2b6c1d47e3f9b",
				"conv_0198a2b6c1d47e3f9b");
		assertThat(this.server.getAllServeEvents()).hasSize(2);
	}

	@Test
	void getDeleteHistoryAndMessages() {
		wireMock.stubJson(get(PATH), "agents_api_v1_conversations_get", ConversationFixtures.MODEL_CONVERSATION);
		wireMock.stubJson(get(PATH + "/history"), "agents_api_v1_conversations_history", ConversationFixtures.HISTORY);
		wireMock.stubJson(get(PATH + "/messages"), "agents_api_v1_conversations_messages",
				ConversationFixtures.MESSAGES);
		this.server.stubFor(delete(PATH).willReturn(aResponse().withStatus(204)));

		assertThat(this.client.get(ConversationFixtures.CONVERSATION_ID).name()).isEqualTo("payments");
		ConversationHistory history = this.client.history(ConversationFixtures.CONVERSATION_ID);
		assertThat(history.entries()).extracting(ConversationEntry::type)
			.containsExactly("message.input", "function.call", "function.result", "message.output");
		assertThat(((MessageInputEntry) history.entries().get(0)).role()).isEqualTo(MessageRole.USER);
		assertThat(((FunctionCallEntry) history.entries().get(1)).arguments())
			.isEqualTo("{\"transaction_id\":\"T1001\"}");
		assertThat(((FunctionResultEntry) history.entries().get(2)).result()).isEqualTo("{\"status\":\"Paid\"}");
		ConversationMessages messages = this.client.messages(ConversationFixtures.CONVERSATION_ID);
		assertThat(messages.messages()).hasSize(2);
		assertThat(((MessageInputEntry) messages.messages().get(0)).text()).isEqualTo("Where is my payment T1001?");
		assertThat(((MessageOutputEntry) messages.messages().get(1)).text()).isEqualTo("It was paid.");
		this.client.delete(ConversationFixtures.CONVERSATION_ID);
		this.server.verify(deleteRequestedFor(urlPathEqualTo(PATH)));
	}

	@Test
	void unknownEntriesAreKeptWhole() {
		this.server.stubFor(get(PATH + "/history").willReturn(
				okJson("""
						{"object":"conversation.history","conversation_id":"conv_1","entries":[
						 {"object":"entry","type":"memory.write","id":"mem_1","created_at":"2026-12-02T10:00:00Z","slot":{"k":"v"}}]}
						""")));
		ConversationHistory history = this.client.history(ConversationFixtures.CONVERSATION_ID);
		assertThat(history.entries()).singleElement().isInstanceOfSatisfying(UnknownEntry.class, (entry) -> {
			assertThat(entry.type()).isEqualTo("memory.write");
			assertThat(entry.id()).isEqualTo("mem_1");
			assertThat(entry.additionalProperties()).containsEntry("slot", Map.of("k", "v"));
		});
	}

	@Test
	void unknownConversationIsNotFound() {
		this.server.stubFor(get(PATH).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"object\":\"error\",\"message\":\"Conversation not found\",\"type\":\"invalid_request_error\"}")));
		assertThatThrownBy(() -> this.client.get(ConversationFixtures.CONVERSATION_ID))
			.isInstanceOf(MistralNotFoundException.class)
			.hasMessageContaining("Conversation not found");
	}

	@Test
	void startStreamDeliversEveryEventTypeAndTheAccumulatorFoldsThem() {
		this.server.stubFor(post("/v1/conversations").withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(ConversationFixtures.everyEvent())));
		List<ConversationEvent> events = new ArrayList<>();
		ConversationAccumulator turn = new ConversationAccumulator();
		try (MistralStream<ConversationEvent> stream = this.client
			.startStream(ConversationRequest.builder().agentId("ag_1").inputs("Where is my payment T1001?").build())) {
			for (ConversationEvent event : stream) {
				events.add(event);
				turn.add(event);
			}
		}
		this.server.verify(postRequestedFor(urlPathEqualTo("/v1/conversations")).withHeader("Accept",
				equalTo("text/event-stream")));
		assertThat(events).extracting(ConversationEvent::type)
			.containsExactly("conversation.response.started", "tool.execution.started", "tool.execution.delta",
					"tool.execution.done", "agent.handoff.started", "agent.handoff.done", "function.call.delta",
					"function.call.delta", "message.output.delta", "message.output.delta", "message.output.delta",
					"conversation.response.thinking", "conversation.response.done");
		assertThat(events.get(0)).isInstanceOf(ResponseStartedEvent.class);
		assertThat(events.get(11)).isInstanceOfSatisfying(UnknownConversationEvent.class,
				(unknown) -> assertThat(unknown.additionalProperties()).containsEntry("budget", Map.of("left", 3)));
		assertThat(events.get(12).isFinal()).isTrue();
		assertThat(events.get(12).usage().totalTokens()).isEqualTo(150);

		ConversationResponse whole = turn.toResponse();
		assertThat(whole.conversationId()).isEqualTo(ConversationFixtures.CONVERSATION_ID);
		assertThat(whole.outputs()).extracting(ConversationEntry::type)
			.containsExactly("tool.execution", "agent.handoff", "function.call", "message.output");
		ToolExecutionEntry execution = whole.toolExecutions().get(0);
		assertThat(execution.arguments()).isEqualTo("{\"query\":\"T1001\"}");
		assertThat(execution.info()).containsEntry("results", 3);
		assertThat(execution.agentId()).isEqualTo("ag_1");
		AgentHandoffEntry handoff = whole.handoffs().get(0);
		assertThat(handoff.previousAgentId()).isEqualTo("ag_1");
		assertThat(handoff.nextAgentName()).isEqualTo("payments");
		FunctionCallEntry call = whole.functionCalls().get(0);
		assertThat(call.name()).isEqualTo("retrieve_payment_status");
		assertThat(call.arguments()).isEqualTo("{\"transaction_id\":\"T1001\"}");
		MessageOutputEntry message = whole.messages().get(0);
		assertThat(message.text()).isEqualTo("Paid on time.");
		assertThat(message.content().chunks()).hasSize(2);
		assertThat(message.content().chunks().get(0)).isEqualTo(new TextChunk("Paid on time."));
		assertThat(message.content().chunks().get(1)).isInstanceOf(ToolReferenceChunk.class);
		assertThat(message.model()).isEqualTo("mistral-medium-latest");
		assertThat(whole.conversationUsage().connectorTokens()).isEqualTo(12);
		assertThat(turn.unknownEvents()).hasSize(1);
		assertThat(turn.isComplete()).isTrue();
	}

	@Test
	void aStreamCutBeforeItsFinalEventRaisesTheStreamException() {
		this.server.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.TEXT_1))));
		List<ConversationEvent> events = new ArrayList<>();
		assertThatThrownBy(() -> {
			try (MistralStream<ConversationEvent> stream = this.client.appendStream(
					ConversationFixtures.CONVERSATION_ID,
					AppendConversationRequest.builder().inputs("More?").build())) {
				stream.forEach(events::add);
			}
		}).isInstanceOf(MistralStreamException.class).hasMessageContaining("without [DONE] or its final event");
		assertThat(events).hasSize(2);
		ConversationAccumulator turn = new ConversationAccumulator();
		events.forEach(turn::add);
		assertThat(turn.isComplete()).isFalse();
		assertThat(turn.text()).isEqualTo("Paid ");
		assertThatThrownBy(turn::toResponse).isInstanceOf(MistralStreamException.class)
			.hasMessageContaining("incomplete");
	}

	@Test
	void anErrorEventEndsTheStreamAndTheAccumulatorRaisesIt() {
		this.server
			.stubFor(post(PATH + "/restart").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.ERROR))));
		List<ConversationEvent> events = new ArrayList<>();
		try (MistralStream<ConversationEvent> stream = this.client.restartStream(ConversationFixtures.CONVERSATION_ID,
				RestartConversationRequest.builder().fromEntryId("msg_1").build())) {
			stream.forEach(events::add);
		}
		this.server.verify(postRequestedFor(urlPathEqualTo(PATH + "/restart"))
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
		assertThat(events.get(1)).isInstanceOfSatisfying(ResponseErrorEvent.class, (error) -> {
			assertThat(error.message()).isEqualTo("Tool execution failed");
			assertThat(error.code()).isEqualTo(3001);
		});
		assertThatThrownBy(() -> ConversationAccumulator.fold(events)).isInstanceOf(MistralStreamException.class)
			.hasMessageContaining("Tool execution failed")
			.hasMessageContaining("3001");
	}

	@Test
	void badInputIsRejectedBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConversationRequest.builder().model("m").build())
			.withMessageContaining("at least one input");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConversationRequest.builder()
				.model("m")
				.inputs(Arrays.asList(ConversationEntry.user("a"), null))
				.build())
			.withMessageContaining("inputs[1]");
		assertThatIllegalArgumentException().isThrownBy(() -> AppendConversationRequest.builder().build())
			.withMessageContaining("inputs");
		assertThatIllegalArgumentException().isThrownBy(() -> RestartConversationRequest.builder().build())
			.withMessageContaining("fromEntryId");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.get(" "))
			.withMessageContaining("conversationId");
		assertThatIllegalArgumentException().isThrownBy(() -> ConversationEntry.functionResult(" ", "x"))
			.withMessageContaining("tool_call_id");
		assertThat(this.server.getAllServeEvents()).isEmpty();
	}

	@Test
	void entriesAndEventsAreWrittenBackAsTheyCame() throws Exception {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		ConversationResponse response = json.readValue(ConversationFixtures.RESPONSE, ConversationResponse.class);
		MistralWireMock.conformingResponse("agents_api_v1_conversations_start", json.writeValueAsString(response));
		assertThat(json.readValue(json.writeValueAsString(response), ConversationResponse.class)).isEqualTo(response);
		ConversationEvent reference = json.readValue(ConversationFixtures.REFERENCE, ConversationEvent.class);
		MistralWireMock.conformingSchema("MessageOutputEvent", json.writeValueAsString(reference));
		ConversationEvent done = json.readValue(ConversationFixtures.DONE, ConversationEvent.class);
		assertThat(json.writeValueAsString(done)).contains("\"usage\":{").doesNotContain("conversation_usage");
		MessageOutputEvent text = new MessageOutputEvent("msg_1", Content.of("Hi"), 0, 0, null, null, null);
		MistralWireMock.conformingSchema("MessageOutputEvent", json.writeValueAsString(text));
		assertThat(new ToolFileChunk("code_interpreter", "file_1", null, null).type()).isEqualTo("tool_file");
	}

}
