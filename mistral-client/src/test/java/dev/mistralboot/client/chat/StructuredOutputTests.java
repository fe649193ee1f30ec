package dev.mistralboot.client.chat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.mistralboot.client.chat.tools.ChatTestServer;
import dev.mistralboot.client.chat.tools.ToolParam;
import dev.mistralboot.client.core.MistralInvalidResponseException;
import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StructuredOutputTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ChatTestServer server = new ChatTestServer(wireMock);

	private final JsonMapper mapper = MistralJson.defaultMapper();

	@Test
	void answerIsReadIntoARecordWithAStrictJsonSchema() {
		this.server.answers(ChatTestServer.answer("""
				{"customerId": "C001", "payments": [
				  {"transactionId": "T1001", "amount": 125.50, "date": "2021-10-05", "status": "Paid"},
				  {"transactionId": "T1005", "amount": 210.20, "date": "2021-10-08", "status": "Pending"}]}"""));

		Statement statement = this.server.chat()
			.complete(ChatCompletionRequest.builder().user("List the payments of customer C001").build(),
					Statement.class);

		assertThat(statement.customerId()).isEqualTo("C001");
		assertThat(statement.payments()).containsExactly(
				new Payment("T1001", new BigDecimal("125.50"), LocalDate.of(2021, 10, 5), Status.PAID),
				new Payment("T1005", new BigDecimal("210.20"), LocalDate.of(2021, 10, 8), Status.PENDING));
		assertThat(statement.note()).isEmpty();
		JsonNode format = this.server.requests().get(0).get("response_format");
		assertThat(format).isEqualTo(this.mapper.readTree("""
				{"type":"json_schema","json_schema":{"name":"Statement","strict":true,"schema":{
				  "type":"object","properties":{"customerId":{"type":"string"},
				    "payments":{"type":"array","items":{"type":"object","properties":{
				      "transactionId":{"type":"string","description":"The transaction id, such as T1001"},
				      "amount":{"type":"number"},"date":{"type":"string","format":"date"},
				      "status":{"type":"string","enum":["Paid","Unpaid","Pending"]}},
				      "required":["transactionId","amount","date","status"],"additionalProperties":false}},
				    "note":{"type":["string","null"]}},
				  "required":["customerId","payments"],"additionalProperties":false}}}"""));
	}

	@Test
	void genericTypesAndCodeFences() {
		this.server.answers(ChatTestServer.answer("""
				```json
				[{"transactionId": "T1002", "amount": 89.99, "date": "2021-10-06", "status": "Unpaid"}]
				```"""));

		List<Payment> payments = this.server.chat()
			.complete(ChatCompletionRequest.builder().user("Unpaid payments?").build(),
					new ParameterizedTypeReference<List<Payment>>() {
					});

		assertThat(payments).extracting(Payment::status).containsExactly(Status.UNPAID);
		JsonNode format = this.server.requests().get(0).get("response_format");
		assertThat(format.get("json_schema").get("name").asString()).isEqualTo("List");
		assertThat(format.get("json_schema").get("schema").get("type").asString()).isEqualTo("array");
	}

	@Test
	void jsonModeForFreeFormJson() {
		this.server.answers(ChatTestServer.answer("{\"cheeses\": [\"Comté\", \"Roquefort\"]}"));

		JsonNode answer = this.server.chat()
			.complete(ChatCompletionRequest.builder().user("Two French cheeses, as JSON").build(), JsonNode.class);

		assertThat(answer.get("cheeses").get(1).asString()).isEqualTo("Roquefort");
		assertThat(this.server.requests().get(0).get("response_format"))
			.isEqualTo(this.mapper.readTree("{\"type\":\"json_object\"}"));
	}

	@Test
	void theRequestsOwnResponseFormatIsKept() {
		this.server.answers(ChatTestServer.answer("{\"customerId\": \"C002\", \"payments\": []}"));

		Statement statement = this.server.chat()
			.complete(ChatCompletionRequest.builder()
				.user("Payments of C002, as JSON")
				.responseFormat(ResponseFormat.JSON_OBJECT)
				.build(), Statement.class);

		assertThat(statement.customerId()).isEqualTo("C002");
		assertThat(this.server.requests().get(0).get("response_format"))
			.isEqualTo(this.mapper.readTree("{\"type\":\"json_object\"}"));
	}

	@Test
	void anAnswerThatDoesNotParseRaisesWithTheText() {
		this.server.answers(ChatTestServer.answer("Customer C001 paid 125.50 on 2021-10-05."),
				ChatTestServer.answer("{\"customerId\": \"C001\", \"payments\": [{\"transactionId\": \"T10", "length"));

		assertThatExceptionOfType(MistralStructuredOutputException.class)
			.isThrownBy(() -> this.server.chat()
				.complete(ChatCompletionRequest.builder().user("Payments of C001").build(), Statement.class))
			.isInstanceOf(MistralInvalidResponseException.class)
			.withMessageStartingWith("The answer could not be read as Statement: ")
			.satisfies((ex) -> {
				assertThat(ex.getRawBody()).isEqualTo("Customer C001 paid 125.50 on 2021-10-05.");
				assertThat(ex.getResponse().finishReason()).isEqualTo(FinishReason.STOP);
				assertThat(ex.getMessage()).doesNotContain(ChatTestServer.API_KEY);
			});
		assertThatExceptionOfType(MistralStructuredOutputException.class)
			.isThrownBy(() -> this.server.chat()
				.complete(ChatCompletionRequest.builder().user("Payments of C001").build(), Statement.class))
			.withMessageStartingWith("The answer could not be read as Statement (it was cut short, finish_reason "
					+ "length: raise maxTokens or ask for less): ")
			.satisfies((ex) -> assertThat(ex.getRawBody())
				.isEqualTo("{\"customerId\": \"C001\", \"payments\": [{\"transactionId\": \"T10"));
	}

	enum Status {

		PAID, UNPAID, PENDING;

		@JsonValue
		String wire() {
			return name().charAt(0) + name().substring(1).toLowerCase();
		}

	}

	record Payment(@ToolParam(description = "The transaction id, such as T1001") String transactionId,
			BigDecimal amount, LocalDate date, Status status) {
	}

	record Statement(String customerId, List<Payment> payments, Optional<String> note) {
	}

}
