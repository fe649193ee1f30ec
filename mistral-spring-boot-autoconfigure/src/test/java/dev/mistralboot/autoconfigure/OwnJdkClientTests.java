package dev.mistralboot.autoconfigure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When Spring Boot's HTTP client is the JDK one, the auto-configured core calls through a
 * JDK client built from Boot's settings on the calling thread (Spring's JDK request
 * factory starts a thread or two per call); {@code mistral.http.own-jdk-client=false}
 * keeps Boot's request factory as it is.
 */
class OwnJdkClientTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private static long threadsStartedBy20Calls(MistralChatClient chat) {
		ChatCompletionRequest request = ChatCompletionRequest.builder().user("hi").build();
		for (int i = 0; i < 3; i++) {
			chat.complete(request);
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long before = threads.getTotalStartedThreadCount();
		for (int i = 0; i < 20; i++) {
			assertThat(chat.complete(request).text()).isEqualTo("Comté is the best.");
		}
		return threads.getTotalStartedThreadCount() - before;
	}

	@Test
	void bootsJdkFactoryIsReplacedByTheCoresOwnClient() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(Fixtures.text("chat-response.json"))));
		String[] properties = { "mistral.base-url=" + wireMock.baseUrl(), "mistral.api-key=own-jdk-key",
				"spring.http.clients.imperative.factory=jdk" };
		MistralAutoConfigurationTests.runner(Map.of())
			.withPropertyValues(properties)
			.run((context) -> assertThat(threadsStartedBy20Calls(context.getBean(MistralChatClient.class)))
				.as("threads started by 20 calls on the core's own JDK client")
				.isLessThan(5));
		MistralAutoConfigurationTests.runner(Map.of())
			.withPropertyValues(properties)
			.withPropertyValues("mistral.http.own-jdk-client=false")
			.run((context) -> assertThat(threadsStartedBy20Calls(context.getBean(MistralChatClient.class)))
				.as("threads started by 20 calls on Spring's JDK request factory")
				.isGreaterThanOrEqualTo(20));
		assertThat(wireMock.requestCount()).isEqualTo(46);
	}

}
