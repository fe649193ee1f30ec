package dev.mistralboot.client.chat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import dev.mistralboot.client.chat.StructuredOutputTests.Payment;
import dev.mistralboot.client.chat.StructuredOutputTests.Statement;
import dev.mistralboot.client.chat.StructuredOutputTests.Status;
import dev.mistralboot.client.chat.tools.ChatTestServer;
import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structured output of {@link ReactiveMistralChatClient}: the twin of
 * {@link StructuredOutputTests}, sending the same {@code response_format} as the blocking
 * client.
 */
class ReactiveStructuredOutputTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ChatTestServer server = new ChatTestServer(wireMock);

	private final JsonMapper mapper = MistralJson.defaultMapper();

	@Test
	void answerIsReadIntoARecordWithTheSameSchemaAsTheBlockingClient() {
		String answer = """
				{"customerId": "C001", "payments": [
				  {"transactionId": "T1001", "amount": 125.50, "date": "2021-10-05", "status": "Paid"}]}""";
		this.server.answers(ChatTestServer.answer(answer), ChatTestServer.answer(answer));
		ChatCompletionRequest request = ChatCompletionRequest.builder().user("List the payments of C001").build();
		Statement blocking = this.server.chat().complete(request, Statement.class);

		Mono<Statement> statement = this.server.reactiveChat().complete(request, Statement.class);
		assertThat(this.server.requests()).as("nothing is sent before subscription").hasSize(1);
		StepVerifier.create(statement).assertNext((read) -> {
			assertThat(read).isEqualTo(blocking);
			assertThat(read.payments()).containsExactly(
					new Payment("T1001", new BigDecimal("125.50"), LocalDate.of(2021, 10, 5), Status.PAID));
		}).verifyComplete();

		List<JsonNode> requests = this.server.requests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).get("response_format")).isEqualTo(requests.get(0).get("response_format"));
		assertThat(requests.get(1).get("response_format").get("json_schema").get("name").asString())
			.isEqualTo("Statement");
		assertThat(requests.get(1).get("response_format").get("json_schema").get("strict").asBoolean()).isTrue();
		assertThat(requests.get(1).has("stream")).isFalse();
	}

	@Test
	void genericTypesJsonModeAndTheRequestsOwnFormat() {
		this.server.answers(ChatTestServer.answer("""
				```json
				[{"transactionId": "T1002", "amount": 89.99, "date": "2021-10-06", "status": "Unpaid"}]
				```"""), ChatTestServer.answer("{\"cheeses\": [\"Comté\", \"Roquefort\"]}"),
				ChatTestServer.answer("{\"customerId\": \"C002\", \"payments\": []}"));
		ReactiveMistralChatClient chat = this.server.reactiveChat();

		StepVerifier.create(chat.complete(ChatCompletionRequest.builder().user("Unpaid payments?").build(),
				new ParameterizedTypeReference<List<Payment>>() {
				}))
			.assertNext((payments) -> assertThat(payments).extracting(Payment::status).containsExactly(Status.UNPAID))
			.verifyComplete();
		StepVerifier.create(chat.complete(ChatCompletionRequest.builder().user("Two cheeses").build(), JsonNode.class))
			.assertNext((json) -> assertThat(json.get("cheeses").get(1).asString()).isEqualTo("Roquefort"))
			.verifyComplete();
		StepVerifier
			.create(chat.complete(ChatCompletionRequest.builder()
				.user("Payments of C002")
				.responseFormat(ResponseFormat.JSON_OBJECT)
				.build(), Statement.class))
			.assertNext((read) -> assertThat(read.customerId()).isEqualTo("C002"))
			.verifyComplete();

		List<JsonNode> requests = this.server.requests();
		assertThat(requests.get(0).get("response_format").get("json_schema").get("schema").get("type").asString())
			.isEqualTo("array");
		assertThat(requests.get(1).get("response_format"))
			.isEqualTo(this.mapper.readTree("{\"type\":\"json_object\"}"));
		assertThat(requests.get(2).get("response_format"))
			.isEqualTo(this.mapper.readTree("{\"type\":\"json_object\"}"));
	}

	@Test
	void anAnswerThatDoesNotParseFailsWithTheText() {
		this.server.answers(ChatTestServer.answer("Customer C001 paid 125.50 on 2021-10-05."),
				ChatTestServer.answer("{\"customerId\": \"C001\", \"payments\": [{\"transactionId\": \"T10", "length"),
				ChatTestServer.answer("null"));
		ReactiveMistralChatClient chat = this.server.reactiveChat();
		ChatCompletionRequest request = ChatCompletionRequest.builder().user("Payments of C001").build();

		StepVerifier.create(chat.complete(request, Statement.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralStructuredOutputException.class)
				.hasMessageStartingWith("The answer could not be read as Statement: ")
				.satisfies((failure) -> {
					MistralStructuredOutputException structured = (MistralStructuredOutputException) failure;
					assertThat(structured.getRawBody()).isEqualTo("Customer C001 paid 125.50 on 2021-10-05.");
					assertThat(structured.getResponse().finishReason()).isEqualTo(FinishReason.STOP);
				}))
			.verify(Duration.ofSeconds(30));
		StepVerifier.create(chat.complete(request, Statement.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralStructuredOutputException.class)
				.hasMessageStartingWith("The answer could not be read as Statement (it was cut short, finish_reason "
						+ "length: raise maxTokens or ask for less): "))
			.verify(Duration.ofSeconds(30));
		StepVerifier.create(chat.complete(request, Statement.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralStructuredOutputException.class)
				.hasMessage("The answer could not be read as Statement: the answer is empty or null"))
			.verify(Duration.ofSeconds(30));
		assertThat(this.server.requests()).hasSize(3);
	}

}
