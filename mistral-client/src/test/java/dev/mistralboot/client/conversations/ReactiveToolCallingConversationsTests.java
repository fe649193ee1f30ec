package dev.mistralboot.client.conversations;

import java.time.Duration;
import java.util.List;

import dev.mistralboot.client.chat.tools.MistralToolException;
import dev.mistralboot.client.chat.tools.ToolFailurePolicy;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.core.MistralStreamException;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReactiveToolCallingConversations} over HTTP: the twin of
 * {@link ToolCallingConversationsTests}, and where tool methods run.
 */
class ReactiveToolCallingConversationsTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String ID = ConversationFixtures.CONVERSATION_ID;

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ConversationLoopServer server = new ConversationLoopServer(wireMock);

	private final JsonMapper mapper = MistralJson.defaultMapper();

	private final LoopPayments payments = new LoopPayments();

	private final ToolRegistry tools = ToolRegistry.of(this.payments);

	private ReactiveMistralConversationsClient conversations;

	@BeforeEach
	void client() {
		this.conversations = new ReactiveMistralConversationsClient(wireMock.reactiveHttp());
	}

	@Test
	void oneFunctionCallRoundIsSentAsTheBlockingLoopSendsItWithToolsOffTheEventLoop() {
		this.server.answers(
				ConversationLoopServer.calls("D681PevKs", "retrieve_payment_status", "{\"transaction_id\":\"T1001\"}"),
				ConversationLoopServer.text("Your payment T1001 was paid."));

		StepVerifier.create(this.conversations.withTools(this.tools).start(request("Where is my payment T1001?")))
			.assertNext((turn) -> {
				assertThat(turn.text()).isEqualTo("Your payment T1001 was paid.");
				assertThat(turn.conversationId()).isEqualTo(ID);
				assertThat(turn.toolRounds()).isEqualTo(1);
				assertThat(turn.entries()).extracting(ConversationEntry::type)
					.containsExactly("message.input", "function.call", "function.result", "message.output");
			})
			.expectComplete()
			.verify(WAIT);

		assertThat(this.payments.calls).containsExactly("status T1001");
		assertThat(this.payments.threads).singleElement().asString().startsWith("boundedElastic-");
		List<JsonNode> requests = this.server.requests();
		assertThat(requests.get(0).get("tools")).hasSize(2);
		assertThat(requests.get(1)).isEqualTo(this.mapper.readTree("""
				{"inputs":[{"tool_call_id":"D681PevKs","result":"{\\"status\\":\\"Paid\\"}",
				  "object":"entry","type":"function.result"}]}"""));
	}

	@Test
	void restartRunsTheCallsOfItsAnswerAndAppendsTheResultsToTheNewConversation() {
		this.server.restart("conv_original",
				ConversationLoopServer.calls("D681PevKs", "retrieve_payment_status", "{\"transaction_id\":\"T1001\"}"),
				ConversationLoopServer.text("Your payment T1001 was paid."));

		StepVerifier
			.create(this.conversations.withTools(this.tools)
				.restart("conv_original",
						RestartConversationRequest.builder()
							.fromEntryId("msg_0198a2b6c1d47e3f9b")
							.inputs("And T1001?")
							.build()))
			.assertNext((turn) -> {
				assertThat(turn.text()).isEqualTo("Your payment T1001 was paid.");
				assertThat(turn.conversationId()).isEqualTo(ID);
				assertThat(turn.toolRounds()).isEqualTo(1);
			})
			.expectComplete()
			.verify(WAIT);

		assertThat(this.payments.calls).containsExactly("status T1001");
		assertThat(this.server.paths()).containsExactly("/v1/conversations/conv_original/restart",
				ConversationLoopServer.APPEND_PATH);
	}

	@Test
	void streamedRestartPassesEveryEventAndAppendsTheResultsToTheNewConversation() {
		this.server.restartStreams("conv_original",
				ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.CALL_PIECE_1,
						ConversationFixtures.CALL_PIECE_2, ConversationFixtures.DONE),
				ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.TEXT_1,
						ConversationFixtures.TEXT_2, ConversationFixtures.DONE));

		StepVerifier
			.create(this.conversations.withTools(this.tools)
				.restartStream("conv_original",
						RestartConversationRequest.builder().fromEntryId("msg_0198a2b6c1d47e3f9b").build())
				.map(ConversationEvent::type))
			.expectNext("conversation.response.started", "function.call.delta", "function.call.delta",
					"conversation.response.done", "conversation.response.started", "message.output.delta",
					"message.output.delta", "conversation.response.done")
			.expectComplete()
			.verify(WAIT);

		assertThat(this.payments.calls).containsExactly("status T1001");
		assertThat(this.server.paths()).containsExactly("/v1/conversations/conv_original/restart",
				ConversationLoopServer.APPEND_PATH);
	}

	@Test
	void appendAnswersSeveralCallsOfOneAnswerInOrderAnUnknownOneWithAnError() {
		this.server.appends(
				ConversationLoopServer.calls("aaaaaaaa1", "retrieve_payment_status", "{\"transaction_id\":\"T1002\"}",
						"bbbbbbbb2", "refund", "{\"transaction_id\":\"T1005\"}"),
				ConversationLoopServer.text("T1002 is Unpaid; I cannot refund."));

		StepVerifier
			.create(this.conversations.withTools(this.tools)
				.append(ID, AppendConversationRequest.builder().inputs("T1002? And refund T1005").build()))
			.assertNext((turn) -> assertThat(turn.functionResults()).extracting(FunctionResultEntry::toolCallId)
				.containsExactly("aaaaaaaa1", "bbbbbbbb2"))
			.expectComplete()
			.verify(WAIT);

		JsonNode inputs = this.server.requests().get(1).get("inputs");
		assertThat(inputs.get(0).get("result").asString()).isEqualTo("{\"status\":\"Unpaid\"}");
		assertThat(this.mapper.readTree(inputs.get(1).get("result").asString()).get("error").asString())
			.startsWith("Unknown tool 'refund'");
	}

	@Test
	void aToolThatThrowsFailsTheTurnUnderTheThrowPolicy() {
		this.server.answers(
				ConversationLoopServer.calls("D681PevKs", "retrieve_payment_status", "{\"transaction_id\":\"T9999\"}"));

		StepVerifier
			.create(this.conversations.withTools(this.tools)
				.failurePolicy(ToolFailurePolicy.THROW)
				.start(request("T9999?")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(MistralToolException.class,
					(failure) -> assertThat(failure.getReason()).isEqualTo(MistralToolException.Reason.TOOL_FAILED)))
			.verify(WAIT);
		assertThat(this.server.paths()).containsExactly("/v1/conversations");
	}

	@Test
	void roundsExceededFailWithTheTypedException() {
		this.server.answers(
				ConversationLoopServer.calls("D681PevKs", "retrieve_payment_status", "{\"transaction_id\":\"T1001\"}"),
				ConversationLoopServer.calls("k9Qw2ZxL0", "retrieve_payment_date", "{\"transaction_id\":\"T1001\"}"));

		StepVerifier.create(this.conversations.withTools(this.tools).maxRounds(1).start(request("T1001?")))
			.expectErrorSatisfies((ex) -> assertThat(ex)
				.isInstanceOfSatisfying(MistralConversationToolRoundsExceededException.class, (exceeded) -> {
					assertThat(exceeded.getMaxRounds()).isEqualTo(1);
					assertThat(exceeded.getConversationId()).isEqualTo(ID);
					assertThat(exceeded).hasMessageStartingWith(
							"The model still asked for function calls (retrieve_payment_date) after 1 tool rounds");
				}))
			.verify(WAIT);
		assertThat(this.payments.calls).containsExactly("status T1001");
	}

	@Test
	void streamedLoopPassesEveryEventInOrderAndRunsTheSplitCallWhole() {
		this.server.streams(
				ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.CALL_PIECE_1,
						ConversationFixtures.CALL_PIECE_2, ConversationFixtures.DONE),
				ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.TEXT_1,
						ConversationFixtures.TEXT_2, ConversationFixtures.DONE));

		StepVerifier.create(this.conversations.withTools(this.tools).startStream(request("T1001?")).map((event) -> {
			if (event instanceof FunctionCallEvent) {
				assertThat(this.payments.calls).isEmpty();
			}
			return event.type();
		}))
			.expectNext("conversation.response.started", "function.call.delta", "function.call.delta",
					"conversation.response.done", "conversation.response.started", "message.output.delta",
					"message.output.delta", "conversation.response.done")
			.expectComplete()
			.verify(WAIT);

		assertThat(this.payments.calls).containsExactly("status T1001");
		assertThat(this.server.requests().get(1)).isEqualTo(this.mapper.readTree("""
				{"inputs":[{"tool_call_id":"D681PevKs","result":"{\\"status\\":\\"Paid\\"}",
				  "object":"entry","type":"function.result"}],"stream":true}"""));
	}

	@Test
	void aStreamedAnswerCutBeforeItsFinalEventFailsAfterItsEvents() {
		this.server.streams(
				ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.CALL_PIECE_1,
						ConversationFixtures.CALL_PIECE_2, ConversationFixtures.DONE),
				ConversationFixtures.events(ConversationFixtures.STARTED, ConversationFixtures.TEXT_1));

		StepVerifier.create(this.conversations.withTools(this.tools).startStream(request("T1001?")))
			.expectNextCount(6)
			.expectError(MistralStreamException.class)
			.verify(WAIT);
	}

	private static ConversationRequest request(String text) {
		return ConversationRequest.builder().model("mistral-medium-latest").inputs(text).build();
	}

}
