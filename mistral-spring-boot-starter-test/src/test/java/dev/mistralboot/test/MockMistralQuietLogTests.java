package dev.mistralboot.test;

import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema validator inside {@link MockMistral} does not log a WARN line for each
 * keyword of the OpenAPI document it does not know ("Unknown keyword openapi ...").
 */
@ExtendWith(OutputCaptureExtension.class)
class MockMistralQuietLogTests {

	@Test
	void loadingTheContractAndValidatingRequestsLogsNoUnknownKeywordWarnings(CapturedOutput output) {
		// a fresh contract, parsed in this test (the shared one may be parsed already)
		OpenApiContract contract = OpenApiContract.load(OpenApiContract.get().source()).orElseThrow();
		try (MockMistral mock = MockMistral.start(contract)) {
			mock.chat().reply("ok");
			MistralChatClient chat = new MistralChatClient(
					MistralHttp.builder().baseUrl(mock.baseUrl()).apiKey("test-key").build());
			assertThat(chat.complete(ChatCompletionRequest.builder().model("mistral-small-latest").user("Hi").build())
				.text()).isEqualTo("ok");
			mock.assertAllRequestsConform();
			assertThat(mock.requests()).singleElement()
				.satisfies((request) -> assertThat(request.operationId()).isNotNull());
		}
		assertThat(output.getAll()).doesNotContain("Unknown keyword").doesNotContain("UnknownKeywordFactory");
	}

}
