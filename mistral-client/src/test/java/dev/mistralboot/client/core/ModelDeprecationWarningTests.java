package dev.mistralboot.client.core;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model retirement announced by {@code x-model-deprecation-timestamp} is logged once
 * per model and date, at WARN, and is readable from the response metadata.
 */
class ModelDeprecationWarningTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final Logger logger = (Logger) LoggerFactory.getLogger(ModelDeprecations.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	@BeforeEach
	void capture() {
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.appender);
	}

	@Test
	void warnsOncePerModelAndDate() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader(ResponseMetadata.MODEL_DEPRECATION_HEADER, "2026-12-31T00:00:00Z")
				.withBody(Fixtures.text("chat-response.json"))));
		MistralChatClient chat = new MistralChatClient(
				MistralHttp.builder().baseUrl(wireMock.baseUrl()).apiKey("deprecation-key").build());
		ChatCompletionRequest request = ChatCompletionRequest.builder().model("open-mistral-7b").user("hi").build();

		MistralResponse<?> first = chat.completeWithResponse(request);
		chat.complete(request);
		chat.complete(request.toBuilder().model("open-mixtral-8x7b").build());

		assertThat(first.metadata().modelDeprecationTimestamp()).isEqualTo("2026-12-31T00:00:00Z");
		List<String> warnings = this.appender.list.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
		assertThat(warnings).hasSize(2);
		assertThat(warnings.get(0)).contains("open-mistral-7b").contains("2026-12-31T00:00:00Z");
		assertThat(warnings.get(1)).contains("open-mixtral-8x7b");
		assertThat(String.join("\n", warnings)).doesNotContain("deprecation-key");
	}

}
