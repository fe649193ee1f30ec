package dev.mistralboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.MistralTimeoutException;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.LoopbackServer;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The stream idle timeout and an early close work on the request factories Spring Boot
 * picks ({@code spring.http.clients.imperative.factory}), not only on the core's own JDK
 * client: a stalled stream fails in time and the connection is dropped, not drained.
 */
class AutoConfiguredStreamTimeoutTests {

	private static final String[] EVENTS = Fixtures.text("chat-text.sse").split("\n\n");

	/** Whether the server still serves whole streams (the warm-up). */
	private static volatile boolean warming;

	/**
	 * Serves whole streams while warming up, then stalls every later one after two
	 * events.
	 */
	private static LoopbackServer stallingServer() throws Exception {
		warming = true;
		return new LoopbackServer((exchange) -> {
			exchange.startChunked(200, "text/event-stream");
			if (warming) {
				exchange.chunk(Fixtures.text("chat-text.sse"));
				exchange.endChunked();
				return;
			}
			exchange.chunk(EVENTS[0] + "\n\n");
			exchange.chunk(EVENTS[1] + "\n\n");
			exchange.awaitClientClose(Duration.ofSeconds(20));
		});
	}

	private static LoopbackServer.Exchange last(LoopbackServer server) {
		return server.exchanges().get(server.exchanges().size() - 1);
	}

	private static void warmUp(MistralChatClient chat) {
		// the HTTP client is built, and its first connection made, on the first call: on
		// a cold, loaded machine that can take longer than the 1 s idle timeout
		for (int attempt = 1;; attempt++) {
			try (MistralStream<ChatCompletionChunk> stream = chat
				.stream(ChatCompletionRequest.builder().user("hi").build())) {
				assertThat(stream.stream().count()).isEqualTo(4);
				warming = false;
				return;
			}
			catch (MistralTimeoutException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Boot's JDK factory through the core's own JDK client (the default), as is, and
	 * Reactor Netty's.
	 */
	private static final List<String> FACTORIES = List.of("jdk", "jdk-as-is", "reactor");

	private static ApplicationContextRunner runner(String factory, LoopbackServer server) {
		return MistralAutoConfigurationTests.runner(Map.of())
			.withPropertyValues("mistral.base-url=" + server.baseUrl(), "mistral.http.stream-idle-timeout=1s",
					"spring.http.clients.imperative.factory=" + factory.replace("-as-is", ""),
					"mistral.http.own-jdk-client=" + !factory.endsWith("-as-is"));
	}

	@Test
	void idleTimeoutOnEveryFactory() throws Exception {
		for (String factory : FACTORIES) {
			try (LoopbackServer server = stallingServer()) {
				runner(factory, server).run((context) -> {
					assertThat(context.getBean(ClientHttpRequestFactoryBuilder.class).getClass().getSimpleName())
						.containsIgnoringCase(factory.replace("-as-is", ""));
					warmUp(context.getBean(MistralChatClient.class));
					List<ChatCompletionChunk> received = new ArrayList<>();
					MistralTimeoutException ex;
					try (MistralStream<ChatCompletionChunk> stream = context.getBean(MistralChatClient.class)
						.stream(ChatCompletionRequest.builder().user("hi").build())) {
						ex = catchThrowableOfType(MistralTimeoutException.class, () -> stream.forEach(received::add));
					}
					assertThat(received).hasSize(2);
					assertThat(ex).hasMessageContaining("mistral.http.stream-idle-timeout");
					// the client, not the server, ended the connection: the server saw it
					// close while it still held it (20 s), whatever the machine's speed
					LoopbackServer.Exchange exchange = last(server);
					assertThat(exchange.clientClosed(Duration.ofSeconds(30))).as(factory).isTrue();
					OpenApiContract.ifAvailable((contract) -> contract.assertRequestValid("POST", exchange.path(),
							exchange.header("Content-Type"), exchange.bodyText()));
				});
			}
		}
	}

	@Test
	void closingEarlyDropsTheConnectionOnEveryFactory() throws Exception {
		for (String factory : FACTORIES) {
			try (LoopbackServer server = stallingServer()) {
				runner(factory, server).withPropertyValues("mistral.http.stream-idle-timeout=30s").run((context) -> {
					warmUp(context.getBean(MistralChatClient.class));
					try (MistralStream<ChatCompletionChunk> stream = context.getBean(MistralChatClient.class)
						.stream(ChatCompletionRequest.builder().user("hi").build())) {
						assertThat(stream.iterator().next().choices()).hasSize(1);
					}
					// closing did not read the rest of the answer: the server saw the
					// client
					// close the connection while it still held it (20 s)
					assertThat(last(server).clientClosed(Duration.ofSeconds(30))).as(factory).isTrue();
				});
			}
		}
	}

}
