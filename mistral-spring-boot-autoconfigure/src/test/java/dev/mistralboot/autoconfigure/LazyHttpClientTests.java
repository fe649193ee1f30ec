package dev.mistralboot.autoconfigure;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * Start-up builds no HTTP client: the core's JDK client (TLS set-up, a selector thread)
 * is built on the first call, once, and Boot's {@code RestClient.Builder} bean, whose
 * request factory the core would replace, is not asked for at all. Counted with the JDK
 * client's selector threads ({@code HttpClient-N-SelectorManager}), one per client.
 */
class LazyHttpClientTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private static Set<Long> selectorThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("HttpClient-")
					&& thread.getName().endsWith("-SelectorManager"))
			.map(Thread::getId)
			.collect(Collectors.toSet());
	}

	@Test
	void theJdkClientIsBuiltOnTheFirstCallAndOnlyOnce() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(Fixtures.text("chat-response.json"))));
		Set<Long> before = selectorThreads();
		MistralAutoConfigurationTests.runner(Map.of())
			.withPropertyValues("mistral.base-url=" + wireMock.baseUrl(), "mistral.api-key=lazy-key",
					"spring.http.clients.imperative.factory=jdk")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Set<Long> started = selectorThreads();
				started.removeAll(before);
				assertThat(started).as("JDK HTTP clients built during start-up").isEmpty();
				MistralChatClient chat = context.getBean(MistralChatClient.class);
				ChatCompletionRequest request = ChatCompletionRequest.builder().user("hi").build();
				assertThat(chat.complete(request).text()).isEqualTo("Comté is the best.");
				assertThat(chat.complete(request).text()).isEqualTo("Comté is the best.");
				started = selectorThreads();
				started.removeAll(before);
				assertThat(started).as("JDK HTTP clients built by two calls").hasSize(1);
			});
	}

}
