package dev.mistralboot.client.chat.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mistralboot.client.chat.AssistantMessage;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.chat.Tool;
import dev.mistralboot.client.chat.ToolChoice;
import dev.mistralboot.client.chat.ToolMessage;
import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ToolCallingChatTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ChatTestServer server = new ChatTestServer(wireMock);

	private final JsonMapper mapper = MistralJson.defaultMapper();

	private final Payments payments = new Payments();

	private final ToolRegistry tools = ToolRegistry.of(this.payments);

	@Test
	void paymentStatusConversationOfTwoToolRounds() {
		this.server.answers(ChatTestServer.answer("Could you please provide the transaction ID?"),
				ChatTestServer.toolCalls(
						ChatTestServer.call("D681PevKs", "retrieve_payment_status", "{\"transaction_id\": \"T1001\"}")),
				ChatTestServer.toolCalls(ChatTestServer.callWithObject("k9Qw2ZxL0", "retrieve_payment_date",
						"{\"transaction_id\": \"T1001\"}")),
				ChatTestServer.answer("Your transaction T1001 is Paid; it was paid on 2021-10-05."));
		ToolCallingChat chat = this.server.chat().withTools(this.tools);

		ToolConversation first = chat
			.complete(ChatCompletionRequest.builder().user("What's the status of my transaction?").build());
		assertThat(first.text()).isEqualTo("Could you please provide the transaction ID?");
		assertThat(first.toolRounds()).isZero();
		assertThat(this.payments.calls).isEmpty();

		List<ChatMessage> followUp = new ArrayList<>(first.messages());
		followUp.add(ChatMessage.user("My transaction ID is T1001. When was it paid?"));
		ToolConversation second = chat.complete(ChatCompletionRequest.builder().messages(followUp).build());

		assertThat(second.text()).isEqualTo("Your transaction T1001 is Paid; it was paid on 2021-10-05.");
		assertThat(second.toolRounds()).isEqualTo(2);
		assertThat(second.responses()).hasSize(3);
		assertThat(second.usage().totalTokens()).isEqualTo(175 + 175 + 140);
		assertThat(this.payments.calls).containsExactly("status T1001", "date T1001");
		assertThat(second.messages()).extracting(ChatMessage::role)
			.containsExactly("user", "assistant", "user", "assistant", "tool", "assistant", "tool", "assistant");
		ToolMessage statusResult = (ToolMessage) second.messages().get(4);
		assertThat(statusResult.toolCallId()).isEqualTo("D681PevKs");
		assertThat(statusResult.name()).isEqualTo("retrieve_payment_status");
		assertThat(statusResult.content().text()).isEqualTo("{\"status\":\"Paid\"}");

		List<JsonNode> requests = this.server.requests();
		assertThat(requests).hasSize(4);
		assertThat(requests.get(0).get("tools")).isEqualTo(this.mapper.readTree("""
				[{"type":"function","function":{"name":"retrieve_payment_status",
				  "description":"Get payment status of a transaction",
				  "parameters":{"type":"object",
				    "properties":{"transaction_id":{"type":"string","description":"The transaction id."}},
				    "required":["transaction_id"],"additionalProperties":false}}},
				 {"type":"function","function":{"name":"retrieve_payment_date",
				  "description":"Get payment date of a transaction",
				  "parameters":{"type":"object",
				    "properties":{"transaction_id":{"type":"string","description":"The transaction id."}},
				    "required":["transaction_id"],"additionalProperties":false}}}]"""));
		assertThat(requests.get(1).get("messages")).hasSize(3);
		assertThat(requests.get(2).get("messages")).isEqualTo(this.mapper.readTree(
				"""
						[{"role":"user","content":"What's the status of my transaction?"},
						 {"role":"assistant","content":"Could you please provide the transaction ID?"},
						 {"role":"user","content":"My transaction ID is T1001. When was it paid?"},
						 {"role":"assistant","content":"","tool_calls":[{"id":"D681PevKs","type":"function",
						   "function":{"name":"retrieve_payment_status","arguments":"{\\"transaction_id\\": \\"T1001\\"}"}}]},
						 {"role":"tool","content":"{\\"status\\":\\"Paid\\"}","tool_call_id":"D681PevKs","name":"retrieve_payment_status"}]"""));
		JsonNode last = requests.get(3).get("messages");
		assertThat(last).hasSize(7);
		assertThat(last.get(5).get("tool_calls").get(0).get("function").get("arguments").asString())
			.isEqualTo("{\"transaction_id\":\"T1001\"}");
		assertThat(last.get(6).get("content").asString()).isEqualTo("{\"date\":\"2021-10-05\"}");
		assertThat(requests).allSatisfy((request) -> {
			assertThat(request.get("model").asString()).isEqualTo("mistral-large-latest");
			assertThat(request.has("tool_choice")).isFalse();
		});
	}

	@Test
	void parallelCallsOfOneAnswerAreEachAnsweredInOrder() {
		this.server.answers(
				ChatTestServer.toolCalls(
						ChatTestServer.call("aaaaaaaa1", "retrieve_payment_status", "{\"transaction_id\": \"T1002\"}"),
						ChatTestServer.callWithObject("bbbbbbbb2", "retrieve_payment_status",
								"{\"transaction_id\": \"T1005\"}"),
						ChatTestServer.call("cccccccc3", "retrieve_payment_date", "{\"transaction_id\": \"T1005\"}")),
				ChatTestServer.answer("T1002 is Unpaid; T1005 is Pending since 2021-10-08."));

		ToolConversation conversation = this.server.chat()
			.withTools(this.tools)
			.complete(ChatCompletionRequest.builder()
				.user("What about T1002 and T1005?")
				.parallelToolCalls(true)
				.build());

		assertThat(conversation.toolRounds()).isEqualTo(1);
		assertThat(this.payments.calls).containsExactly("status T1002", "status T1005", "date T1005");
		List<JsonNode> requests = this.server.requests();
		assertThat(requests)
			.allSatisfy((request) -> assertThat(request.get("parallel_tool_calls").asBoolean()).isTrue());
		JsonNode messages = requests.get(1).get("messages");
		assertThat(messages).hasSize(5);
		assertThat(messages.get(1).get("tool_calls")).hasSize(3);
		assertThat(List.of(messages.get(2), messages.get(3), messages.get(4)))
			.extracting((m) -> m.get("tool_call_id").asString() + " " + m.get("content").asString())
			.containsExactly("aaaaaaaa1 {\"status\":\"Unpaid\"}", "bbbbbbbb2 {\"status\":\"Pending\"}",
					"cccccccc3 {\"date\":\"2021-10-08\"}");
	}

	@Test
	void failuresAreSentBackToTheModel() {
		this.server
			.answers(
					ChatTestServer.toolCalls(
							ChatTestServer.call("unknown01", "refund_payment", "{\"transaction_id\": \"T1001\"}"),
							ChatTestServer.call("missing02", "retrieve_payment_status", "{}"),
							ChatTestServer.call("broken003", "retrieve_payment_status", "{\"transaction_id\": "),
							ChatTestServer.call("throws004", "retrieve_payment_status",
									"{\"transaction_id\": \"T9999\"}")),
					ChatTestServer.answer("I cannot refund payments, and T9999 does not exist."));

		ToolConversation conversation = this.server.chat()
			.withTools(this.tools)
			.complete(ChatCompletionRequest.builder().user("Refund T1001 and check T9999").build());

		assertThat(conversation.text()).isEqualTo("I cannot refund payments, and T9999 does not exist.");
		List<String> results = conversation.messages()
			.stream()
			.filter(ToolMessage.class::isInstance)
			.map((message) -> this.mapper.readTree(((ToolMessage) message).content().text()).get("error").asString())
			.toList();
		assertThat(results).hasSize(4);
		assertThat(results.get(0)).isEqualTo(
				"Unknown tool 'refund_payment'. Available tools: retrieve_payment_status, retrieve_payment_date");
		assertThat(results.get(1)).isEqualTo(
				"Invalid arguments for tool 'retrieve_payment_status': missing required argument 'transaction_id'");
		assertThat(results.get(2)).startsWith("Invalid arguments for tool 'retrieve_payment_status': not valid JSON");
		assertThat(results.get(3))
			.isEqualTo("Tool 'retrieve_payment_status' failed: IllegalArgumentException: No transaction T9999");
		assertThat(this.payments.calls).containsExactly("status T9999");
	}

	@Test
	void argumentsOfTheWrongTypeAreSentBackToTheModel() {
		this.server.answers(ChatTestServer.toolCalls(
				ChatTestServer.call("wrongtype", "retrieve_payment_status", "{\"transaction_id\": {\"id\": 1}}")),
				ChatTestServer.answer("Sorry."));

		ToolConversation conversation = this.server.chat()
			.withTools(this.tools)
			.complete(ChatCompletionRequest.builder().user("Check it").build());

		String error = ((ToolMessage) conversation.messages().get(2)).content().text();
		assertThat(error).startsWith(
				"{\"error\":\"Invalid arguments for tool 'retrieve_payment_status': argument " + "'transaction_id': ");
		assertThat(this.payments.calls).isEmpty();
	}

	@Test
	void throwPolicyEndsTheConversationWithTheToolsException() {
		this.server.answers(
				ChatTestServer.toolCalls(
						ChatTestServer.call("throws004", "retrieve_payment_status", "{\"transaction_id\": \"T9999\"}")),
				ChatTestServer.answer("never asked"));

		ToolCallingChat chat = this.server.chat().withTools(this.tools).failurePolicy(ToolFailurePolicy.THROW);

		assertThatExceptionOfType(MistralToolException.class)
			.isThrownBy(() -> chat.complete(ChatCompletionRequest.builder().user("Check T9999").build()))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(MistralToolException.Reason.TOOL_FAILED);
				assertThat(ex.getToolName()).isEqualTo("retrieve_payment_status");
				assertThat(ex.getToolCallId()).isEqualTo("throws004");
				assertThat(ex.getCause()).isInstanceOf(IllegalArgumentException.class)
					.hasMessage("No transaction T9999");
				assertThat(ex.getMessage()).doesNotContain(ChatTestServer.API_KEY);
			});
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void throwPolicyAlsoCoversUnknownToolsAndBadArguments() {
		this.server.answers(ChatTestServer.toolCalls(ChatTestServer.call("unknown01", "refund_payment", "{}")),
				ChatTestServer.toolCalls(ChatTestServer.call("missing02", "retrieve_payment_status", "{}")));
		ToolCallingChat chat = this.server.chat()
			.withTools(ToolRegistry.builder().annotated(this.payments).failurePolicy(ToolFailurePolicy.THROW).build());
		ChatCompletionRequest request = ChatCompletionRequest.builder().user("Refund T1001").build();

		assertThatExceptionOfType(MistralToolException.class).isThrownBy(() -> chat.complete(request))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(MistralToolException.Reason.UNKNOWN_TOOL));
		assertThatExceptionOfType(MistralToolException.class).isThrownBy(() -> chat.complete(request))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(MistralToolException.Reason.INVALID_ARGUMENTS))
			.withMessage(
					"Invalid arguments for tool 'retrieve_payment_status': missing required argument 'transaction_id'");
	}

	@Test
	void roundLimitRaisesWithTheConversationSoFar() {
		this.server.answers(
				ChatTestServer.toolCalls(
						ChatTestServer.call("round0001", "retrieve_payment_status", "{\"transaction_id\": \"T1001\"}")),
				ChatTestServer.toolCalls(
						ChatTestServer.call("round0002", "retrieve_payment_status", "{\"transaction_id\": \"T1001\"}")),
				ChatTestServer.answer("never asked"));
		ToolCallingChat chat = this.server.chat().withTools(this.tools).maxRounds(1);

		assertThatExceptionOfType(MistralToolRoundsExceededException.class)
			.isThrownBy(() -> chat.complete(ChatCompletionRequest.builder().user("Check T1001").build()))
			.satisfies((ex) -> {
				assertThat(ex.getMaxRounds()).isEqualTo(1);
				assertThat(ex.getMessage()).startsWith(
						"The model still asked for tool calls (retrieve_payment_status) after 1 tool rounds. Raise mistral.tools.max-rounds");
				assertThat(ex.getMessages()).extracting(ChatMessage::role)
					.containsExactly("user", "assistant", "tool", "assistant");
				assertThat(((AssistantMessage) ex.getMessages().get(3)).toolCalls()).extracting((c) -> c.id())
					.containsExactly("round0002");
				assertThat(ex.getLastResponse().toolCalls()).hasSize(1);
			});
		assertThat(this.payments.calls).containsExactly("status T1001");
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void forcingToolChoicePassesThroughForTheFirstAnswerOnly() {
		this.server.answers(
				ChatTestServer.toolCalls(
						ChatTestServer.call("forced001", "retrieve_payment_status", "{\"transaction_id\": \"T1003\"}")),
				ChatTestServer.answer("T1003 is Paid."));

		this.server.chat()
			.withTools(this.tools)
			.complete(ChatCompletionRequest.builder()
				.user("T1003?")
				.toolChoice(ToolChoice.function("retrieve_payment_status"))
				.build());

		List<JsonNode> requests = this.server.requests();
		assertThat(requests.get(0).get("tool_choice")).isEqualTo(
				this.mapper.readTree("{\"type\":\"function\",\"function\":{\"name\":\"retrieve_payment_status\"}}"));
		assertThat(requests.get(1).get("tool_choice").asString()).isEqualTo("auto");
	}

	@Test
	void toolChoiceModesPassThrough() {
		this.server.answers(ChatTestServer.answer("No tools needed."),
				ChatTestServer.toolCalls(
						ChatTestServer.call("anycall01", "retrieve_payment_date", "{\"transaction_id\": \"T1004\"}")),
				ChatTestServer.answer("2021-10-05."));
		ToolCallingChat chat = this.server.chat().withTools(this.tools);

		chat.complete(ChatCompletionRequest.builder().user("Hello").toolChoice(ToolChoice.NONE).build());
		chat.complete(ChatCompletionRequest.builder().user("T1004?").toolChoice(ToolChoice.ANY).build());

		assertThat(this.server.requests()).extracting((request) -> request.get("tool_choice").asString())
			.containsExactly("none", "any", "auto");
	}

	@Test
	void theRequestsOwnFunctionToolsAreKept() {
		this.server.answers(ChatTestServer.answer("Fine."));
		Tool own = Tool.function("retrieve_payment_status", "Status of a payment, from the ledger",
				Map.of("type", "object", "properties", Map.of()));

		this.server.chat()
			.withTools(this.tools)
			.complete(ChatCompletionRequest.builder().user("Hi").tools(own).build());

		JsonNode sent = this.server.requests().get(0).get("tools");
		assertThat(sent).hasSize(2);
		assertThat(sent.get(0).get("function").get("description").asString())
			.isEqualTo("Status of a payment, from the ledger");
		assertThat(sent.get(1).get("function").get("name").asString()).isEqualTo("retrieve_payment_date");
	}

}
