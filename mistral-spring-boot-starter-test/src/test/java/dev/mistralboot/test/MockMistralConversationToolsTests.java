package dev.mistralboot.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mistralboot.client.chat.tools.MistralTool;
import dev.mistralboot.client.chat.tools.ToolParam;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.client.conversations.AppendConversationRequest;
import dev.mistralboot.client.conversations.ConversationEntry;
import dev.mistralboot.client.conversations.ConversationEvent;
import dev.mistralboot.client.conversations.ConversationRequest;
import dev.mistralboot.client.conversations.ConversationResponse;
import dev.mistralboot.client.conversations.FunctionCallEvent;
import dev.mistralboot.client.conversations.MistralConversationsClient;
import dev.mistralboot.client.conversations.ReactiveMistralConversationsClient;
import dev.mistralboot.client.conversations.ToolCallingConversationStream;
import dev.mistralboot.client.conversations.ToolCallingTurn;
import dev.mistralboot.client.core.MistralApiException;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The conversation tool loop against {@link MockMistral}: scripted function-call turns
 * (one call, several calls, streamed in pieces) answered by {@link MistralTool} methods,
 * the appended {@code function.result} entries checked by the mock (each pending call
 * answered once) and against the request schemas, every answer and event against the
 * response schemas.
 */
class MockMistralConversationToolsTests {

	private static final String APPEND = "agents_api_v1_conversations_append";

	private static final String APPEND_STREAM = "agents_api_v1_conversations_append_stream";

	private OpenApiContract contract;

	private MockMistral mock;

	private final List<String> responseViolations = new CopyOnWriteArrayList<>();

	private final Payments payments = new Payments();

	private final ToolRegistry tools = ToolRegistry.of(this.payments);

	@BeforeEach
	void start() {
		this.contract = OpenApiContract.get();
		this.mock = MockMistral.start(this.contract);
		this.mock.wireMock().addMockServiceRequestListener((request, response) -> {
			String type = response.getHeaders().getContentTypeHeader().mimeTypePart();
			String path = request.getUrl().split("\\?", 2)[0];
			String where = request.getMethod() + " " + path + " " + response.getStatus() + ": ";
			if ("application/json".equals(type) && response.getStatus() == 200) {
				this.contract
					.validateResponse(request.getMethod().getName(), path, response.getStatus(),
							response.getBodyAsString())
					.forEach((error) -> this.responseViolations.add(where + error));
			}
			else if ("text/event-stream".equals(type)) {
				for (String event : response.getBodyAsString().split("\n\n")) {
					String[] lines = event.split("\n");
					String envelope = "{\"event\":\"" + lines[0].substring("event: ".length()) + "\",\"data\":"
							+ lines[1].substring("data: ".length()) + "}";
					this.contract.validateSchema("ConversationEvents", envelope, OpenApiContract.Mode.LIVE_API)
						.forEach((error) -> this.responseViolations.add(where + error + " in " + envelope));
				}
			}
		});
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

	@Test
	void aFunctionCallRoundIsAnsweredByTheToolAndTheAppendCarriesItsResult() {
		this.mock.conversations()
			.replyWithFunctionCall("retrieve_payment_status", "{\"transaction_id\":\"T1001\"}")
			.reply("Your payment T1001 was paid.");

		ToolCallingTurn turn = conversations().withTools(this.tools).start(request("Where is my payment T1001?"));

		assertThat(turn.text()).isEqualTo("Your payment T1001 was paid.");
		assertThat(this.payments.calls).containsExactly("status T1001");
		String callId = turn.functionCalls().get(0).toolCallId();
		JsonNode append = this.mock.requests(APPEND).get(0).json();
		assertThat(append.get("inputs")).singleElement().satisfies((input) -> {
			assertThat(input.get("type").asString()).isEqualTo("function.result");
			assertThat(input.get("tool_call_id").asString()).isEqualTo(callId);
			assertThat(input.get("result").asString()).isEqualTo("{\"status\":\"Paid\"}");
		});
		assertThat(this.mock.requests("agents_api_v1_conversations_start").get(0).json().get("tools"))
			.extracting((tool) -> tool.get("function").get("name").asString())
			.containsExactly("retrieve_payment_status", "retrieve_payment_date");
		assertThat(conversations().history(turn.conversationId()).entries()).extracting(ConversationEntry::type)
			.containsExactly("message.input", "function.call", "function.result", "message.output");
	}

	@Test
	void severalCallsOfOneTurnStreamedInPiecesAreEachAnsweredOnce() {
		this.mock.conversations()
			.reply(MockConversationReply.functionCall("retrieve_payment_status", "{\"transaction_id\":\"T1002\"}")
				.andFunctionCall("retrieve_payment_date", "{\"transaction_id\":\"T1002\"}"))
			.replyInPieces("T1002 is ", "Unpaid.");
		List<String> events = new ArrayList<>();
		ToolCallingTurn turn;
		try (ToolCallingConversationStream stream = conversations().withTools(this.tools)
			.startStream(request("T1002?"))) {
			for (ConversationEvent event : stream) {
				events.add(event.type() + ((event instanceof FunctionCallEvent call)
						? " " + call.outputIndex() + " " + call.name() : ""));
			}
			turn = stream.result();
		}

		assertThat(events).containsExactly("conversation.response.started",
				"function.call.delta 0 retrieve_payment_status", "function.call.delta 0 retrieve_payment_status",
				"function.call.delta 1 retrieve_payment_date", "function.call.delta 1 retrieve_payment_date",
				"conversation.response.done", "conversation.response.started", "message.output.delta",
				"message.output.delta", "conversation.response.done");
		assertThat(this.payments.calls).containsExactly("status T1002", "date T1002");
		assertThat(turn.text()).isEqualTo("T1002 is Unpaid.");
		assertThat(turn.functionCalls()).extracting((call) -> call.arguments())
			.containsExactly("{\"transaction_id\":\"T1002\"}", "{\"transaction_id\":\"T1002\"}");
		JsonNode inputs = this.mock.requests(APPEND_STREAM).get(0).json().get("inputs");
		assertThat(inputs).extracting((input) -> input.get("tool_call_id").asString())
			.containsExactlyElementsOf(turn.functionCalls().stream().map((call) -> call.toolCallId()).toList());
	}

	@Test
	void theReactiveLoopStreamsTheRoundOfAConversationAppendedTo() {
		this.mock.conversations()
			.reply("Hello.")
			.replyWithFunctionCall("retrieve_payment_status", "{\"transaction_id\":\"T1001\"}")
			.reply("It was paid.");
		ReactiveMistralConversationsClient reactive = new ReactiveMistralConversationsClient(
				ReactiveMistralHttp.builder()
					.baseUrl(this.mock.baseUrl())
					.apiKey("test-key")
					.retryPolicy(RetryPolicy.NONE)
					.build());
		ToolCallingTurn hello = reactive.withTools(this.tools).start(request("Hello")).block(Duration.ofSeconds(30));
		assertThat(hello.toolRounds()).isZero();

		List<String> types = reactive.withTools(this.tools)
			.appendStream(hello.conversationId(), AppendConversationRequest.builder().inputs("T1001?").build())
			.map(ConversationEvent::type)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(types).containsExactly("conversation.response.started", "function.call.delta", "function.call.delta",
				"conversation.response.done", "conversation.response.started", "message.output.delta",
				"message.output.delta", "message.output.delta", "conversation.response.done");
		assertThat(this.payments.calls).containsExactly("status T1001");
	}

	@Test
	void anAppendThatLeavesACallUnansweredOrAnswersItTwiceIsRejected() {
		this.mock.conversations()
			.reply(MockConversationReply.functionCall("retrieve_payment_status", "{\"transaction_id\":\"T1001\"}")
				.andFunctionCall("retrieve_payment_date", "{\"transaction_id\":\"T1001\"}"));
		MistralConversationsClient conversations = conversations();
		ConversationResponse calls = conversations.start(request("T1001?"));
		String first = calls.functionCalls().get(0).toolCallId();
		String second = calls.functionCalls().get(1).toolCallId();

		assertThatThrownBy(() -> conversations.append(calls.conversationId(),
				AppendConversationRequest.builder().inputs(ConversationEntry.functionResult(first, "{}")).build()))
			.isInstanceOf(MistralApiException.class)
			.hasMessageContaining("Function calls [" + second + "]")
			.hasMessageContaining("wait for their results");
		assertThatThrownBy(() -> conversations.append(calls.conversationId(),
				AppendConversationRequest.builder().inputs("Never mind").build()))
			.isInstanceOf(MistralApiException.class)
			.hasMessageContaining("Function calls [" + first + ", " + second + "]");
		conversations.append(calls.conversationId(),
				AppendConversationRequest.builder()
					.inputs(ConversationEntry.functionResult(first, "{}"),
							ConversationEntry.functionResult(second, "{}"))
					.build());
		assertThatThrownBy(() -> conversations.append(calls.conversationId(),
				AppendConversationRequest.builder().inputs(ConversationEntry.functionResult(first, "{}")).build()))
			.isInstanceOf(MistralApiException.class)
			.hasMessageContaining(
					"Function call " + first + " of conversation " + calls.conversationId() + " is already answered");
		assertThatIllegalStateException()
			.isThrownBy(() -> MockConversationReply.text("Hi").andFunctionCall("retrieve_payment_status", "{}"))
			.withMessageContaining("start with MockConversationReply.functionCall");
	}

	private MistralConversationsClient conversations() {
		return new MistralConversationsClient(MistralHttp.builder()
			.baseUrl(this.mock.baseUrl())
			.apiKey("test-key")
			.retryPolicy(RetryPolicy.NONE)
			.build());
	}

	private static ConversationRequest request(String text) {
		return ConversationRequest.builder().model("mistral-medium-latest").inputs(text).build();
	}

	static class Payments {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@MistralTool(name = "retrieve_payment_status", description = "Get payment status of a transaction")
		Map<String, String> status(
				@ToolParam(name = "transaction_id", description = "The transaction id.") String transactionId) {
			this.calls.add("status " + transactionId);
			return Map.of("status", transactionId.equals("T1001") ? "Paid" : "Unpaid");
		}

		@MistralTool(name = "retrieve_payment_date", description = "Get payment date of a transaction")
		Map<String, String> date(
				@ToolParam(name = "transaction_id", description = "The transaction id.") String transactionId) {
			this.calls.add("date " + transactionId);
			return Map.of("date", "2021-10-05");
		}

	}

}
