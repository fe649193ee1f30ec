package dev.mistralboot.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mistralboot.client.agents.Agent;
import dev.mistralboot.client.agents.CreateAgentRequest;
import dev.mistralboot.client.agents.MistralAgentsClient;
import dev.mistralboot.client.chat.Tool;
import dev.mistralboot.client.conversations.AppendConversationRequest;
import dev.mistralboot.client.conversations.Conversation;
import dev.mistralboot.client.conversations.ConversationAccumulator;
import dev.mistralboot.client.conversations.ConversationEntry;
import dev.mistralboot.client.conversations.ConversationEvent;
import dev.mistralboot.client.conversations.ConversationRequest;
import dev.mistralboot.client.conversations.ConversationResponse;
import dev.mistralboot.client.conversations.FunctionCallEntry;
import dev.mistralboot.client.conversations.FunctionCallEvent;
import dev.mistralboot.client.conversations.FunctionResultEntry;
import dev.mistralboot.client.conversations.ListConversationsRequest;
import dev.mistralboot.client.conversations.MistralConversationsClient;
import dev.mistralboot.client.conversations.ReactiveMistralConversationsClient;
import dev.mistralboot.client.conversations.RestartConversationRequest;
import dev.mistralboot.client.core.MistralApiException;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MockMistral} simulates conversations for the blocking and reactive clients:
 * scripted turns (text, a function-call round), whole and streamed, with an agent or a
 * model, and the conversations kept between calls; every request is checked against the
 * request schemas of the OpenAPI description, every JSON answer against the response
 * schemas and every streamed event against the schema of conversation events.
 */
class MockMistralConversationsTests {

	private static final String ARGUMENTS = "{\"transaction_id\":\"T1001\"}";

	private OpenApiContract contract;

	private MockMistral mock;

	private final List<String> responseViolations = new CopyOnWriteArrayList<>();

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

	private MistralHttp http() {
		return MistralHttp.builder()
			.baseUrl(this.mock.baseUrl())
			.apiKey("test-key")
			.retryPolicy(RetryPolicy.NONE)
			.build();
	}

	@Test
	void aStreamedFunctionCallRoundWithAnAgent() {
		Agent agent = new MistralAgentsClient(http()).create(CreateAgentRequest.builder()
			.model("mistral-medium-latest")
			.name("payments")
			.tools(Tool.function("retrieve_payment_status", "Payment status",
					Map.of("type", "object", "properties", Map.of("transaction_id", Map.of("type", "string")))))
			.build());
		this.mock.conversations()
			.replyWithFunctionCall("retrieve_payment_status", ARGUMENTS)
			.replyInPieces("T1001 ", "was paid.");
		MistralConversationsClient conversations = new MistralConversationsClient(http());

		ConversationAccumulator first = new ConversationAccumulator();
		List<ConversationEvent> events = new ArrayList<>();
		try (MistralStream<ConversationEvent> stream = conversations.startStream(
				ConversationRequest.builder().agentId(agent.id()).inputs("Where is my payment T1001?").build())) {
			stream.forEach((event) -> {
				events.add(event);
				first.add(event);
			});
		}
		assertThat(events).extracting(ConversationEvent::type)
			.containsExactly("conversation.response.started", "function.call.delta", "function.call.delta",
					"conversation.response.done");
		assertThat(((FunctionCallEvent) events.get(1)).arguments()).isNotEqualTo(ARGUMENTS);
		ConversationResponse call = first.toResponse();
		FunctionCallEntry functionCall = call.functionCalls().get(0);
		assertThat(functionCall.name()).isEqualTo("retrieve_payment_status");
		assertThat(functionCall.arguments()).isEqualTo(ARGUMENTS);
		assertThat(functionCall.agentId()).isEqualTo(agent.id());
		assertThat(call.model()).isEqualTo("mistral-medium-latest");
		assertThat(call.usage().totalTokens()).isPositive();

		ConversationAccumulator second = new ConversationAccumulator();
		try (MistralStream<ConversationEvent> stream = conversations.appendStream(call.conversationId(),
				AppendConversationRequest.builder()
					.inputs(ConversationEntry.functionResult(functionCall.toolCallId(), "{\"status\":\"Paid\"}"))
					.build())) {
			stream.forEach(second::add);
		}
		assertThat(second.toResponse().text()).isEqualTo("T1001 was paid.");

		assertThat(conversations.history(call.conversationId()).entries()).extracting(ConversationEntry::type)
			.containsExactly("message.input", "function.call", "function.result", "message.output");
		assertThat(conversations.messages(call.conversationId()).messages()).hasSize(2);
		Conversation conversation = conversations.get(call.conversationId());
		assertThat(conversation.agentId()).isEqualTo(agent.id());
		assertThat(this.mock.conversations().ids()).containsExactly(call.conversationId());
	}

	@Test
	void wholeTurnsWithAModelAndTheConversationsKeptBetweenCalls() {
		this.mock.conversations().reply("Hello there.").reply("Bonjour.");
		MistralConversationsClient conversations = new MistralConversationsClient(http(), null, "mistral-small-latest");
		ConversationResponse started = conversations
			.start(ConversationRequest.builder().inputs("Hello").name("greetings").metadata(Map.of("a", 1)).build());
		assertThat(started.text()).isEqualTo("Hello there.");
		String messageId = started.messages().get(0).id();
		ConversationResponse restarted = conversations.restart(started.conversationId(),
				RestartConversationRequest.builder().fromEntryId(messageId).inputs("In French?").build());
		assertThat(restarted.conversationId()).isNotEqualTo(started.conversationId());
		assertThat(restarted.text()).isEqualTo("Bonjour.");
		// the default answer once the script is used up
		assertThat(conversations
			.append(started.conversationId(), AppendConversationRequest.builder().inputs("More").build())
			.text()).contains("MockMistral's default answer");
		assertThat(conversations.history(restarted.conversationId()).entries()).hasSize(4);
		assertThat(conversations.list()).extracting(Conversation::id)
			.containsExactly(restarted.conversationId(), started.conversationId());
		assertThat(conversations.listAll(ListConversationsRequest.page(0, 1)).map(Conversation::id).toList())
			.containsExactly(restarted.conversationId(), started.conversationId());
		assertThat(conversations.get(started.conversationId()).name()).isEqualTo("greetings");
		conversations.delete(started.conversationId());
		assertThatThrownBy(() -> conversations.get(started.conversationId()))
			.isInstanceOf(MistralNotFoundException.class);
	}

	@Test
	void aResultOfAnUnknownCallAndAnUnknownAgentAreRejected() {
		MistralConversationsClient conversations = new MistralConversationsClient(http());
		assertThatThrownBy(
				() -> conversations.start(ConversationRequest.builder().agentId("ag_unknown").inputs("Hi").build()))
			.isInstanceOf(MistralNotFoundException.class)
			.hasMessageContaining("ag_unknown");
		this.mock.conversations().reply("Hi.");
		ConversationResponse started = conversations
			.start(ConversationRequest.builder().model("mistral-small-latest").inputs("Hi").build());
		assertThatThrownBy(() -> conversations.append(started.conversationId(),
				AppendConversationRequest.builder()
					.inputs(ConversationEntry.functionResult("abcdefghi", "{}"))
					.build()))
			.isInstanceOf(MistralApiException.class)
			.hasMessageContaining("No function call abcdefghi");
	}

	@Test
	void aResponderDecidesFromTheInputsForTheReactiveClient() {
		this.mock.conversations()
			.respondWith((inputs) -> inputs.stream().anyMatch(FunctionResultEntry.class::isInstance)
					? MockConversationReply.text("It was paid.")
					: MockConversationReply.functionCall("retrieve_payment_status", ARGUMENTS));
		ReactiveMistralConversationsClient conversations = new ReactiveMistralConversationsClient(
				ReactiveMistralHttp.builder()
					.baseUrl(this.mock.baseUrl())
					.apiKey("test-key")
					.retryPolicy(RetryPolicy.NONE)
					.build(),
				null, "mistral-small-latest");
		ConversationResponse call = conversations.start(ConversationRequest.builder().inputs("Where is T1001?").build())
			.block(Duration.ofSeconds(30));
		FunctionCallEntry functionCall = call.functionCalls().get(0);
		List<ConversationEvent> events = conversations
			.appendStream(call.conversationId(),
					AppendConversationRequest.builder()
						.inputs(ConversationEntry.functionResult(functionCall.toolCallId(), "{\"status\":\"Paid\"}"))
						.build())
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(ConversationAccumulator.fold(events).text()).isEqualTo("It was paid.");
	}

	@Test
	void repliesRejectBadScripts() {
		assertThatIllegalArgumentException().isThrownBy(() -> MockConversationReply.functionCall("f", "[1]"))
			.withMessageContaining("JSON object");
		assertThatIllegalArgumentException().isThrownBy(() -> MockConversationReply.functionCall(" ", "{}"))
			.withMessageContaining("name");
		assertThatIllegalArgumentException().isThrownBy(() -> MockConversationReply.inPieces())
			.withMessageContaining("at least one piece");
	}

}
