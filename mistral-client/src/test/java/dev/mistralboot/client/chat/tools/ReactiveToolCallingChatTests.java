package dev.mistralboot.client.chat.tools;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mistralboot.client.chat.AssistantMessage;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.chat.ToolChoice;
import dev.mistralboot.client.chat.ToolMessage;
import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.core.MistralStreamException;
import dev.mistralboot.client.test.MistralWireMock;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReactiveToolCallingChat} over HTTP: the twin of {@link ToolCallingChatTests} and
 * {@link ToolCallingStreamTests}, and where tool methods run.
 */
class ReactiveToolCallingChatTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Object NONE = new Object();

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ChatTestServer server = new ChatTestServer(wireMock);

	private final JsonMapper mapper = MistralJson.defaultMapper();

	private final Payments payments = new Payments();

	private final ToolRegistry tools = ToolRegistry.of(this.payments);

	@Test
	void conversationOfTwoToolRoundsIsSentAsTheBlockingLoopSendsIt() {
		this.server.answers(
				ChatTestServer.toolCalls(
						ChatTestServer.call("D681PevKs", "retrieve_payment_status", "{\"transaction_id\": \"T1001\"}")),
				ChatTestServer.toolCalls(ChatTestServer.callWithObject("k9Qw2ZxL0", "retrieve_payment_date",
						"{\"transaction_id\": \"T1001\"}")),
				ChatTestServer.answer("Your transaction T1001 is Paid; it was paid on 2021-10-05."));

		Mono<ToolConversation> conversation = this.server.reactiveChat()
			.withTools(this.tools)
			.complete(ChatCompletionRequest.builder().user("Status and date of T1001?").build());
		assertThat(this.server.requests()).as("nothing is sent before subscription").isEmpty();

		StepVerifier.create(conversation).assertNext((result) -> {
			assertThat(result.text()).isEqualTo("Your transaction T1001 is Paid; it was paid on 2021-10-05.");
			assertThat(result.toolRounds()).isEqualTo(2);
			assertThat(result.responses()).hasSize(3);
			assertThat(result.usage().totalTokens()).isEqualTo(175 + 175 + 140);
			assertThat(result.messages()).extracting(ChatMessage::role)
				.containsExactly("user", "assistant", "tool", "assistant", "tool", "assistant");
			ToolMessage status = (ToolMessage) result.messages().get(2);
			assertThat(status.toolCallId()).isEqualTo("D681PevKs");
			assertThat(status.content().text()).isEqualTo("{\"status\":\"Paid\"}");
		}).verifyComplete();

		assertThat(this.payments.calls).containsExactly("status T1001", "date T1001");
		List<JsonNode> requests = this.server.requests();
		assertThat(requests).hasSize(3);
		assertThat(requests.get(0).get("tools")).hasSize(2);
		assertThat(requests.get(1).get("messages")).isEqualTo(this.mapper.readTree(
				"""
						[{"role":"user","content":"Status and date of T1001?"},
						 {"role":"assistant","content":"","tool_calls":[{"id":"D681PevKs","type":"function",
						   "function":{"name":"retrieve_payment_status","arguments":"{\\"transaction_id\\": \\"T1001\\"}"}}]},
						 {"role":"tool","content":"{\\"status\\":\\"Paid\\"}","tool_call_id":"D681PevKs","name":"retrieve_payment_status"}]"""));
		assertThat(requests.get(2).get("messages").get(4).get("content").asString())
			.isEqualTo("{\"date\":\"2021-10-05\"}");
		assertThat(requests).allSatisfy((request) -> {
			assertThat(request.get("model").asString()).isEqualTo("mistral-large-latest");
			assertThat(request.has("stream")).isFalse();
		});
	}

	@Test
	void toolMethodsRunOffTheEventLoopOnTheBoundedElasticScheduler() {
		this.server.answers(ChatTestServer.toolCalls(ChatTestServer.call("thread001", "where", "{}"),
				ChatTestServer.call("thread002", "where", "{}")), ChatTestServer.answer("Done."));
		Where where = new Where();

		StepVerifier.create(this.server.reactiveChat().withTools(ToolRegistry.of(where)).complete(request("Where?")))
			.assertNext((result) -> assertThat(result.toolRounds()).isEqualTo(1))
			.verifyComplete();

		assertThat(where.threads).hasSize(2).allSatisfy((thread) -> assertThat(thread).startsWith("boundedElastic-"));
		assertThat(where.nonBlocking).containsExactly(false, false);
	}

	@Test
	void toolMethodsRunInTheScopeOfTheSubscribersObservation() {
		this.server.answers(ChatTestServer.toolCalls(ChatTestServer.call("thread001", "where", "{}")),
				ChatTestServer.answer("Done."),
				ChatTestServer.toolCalls(ChatTestServer.call("thread002", "where", "{}")),
				ChatTestServer.answer("Done."));
		Where where = new Where();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler((context) -> true);
		Observation caller = Observation.start("http.server.requests", registry);
		ReactiveToolCallingChat chat = this.server.reactiveChat().withTools(ToolRegistry.of(where));

		StepVerifier
			.create(chat.complete(request("Where?"))
				.contextWrite((context) -> context.put("micrometer.observation", caller)))
			.expectNextCount(1)
			.verifyComplete();
		StepVerifier.create(chat.complete(request("Where?"))).expectNextCount(1).verifyComplete();
		caller.stop();

		assertThat(where.observations).hasSize(2);
		assertThat(where.observations.get(0)).isSameAs(caller);
		assertThat(where.observations.get(1)).as("no observation in the context, none in scope").isSameAs(NONE);
	}

	@Test
	void anotherSchedulerCanBeGiven() {
		this.server.answers(ChatTestServer.toolCalls(ChatTestServer.call("thread001", "where", "{}")),
				ChatTestServer.answer("Done."));
		Where where = new Where();
		Scheduler scheduler = Schedulers.newSingle("ledger-tools");
		try {
			StepVerifier
				.create(this.server.reactiveChat()
					.withTools(ToolRegistry.of(where))
					.scheduler(scheduler)
					.complete(request("Where?")))
				.expectNextCount(1)
				.verifyComplete();
		}
		finally {
			scheduler.dispose();
		}
		assertThat(where.threads).singleElement().satisfies((thread) -> assertThat(thread).startsWith("ledger-tools"));
	}

	@Test
	void parallelCallsOfOneAnswerAreEachAnsweredInOrder() {
		this.server.answers(
				ChatTestServer.toolCalls(
						ChatTestServer.call("aaaaaaaa1", "retrieve_payment_status", "{\"transaction_id\": \"T1002\"}"),
						ChatTestServer.call("bbbbbbbb2", "retrieve_payment_status", "{\"transaction_id\": \"T1005\"}"),
						ChatTestServer.call("cccccccc3", "retrieve_payment_date", "{\"transaction_id\": \"T1005\"}")),
				ChatTestServer.answer("T1002 is Unpaid; T1005 is Pending since 2021-10-08."));

		StepVerifier.create(this.server.reactiveChat().withTools(this.tools).complete(request("T1002 and T1005?")))
			.expectNextCount(1)
			.verifyComplete();

		assertThat(this.payments.calls).containsExactly("status T1002", "status T1005", "date T1005");
		JsonNode messages = this.server.requests().get(1).get("messages");
		assertThat(List.of(messages.get(2), messages.get(3), messages.get(4)))
			.extracting((m) -> m.get("tool_call_id").asString() + " " + m.get("content").asString())
			.containsExactly("aaaaaaaa1 {\"status\":\"Unpaid\"}", "bbbbbbbb2 {\"status\":\"Pending\"}",
					"cccccccc3 {\"date\":\"2021-10-08\"}");
	}

	@Test
	void failuresAreSentBackToTheModelOrEndTheConversationAsThePolicySays() {
		this.server.answers(
				ChatTestServer.toolCalls(
						ChatTestServer.call("throws004", "retrieve_payment_status", "{\"transaction_id\": \"T9999\"}")),
				ChatTestServer.answer("T9999 does not exist."),
				ChatTestServer.toolCalls(
						ChatTestServer.call("throws005", "retrieve_payment_status", "{\"transaction_id\": \"T9999\"}")),
				ChatTestServer.answer("never asked"));
		ReactiveToolCallingChat chat = this.server.reactiveChat().withTools(this.tools);

		StepVerifier.create(chat.complete(request("Check T9999"))).assertNext((result) -> {
			String error = ((ToolMessage) result.messages().get(2)).content().text();
			assertThat(this.mapper.readTree(error).get("error").asString())
				.isEqualTo("Tool 'retrieve_payment_status' failed: IllegalArgumentException: No transaction T9999");
		}).verifyComplete();
		assertThat(this.server.requests()).hasSize(2);

		StepVerifier.create(chat.failurePolicy(ToolFailurePolicy.THROW).complete(request("Check T9999")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(MistralToolException.class, (tool) -> {
				assertThat(tool.getReason()).isEqualTo(MistralToolException.Reason.TOOL_FAILED);
				assertThat(tool.getToolCallId()).isEqualTo("throws005");
				assertThat(tool.getCause()).hasMessage("No transaction T9999");
			}))
			.verify(WAIT);
		assertThat(this.server.requests()).hasSize(3);
		assertThat(this.payments.calls).containsExactly("status T9999", "status T9999");
	}

	@Test
	void roundLimitFailsWithTheConversationSoFar() {
		this.server.answers(
				ChatTestServer.toolCalls(
						ChatTestServer.call("round0001", "retrieve_payment_status", "{\"transaction_id\": \"T1001\"}")),
				ChatTestServer.toolCalls(
						ChatTestServer.call("round0002", "retrieve_payment_status", "{\"transaction_id\": \"T1001\"}")),
				ChatTestServer.answer("never asked"));

		StepVerifier.create(this.server.reactiveChat().withTools(this.tools).maxRounds(1).complete(request("T1001?")))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(MistralToolRoundsExceededException.class, (limit) -> {
						assertThat(limit.getMaxRounds()).isEqualTo(1);
						assertThat(limit.getMessages()).extracting(ChatMessage::role)
							.containsExactly("user", "assistant", "tool", "assistant");
						assertThat(((AssistantMessage) limit.getMessages().get(3)).toolCalls())
							.extracting((call) -> call.id())
							.containsExactly("round0002");
					}))
			.verify(WAIT);
		assertThat(this.payments.calls).containsExactly("status T1001");
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void registrySettingsApplyAndAForcedToolChoiceOnlyToTheFirstAnswer() {
		this.server.answers(
				ChatTestServer.toolCalls(
						ChatTestServer.call("forced001", "retrieve_payment_status", "{\"transaction_id\": \"T1003\"}")),
				ChatTestServer.toolCalls(ChatTestServer.call("forced002", "retrieve_payment_status",
						"{\"transaction_id\": \"T1003\"}")));
		ToolRegistry registry = ToolRegistry.builder().annotated(this.payments).maxRounds(1).build();

		StepVerifier
			.create(this.server.reactiveChat()
				.withTools(registry)
				.complete(ChatCompletionRequest.builder()
					.user("T1003?")
					.toolChoice(ToolChoice.function("retrieve_payment_status"))
					.build()))
			.expectError(MistralToolRoundsExceededException.class)
			.verify(WAIT);

		List<JsonNode> requests = this.server.requests();
		assertThat(requests.get(0).get("tool_choice")).isEqualTo(
				this.mapper.readTree("{\"type\":\"function\",\"function\":{\"name\":\"retrieve_payment_status\"}}"));
		assertThat(requests.get(1).get("tool_choice").asString()).isEqualTo("auto");
	}

	@Test
	void eachSubscriptionRunsItsOwnConversation() {
		this.server.answers(
				ChatTestServer.toolCalls(
						ChatTestServer.call("first0001", "retrieve_payment_status", "{\"transaction_id\": \"T1001\"}")),
				ChatTestServer.answer("T1001 is Paid."),
				ChatTestServer.toolCalls(
						ChatTestServer.call("second001", "retrieve_payment_status", "{\"transaction_id\": \"T1002\"}")),
				ChatTestServer.answer("T1002 is Unpaid."));
		Mono<String> answer = this.server.reactiveChat()
			.withTools(this.tools)
			.complete(request("Status?"))
			.map(ToolConversation::text);

		StepVerifier.create(answer).expectNext("T1001 is Paid.").verifyComplete();
		StepVerifier.create(answer).expectNext("T1002 is Unpaid.").verifyComplete();

		List<JsonNode> requests = this.server.requests();
		assertThat(requests).extracting((request) -> request.get("messages").size()).containsExactly(1, 3, 1, 3);
		assertThat(this.payments.calls).containsExactly("status T1001", "status T1002");
	}

	@Test
	void streamedTextWithToolRoundsInBetween() {
		this.server.streams(List
			.of(ChatTestServer.roleChunk(), ChatTestServer.textChunk("Let me check. "), ChatTestServer.toolCallChunk(
					"tool_calls",
					"{\"id\":\"D681PevKs\",\"function\":{\"name\":\"retrieve_payment_status\",\"arguments\":\"{\\\"transaction_id\\\": \\\"T1001\\\"}\"},\"index\":0}")),
				List.of(ChatTestServer.roleChunk(), ChatTestServer.toolCallChunk(null,
						"{\"id\":\"k9Qw2ZxL0\",\"type\":\"function\",\"function\":{\"name\":\"retrieve_payment_date\",\"arguments\":\"{\\\"transaction\"},\"index\":0}"),
						ChatTestServer.toolCallChunk("tool_calls",
								"{\"function\":{\"name\":\"\",\"arguments\":\"_id\\\": \\\"T1001\\\"}\"},\"index\":0}")),
				List.of(ChatTestServer.roleChunk(), ChatTestServer.textChunk("T1001 is "),
						ChatTestServer.textChunk("Paid, "), ChatTestServer.lastChunk("since 2021-10-05.", "stop")));

		Flux<String> pieces = this.server.reactiveChat()
			.withTools(this.tools)
			.stream(request("Status and date of T1001?"));
		assertThat(this.server.requests()).isEmpty();

		StepVerifier.create(pieces)
			.expectNext("Let me check. ")
			.expectNext("T1001 is ", "Paid, ", "since 2021-10-05.")
			.verifyComplete();

		assertThat(this.payments.calls).containsExactly("status T1001", "date T1001");
		List<JsonNode> requests = this.server.requests();
		assertThat(requests).hasSize(3).allSatisfy((request) -> assertThat(request.get("stream").asBoolean()).isTrue());
		JsonNode history = requests.get(1).get("messages");
		assertThat(history.get(1).get("content").asString()).isEqualTo("Let me check. ");
		assertThat(history.get(1).get("tool_calls").get(0).has("index")).isFalse();
		assertThat(history.get(2).get("content").asString()).isEqualTo("{\"status\":\"Paid\"}");
		JsonNode last = requests.get(2).get("messages");
		assertThat(last).hasSize(5);
		assertThat(last.get(3).get("tool_calls").get(0).get("function").get("arguments").asString())
			.isEqualTo("{\"transaction_id\": \"T1001\"}");
	}

	@Test
	void aStreamCutBeforeItsEndFailsWithoutRunningItsCalls() {
		this.server.streams(List
			.of(ChatTestServer.roleChunk(), ChatTestServer.textChunk("Let me check. "), ChatTestServer.toolCallChunk(
					"tool_calls",
					"{\"id\":\"D681PevKs\",\"function\":{\"name\":\"retrieve_payment_status\",\"arguments\":\"{\\\"transaction_id\\\": \\\"T1001\\\"}\"},\"index\":0}")));
		this.server.cutStream(List
			.of(ChatTestServer.roleChunk(), ChatTestServer.textChunk("T1001 is "), ChatTestServer.toolCallChunk(null,
					"{\"id\":\"k9Qw2ZxL0\",\"function\":{\"name\":\"retrieve_payment_date\",\"arguments\":\"{\\\"transaction_id\\\": \\\"T1001\\\"}\"},\"index\":0}")));

		StepVerifier.create(this.server.reactiveChat().withTools(this.tools).stream(request("T1001?")))
			.expectNext("Let me check. ", "T1001 is ")
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralStreamException.class)
				.hasMessageContaining("without [DONE]"))
			.verify(WAIT);

		assertThat(this.payments.calls).containsExactly("status T1001");
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void streamedRoundLimitFails() {
		String call = "{\"id\":\"round0001\",\"function\":{\"name\":\"retrieve_payment_status\",\"arguments\":\"{\\\"transaction_id\\\": \\\"T1001\\\"}\"},\"index\":0}";
		this.server.streams(List.of(ChatTestServer.roleChunk(), ChatTestServer.toolCallChunk("tool_calls", call)),
				List.of(ChatTestServer.roleChunk(), ChatTestServer.toolCallChunk("tool_calls", call)));

		StepVerifier.create(this.server.reactiveChat().withTools(this.tools).maxRounds(1).stream(request("T1001?")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(
					MistralToolRoundsExceededException.class, (limit) -> assertThat(limit.getMessages()).hasSize(4)))
			.verify(WAIT);
		assertThat(this.server.requests()).hasSize(2);
		assertThat(this.payments.calls).containsExactly("status T1001");
	}

	private static ChatCompletionRequest request(String text) {
		return ChatCompletionRequest.builder().user(text).build();
	}

	/** A tool that records the thread it runs on. */
	static class Where {

		final List<String> threads = new CopyOnWriteArrayList<>();

		final List<Boolean> nonBlocking = new CopyOnWriteArrayList<>();

		final List<Object> observations = new CopyOnWriteArrayList<>();

		@MistralTool(name = "where", description = "Where the tool runs")
		Map<String, String> where() {
			this.threads.add(Thread.currentThread().getName());
			this.nonBlocking.add(Schedulers.isInNonBlockingThread());
			Observation current = ObservationRegistry.create().getCurrentObservation();
			this.observations.add((current != null) ? current : NONE);
			return Map.of("thread", Thread.currentThread().getName());
		}

	}

}
