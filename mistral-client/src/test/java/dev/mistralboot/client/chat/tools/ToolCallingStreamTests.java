package dev.mistralboot.client.chat.tools;

import java.util.ArrayList;
import java.util.List;

import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.chat.ToolMessage;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ToolCallingStreamTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ChatTestServer server = new ChatTestServer(wireMock);

	private final Payments payments = new Payments();

	private final ToolRegistry tools = ToolRegistry.of(this.payments);

	@Test
	void textIsStreamedWithToolRoundsInBetween() {
		this.server.streams(List
			.of(ChatTestServer.roleChunk(), ChatTestServer.textChunk("Let me check. "), ChatTestServer.toolCallChunk(
					"tool_calls",
					"{\"id\":\"D681PevKs\",\"function\":{\"name\":\"retrieve_payment_status\",\"arguments\":\"{\\\"transaction_id\\\": \\\"T1001\\\"}\"},\"index\":0}")),
				List.of(ChatTestServer.roleChunk(), ChatTestServer.toolCallChunk("tool_calls",
						"{\"id\":\"k9Qw2ZxL0\",\"function\":{\"name\":\"retrieve_payment_date\",\"arguments\":\"{\\\"transaction_id\\\": \\\"T1001\\\"}\"},\"index\":0}")),
				List.of(ChatTestServer.roleChunk(), ChatTestServer.textChunk("T1001 is "),
						ChatTestServer.textChunk("Paid, "), ChatTestServer.lastChunk("since 2021-10-05.", "stop")));

		List<String> pieces = new ArrayList<>();
		ToolConversation conversation;
		try (ToolCallingStream stream = this.server.chat()
			.withTools(this.tools)
			.stream(ChatCompletionRequest.builder().user("Status and date of T1001?").build())) {
			for (String piece : stream) {
				pieces.add(piece);
			}
			conversation = stream.result();
		}

		assertThat(pieces).containsExactly("Let me check. ", "T1001 is ", "Paid, ", "since 2021-10-05.");
		assertThat(this.payments.calls).containsExactly("status T1001", "date T1001");
		assertThat(conversation.toolRounds()).isEqualTo(2);
		assertThat(conversation.text()).isEqualTo("T1001 is Paid, since 2021-10-05.");
		assertThat(conversation.usage().totalTokens()).isEqualTo(3 * 102);
		assertThat(conversation.messages()).extracting(ChatMessage::role)
			.containsExactly("user", "assistant", "tool", "assistant", "tool", "assistant");
		List<JsonNode> requests = this.server.requests();
		assertThat(requests).hasSize(3).allSatisfy((request) -> assertThat(request.get("stream").asBoolean()).isTrue());
		JsonNode history = requests.get(1).get("messages");
		assertThat(history.get(1).get("content").asString()).isEqualTo("Let me check. ");
		assertThat(history.get(1).get("tool_calls").get(0).get("id").asString()).isEqualTo("D681PevKs");
		assertThat(history.get(1).get("tool_calls").get(0).has("index")).isFalse();
		assertThat(history.get(2).get("content").asString()).isEqualTo("{\"status\":\"Paid\"}");
		assertThat(requests.get(2).get("messages")).hasSize(5);
	}

	@Test
	void argumentsSplitAcrossChunksAreJoined() {
		this.server.streams(List.of(ChatTestServer.roleChunk(), ChatTestServer.toolCallChunk(null,
				"{\"id\":\"aaaaaaaa1\",\"type\":\"function\",\"function\":{\"name\":\"retrieve_payment_status\",\"arguments\":\"{\\\"transaction\"},\"index\":0}"),
				ChatTestServer.toolCallChunk(null,
						"{\"function\":{\"name\":\"\",\"arguments\":\"_id\\\": \\\"T1002\\\"}\"},\"index\":0}"),
				ChatTestServer.toolCallChunk(null,
						"{\"id\":\"bbbbbbbb2\",\"type\":\"function\",\"function\":{\"name\":\"retrieve_payment_status\",\"arguments\":\"{\\\"transaction_id\\\": \\\"T1003\\\"}\"},\"index\":1}"),
				ChatTestServer.lastChunk("", "tool_calls")),
				List.of(ChatTestServer.roleChunk(),
						ChatTestServer.lastChunk("T1002 is Unpaid and T1003 is Paid.", "stop")));

		try (ToolCallingStream stream = this.server.chat()
			.withTools(this.tools)
			.stream(ChatCompletionRequest.builder().user("T1002 and T1003?").build())) {
			assertThat(stream.stream().toList()).containsExactly("T1002 is Unpaid and T1003 is Paid.");
			assertThat(stream.result().messages()).filteredOn(ToolMessage.class::isInstance)
				.extracting((m) -> ((ToolMessage) m).toolCallId() + " " + ((ToolMessage) m).content().text())
				.containsExactly("aaaaaaaa1 {\"status\":\"Unpaid\"}", "bbbbbbbb2 {\"status\":\"Paid\"}");
		}
		assertThat(this.payments.calls).containsExactly("status T1002", "status T1003");
	}

	@Test
	void resultBeforeTheEndAndTheRoundLimitAreReported() {
		this.server.streams(List.of(ChatTestServer.roleChunk(), ChatTestServer.toolCallChunk("tool_calls",
				"{\"id\":\"round0001\",\"function\":{\"name\":\"retrieve_payment_status\",\"arguments\":\"{\\\"transaction_id\\\": \\\"T1001\\\"}\"},\"index\":0}")),
				List.of(ChatTestServer.roleChunk(), ChatTestServer.toolCallChunk("tool_calls",
						"{\"id\":\"round0002\",\"function\":{\"name\":\"retrieve_payment_status\",\"arguments\":\"{\\\"transaction_id\\\": \\\"T1001\\\"}\"},\"index\":0}")));

		try (ToolCallingStream stream = this.server.chat()
			.withTools(this.tools)
			.maxRounds(1)
			.stream(ChatCompletionRequest.builder().user("T1001?").build())) {
			assertThatIllegalStateException().isThrownBy(stream::result)
				.withMessageContaining("read the ToolCallingStream to its end");
			assertThatExceptionOfType(MistralToolRoundsExceededException.class)
				.isThrownBy(() -> stream.forEach((piece) -> {
				}))
				.satisfies((ex) -> assertThat(ex.getMessages()).hasSize(4));
		}
		assertThat(this.server.requests()).hasSize(2);
	}

}
