package dev.mistralboot.client.conversations;

import java.util.ArrayList;
import java.util.List;

import dev.mistralboot.client.agents.CompletionArgs;
import dev.mistralboot.client.chat.Tool;
import dev.mistralboot.client.chat.ToolChoice;
import dev.mistralboot.client.chat.tools.MistralToolException;
import dev.mistralboot.client.chat.tools.ToolFailurePolicy;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.core.MistralStreamException;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The conversation tool loop ({@link ToolCallingConversations}) on a loopback server that
 * checks every request, the appended {@code function.result} entries included, against
 * the API description.
 */
class ToolCallingConversationsTests {

	private static final String ID = ConversationFixtures.CONVERSATION_ID;

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ConversationLoopServer server = new ConversationLoopServer(wireMock);

	private final JsonMapper mapper = MistralJson.defaultMapper();

	private final LoopPayments payments = new LoopPayments();

	private final ToolRegistry tools = ToolRegistry.of(this.payments);

	private MistralConversationsClient conversations;

	@BeforeEach
	void client() {
		this.conversations = new MistralConversationsClient(wireMock.http());
	}

	@Test
	void oneFunctionCallRoundAppendsTheResultToTheSameConversation() {
		this.server.answers(
				ConversationLoopServer.calls("D681PevKs", "retrieve_payment_status", "{\"transaction_id\":\"T1001\"}"),
				ConversationLoopServer.text("Your payment T1001 was paid."));

		ToolCallingTurn turn = this.conversations.withTools(this.tools).start(request("Where is my payment T1001?"));

		assertThat(turn.text()).isEqualTo("Your payment T1001 was paid.");
		assertThat(turn.conversationId()).isEqualTo(ID);
		assertThat(turn.toolRounds()).isEqualTo(1);
		assertThat(turn.responses()).hasSize(2);
		assertThat(turn.usage().totalTokens()).isEqualTo(120 + 165);
		assertThat(this.payments.calls).containsExactly("status T1001");
		assertThat(turn.entries()).extracting(ConversationEntry::type)
			.containsExactly("message.input", "function.call", "function.result", "message.output");
		assertThat(turn.functionResults()).singleElement().satisfies((result) -> {
			assertThat(result.toolCallId()).isEqualTo("D681PevKs");
			assertThat(result.result()).isEqualTo("{\"status\":\"Paid\"}");
		});
		assertThat(this.server.paths()).containsExactly("/v1/conversations", ConversationLoopServer.APPEND_PATH);
		List<JsonNode> requests = this.server.requests();
		assertThat(requests.get(0).get("model").asString()).isEqualTo("mistral-medium-latest");
		assertThat(requests.get(0).get("tools")).extracting((tool) -> tool.get("function").get("name").asString())
			.containsExactly("retrieve_payment_status", "retrieve_payment_date");
		assertThat(requests.get(1)).isEqualTo(this.mapper.readTree("""
				{"inputs":[{"tool_call_id":"D681PevKs","result":"{\\"status\\":\\"Paid\\"}",
				  "object":"entry","type":"function.result"}]}"""));
	}

	@Test
	void severalCallsOfOneAnswerAreAnsweredInOrderInOneAppend() {
		this.server.answers(
				ConversationLoopServer.calls("aaaaaaaa1", "retrieve_payment_status", "{\"transaction_id\":\"T1002\"}",
						"bbbbbbbb2", "retrieve_payment_status", "{\"transaction_id\":\"T1005\"}", "cccccccc3",
						"retrieve_payment_date", "{\"transaction_id\":\"T1005\"}"),
				ConversationLoopServer.text("T1002 is Unpaid; T1005 is Pending since 2021-10-05."));

		ToolCallingTurn turn = this.conversations.withTools(this.tools).start(request("T1002 and T1005?"));

		assertThat(turn.toolRounds()).isEqualTo(1);
		assertThat(this.payments.calls).containsExactly("status T1002", "status T1005", "date T1005");
		JsonNode inputs = this.server.requests().get(1).get("inputs");
		assertThat(inputs).extracting((input) -> input.get("tool_call_id").asString())
			.containsExactly("aaaaaaaa1", "bbbbbbbb2", "cccccccc3");
		assertThat(inputs).extracting((input) -> input.get("result").asString())
			.containsExactly("{\"status\":\"Unpaid\"}", "{\"status\":\"Pending\"}", "{\"date\":\"2021-10-05\"}");
	}

	@Test
	void aToolThatThrowsIsReportedToTheModelByDefault() {
		this.server.answers(
				ConversationLoopServer.calls("D681PevKs", "retrieve_payment_status", "{\"transaction_id\":\"T9999\"}"),
				ConversationLoopServer.text("There is no transaction T9999."));

		ToolCallingTurn turn = this.conversations.withTools(this.tools).start(request("Where is T9999?"));

		assertThat(turn.text()).isEqualTo("There is no transaction T9999.");
		JsonNode result = this.server.requests().get(1).get("inputs").get(0);
		assertThat(result.get("tool_call_id").asString()).isEqualTo("D681PevKs");
		assertThat(this.mapper.readTree(result.get("result").asString())).isEqualTo(this.mapper.readTree(
				"{\"error\":\"Tool 'retrieve_payment_status' failed: IllegalArgumentException: No transaction T9999\"}"));
	}

	@Test
	void aToolThatThrowsEndsTheTurnUnderTheThrowPolicy() {
		this.server.answers(
				ConversationLoopServer.calls("D681PevKs", "retrieve_payment_status", "{\"transaction_id\":\"T9999\"}"),
				ConversationLoopServer.text("never sent"));

		ToolCallingConversations loop = this.conversations.withTools(this.tools).failurePolicy(ToolFailurePolicy.THROW);

		assertThatExceptionOfType(MistralToolException.class).isThrownBy(() -> loop.start(request("T9999?")))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(MistralToolException.Reason.TOOL_FAILED);
				assertThat(ex.getToolCallId()).isEqualTo("D681PevKs");
				assertThat(ex.getCause()).hasMessage("No transaction T9999");
			});
		assertThat(this.server.paths()).containsExactly("/v1/conversations");
	}

	@Test
	void anUnknownToolIsReportedToTheModel() {
		this.server.answers(ConversationLoopServer.calls("D681PevKs", "refund", "{\"transaction_id\":\"T1001\"}"),
				ConversationLoopServer.text("I cannot refund payments."));

		ToolCallingTurn turn = this.conversations.withTools(this.tools).start(request("Refund T1001"));

		assertThat(turn.text()).isEqualTo("I cannot refund payments.");
		assertThat(this.payments.calls).isEmpty();
		JsonNode result = this.server.requests().get(1).get("inputs").get(0);
		assertThat(this.mapper.readTree(result.get("result").asString()).get("error").asString())
			.isEqualTo("Unknown tool 'refund'. Available tools: retrieve_payment_status, retrieve_payment_date");
	}

	@Test
	void anUnknownToolEndsTheTurnUnderTheThrowPolicyOfTheRegistry() {
		ToolRegistry strict = ToolRegistry.builder()
			.annotated(this.payments)
			.failurePolicy(ToolFailurePolicy.THROW)
			.build();
		this.server.answers(ConversationLoopServer.calls("D681PevKs", "refund", "{}"));

		assertThatExceptionOfType(MistralToolException.class)
			.isThrownBy(() -> this.conversations.withTools(strict).start(request("Refund T1001")))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(MistralToolException.Reason.UNKNOWN_TOOL));
	}

	@Test
	void roundsExceededRaiseTheTypedExceptionWithTheEntriesSoFar() {
		String call = ConversationLoopServer.calls("D681PevKs", "retrieve_payment_status",
				"{\"transaction_id\":\"T1001\"}");
		this.server.answers(call,
				ConversationLoopServer.calls("k9Qw2ZxL0", "retrieve_payment_date", "{\"transaction_id\":\"T1001\"}"));

		ToolCallingConversations loop = this.conversations.withTools(this.tools).maxRounds(1);

		assertThatExceptionOfType(MistralConversationToolRoundsExceededException.class)
			.isThrownBy(() -> loop.start(request("T1001?")))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage("The model still asked for function calls (retrieve_payment_date) after 1 "
						+ "tool rounds of conversation " + ID + ". Raise mistral.tools.max-rounds (or "
						+ "ToolCallingConversations.maxRounds) if the task needs more, or check that the tools give "
						+ "the model what it needs. The entries so far are attached.");
				assertThat(ex.getMaxRounds()).isEqualTo(1);
				assertThat(ex.getConversationId()).isEqualTo(ID);
				assertThat(ex.getEntries()).extracting(ConversationEntry::type)
					.containsExactly("message.input", "function.call", "function.result", "function.call");
				assertThat(ex.getLastResponse().functionCalls()).extracting(FunctionCallEntry::toolCallId)
					.containsExactly("k9Qw2ZxL0");
			});
		assertThat(this.payments.calls).containsExactly("status T1001");
		assertThat(this.server.paths()).containsExactly("/v1/conversations", ConversationLoopServer.APPEND_PATH);
		assertThatIllegalArgumentException().isThrownBy(() -> loop.maxRounds(0))
			.withMessage("maxRounds must be at least 1, was 0 (set mistral.tools.max-rounds)");
	}

	@Test
	void appendRunsTheCallsOfItsAnswerAndAForcedToolChoiceAppliesToTheFirstAnswerOnly() {
		this.server.appends(
				ConversationLoopServer.calls("D681PevKs", "retrieve_payment_date", "{\"transaction_id\":\"T1001\"}"),
				ConversationLoopServer.text("It was paid on 2021-10-05."));
		CompletionArgs forced = CompletionArgs.builder().temperature(0.2).toolChoice(ToolChoice.ANY).build();

		ToolCallingTurn turn = this.conversations.withTools(this.tools)
			.append(ID,
					AppendConversationRequest.builder()
						.inputs("When was it paid?")
						.completionArgs(forced)
						.handoffExecution(HandoffExecution.SERVER)
						.build());

		assertThat(turn.text()).isEqualTo("It was paid on 2021-10-05.");
		assertThat(turn.entries()).extracting(ConversationEntry::type)
			.containsExactly("message.input", "function.call", "function.result", "message.output");
		List<JsonNode> requests = this.server.requests();
		assertThat(requests.get(0).get("completion_args").get("tool_choice").asString()).isEqualTo("any");
		assertThat(requests.get(1)).isEqualTo(this.mapper.readTree("""
				{"inputs":[{"tool_call_id":"D681PevKs","result":"{\\"date\\":\\"2021-10-05\\"}",
				  "object":"entry","type":"function.result"}],
				 "handoff_execution":"server","completion_args":{"temperature":0.2,"tool_choice":"auto"}}"""));
	}

	@Test
	void anAgentConversationKeepsTheAgentsToolsAndARequestToolWinsOverARegistryToolOfItsName() {
		this.server.answers(ConversationLoopServer.text("Hello."));
		this.conversations.withTools(this.tools)
			.start(ConversationRequest.builder().agentId("ag_1").inputs("Hello").build());
		assertThat(this.server.requests().get(0).has("tools")).isFalse();

		wireMock.server().resetAll();
		this.server.answers(ConversationLoopServer.text("Hello."));
		Tool own = Tool.function("retrieve_payment_date", "Mine", java.util.Map.of("type", "object"));
		this.conversations.withTools(this.tools)
			.start(ConversationRequest.builder().model("mistral-medium-latest").tools(own).inputs("Hello").build());
		assertThat(this.server.requests().get(0).get("tools"))
			.extracting((tool) -> tool.get("function").get("description").asString())
			.containsExactly("Mine", "Get payment status of a transaction");
	}

	@Test
	void aCallWaitingForConfirmationEndsTheTurnWithoutRunningIt() {
		this.server.answers(
				ConversationLoopServer.calls("D681PevKs", "retrieve_payment_status", "{\"transaction_id\":\"T1001\"}")
					.replace("\"model\":\"mistral-medium-latest\"}",
							"\"model\":\"mistral-medium-latest\"," + "\"confirmation_status\":\"pending\"}"));

		ToolCallingTurn turn = this.conversations.withTools(this.tools).start(request("T1001?"));

		assertThat(turn.toolRounds()).isZero();
		assertThat(turn.response().functionCalls()).singleElement()
			.satisfies((call) -> assertThat(call.confirmationStatus()).isEqualTo(ConfirmationStatus.PENDING));
		assertThat(this.payments.calls).isEmpty();
		assertThat(this.server.paths()).containsExactly("/v1/conversations");
	}

	@Test
	void restartRunsTheCallsOfItsAnswerAndAppendsTheResultsToTheNewConversation() {
		this.server.restart("conv_original",
				ConversationLoopServer.calls("D681PevKs", "retrieve_payment_status", "{\"transaction_id\":\"T1001\"}"),
				ConversationLoopServer.text("Your payment T1001 was paid."));

		ToolCallingTurn turn = this.conversations.withTools(this.tools)
			.restart("conv_original",
					RestartConversationRequest.builder()
						.fromEntryId("msg_0198a2b6c1d47e3f9b")
						.inputs("And T1001?")
						.build());

		assertThat(turn.text()).isEqualTo("Your payment T1001 was paid.");
		assertThat(turn.conversationId()).isEqualTo(ID);
		assertThat(turn.toolRounds()).isEqualTo(1);
		assertThat(turn.entries()).extracting(ConversationEntry::type)
			.containsExactly("message.input", "function.call", "function.result", "message.output");
		assertThat(this.payments.calls).containsExactly("status T1001");
		assertThat(this.server.paths()).containsExactly("/v1/conversations/conv_original/restart",
				ConversationLoopServer.APPEND_PATH);
		List<JsonNode> requests = this.server.requests();
		assertThat(requests.get(0).get("from_entry_id").asString()).isEqualTo("msg_0198a2b6c1d47e3f9b");
		assertThat(requests.get(1)).isEqualTo(this.mapper.readTree("""
				{"inputs":[{"tool_call_id":"D681PevKs","result":"{\\"status\\":\\"Paid\\"}",
				  "object":"entry","type":"function.result"}]}"""));
	}

	@Test
	void streamedRestartPassesEveryEventAndAppendsTheResultsToTheNewConversation() {
		this.server.restartStreams("conv_original",
				ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.CALL_PIECE_1,
						ConversationFixtures.CALL_PIECE_2, ConversationFixtures.DONE),
				ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.TEXT_1,
						ConversationFixtures.TEXT_2, ConversationFixtures.DONE));
		List<String> types = new ArrayList<>();
		ToolCallingTurn turn;
		try (ToolCallingConversationStream stream = this.conversations.withTools(this.tools)
			.restartStream("conv_original",
					RestartConversationRequest.builder().fromEntryId("msg_0198a2b6c1d47e3f9b").build())) {
			for (ConversationEvent event : stream) {
				types.add(event.type());
			}
			turn = stream.result();
		}

		assertThat(types).containsExactly("conversation.response.started", "function.call.delta", "function.call.delta",
				"conversation.response.done", "conversation.response.started", "message.output.delta",
				"message.output.delta", "conversation.response.done");
		assertThat(turn.text()).isEqualTo("Paid on time.");
		assertThat(this.payments.calls).containsExactly("status T1001");
		assertThat(this.server.paths()).containsExactly("/v1/conversations/conv_original/restart",
				ConversationLoopServer.APPEND_PATH);
		assertThat(this.server.requests().get(0).get("stream").asBoolean()).isTrue();
	}

	@Test
	void streamedLoopPassesEveryEventInOrderAndRunsTheSplitCallWhole() {
		this.server.streams(
				ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.CALL_PIECE_1,
						ConversationFixtures.CALL_PIECE_2, ConversationFixtures.DONE),
				ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.TEXT_1,
						ConversationFixtures.TEXT_2, ConversationFixtures.DONE));
		List<ConversationEvent> events = new ArrayList<>();
		ToolCallingTurn turn;
		try (ToolCallingConversationStream stream = this.conversations.withTools(this.tools)
			.startStream(request("Where is my payment T1001?"))) {
			for (ConversationEvent event : stream) {
				events.add(event);
				if (event instanceof FunctionCallEvent) {
					// the call runs once the answer is over, never on a piece
					assertThat(this.payments.calls).isEmpty();
				}
			}
			turn = stream.result();
		}

		assertThat(events).extracting(ConversationEvent::type)
			.containsExactly("conversation.response.started", "function.call.delta", "function.call.delta",
					"conversation.response.done", "conversation.response.started", "message.output.delta",
					"message.output.delta", "conversation.response.done");
		assertThat(this.payments.calls).containsExactly("status T1001");
		assertThat(turn.text()).isEqualTo("Paid on time.");
		assertThat(turn.toolRounds()).isEqualTo(1);
		assertThat(turn.functionCalls()).singleElement()
			.satisfies((call) -> assertThat(call.arguments()).isEqualTo("{\"transaction_id\":\"T1001\"}"));
		List<JsonNode> requests = this.server.requests();
		assertThat(requests.get(0).get("stream").asBoolean()).isTrue();
		assertThat(requests.get(1)).isEqualTo(this.mapper.readTree("""
				{"inputs":[{"tool_call_id":"D681PevKs","result":"{\\"status\\":\\"Paid\\"}",
				  "object":"entry","type":"function.result"}],"stream":true}"""));
	}

	@Test
	void aStreamedAnswerThatFailsRaisesTheStreamExceptionAfterItsEvents() {
		this.server.streams(
				ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.CALL_PIECE_1,
						ConversationFixtures.CALL_PIECE_2, ConversationFixtures.DONE),
				ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.ERROR));
		List<String> types = new ArrayList<>();
		try (ToolCallingConversationStream stream = this.conversations.withTools(this.tools)
			.startStream(request("T1001?"))) {
			assertThatExceptionOfType(MistralStreamException.class)
				.isThrownBy(() -> stream.forEach((event) -> types.add(event.type())))
				.withMessageContaining("Tool execution failed");
			assertThat(types).containsExactly("conversation.response.started", "function.call.delta",
					"function.call.delta", "conversation.response.done", "conversation.response.started",
					"conversation.response.error");
		}
	}

	private static ConversationRequest request(String text) {
		return ConversationRequest.builder().model("mistral-medium-latest").inputs(text).build();
	}

}
