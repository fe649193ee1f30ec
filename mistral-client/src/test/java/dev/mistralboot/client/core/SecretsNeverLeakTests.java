package dev.mistralboot.client.core;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.client.test.RecordingSleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A distinctive API key never appears in a log line (DEBUG and TRACE of the clients and
 * of Spring's web stack), an exception message or a {@code toString()}, whatever happens
 * to the calls.
 */
class SecretsNeverLeakTests {

	static final String KEY = "sk-LEAKCANARY-7f3b9c2e1d4a";

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final List<Logger> loggers = new ArrayList<>();

	private final List<Level> levels = new ArrayList<>();

	private final List<Throwable> failures = new ArrayList<>();

	@BeforeEach
	void captureLogs() {
		this.appender.start();
		for (String name : List.of("dev.mistralboot", "org.springframework.web", "org.springframework.http",
				"reactor.netty", "jdk.internal.httpclient")) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.loggers.add(logger);
			this.levels.add(logger.getLevel());
			logger.setLevel(Level.TRACE);
			logger.addAppender(this.appender);
		}
	}

	@AfterEach
	void restoreLogs() {
		for (int i = 0; i < this.loggers.size(); i++) {
			this.loggers.get(i).detachAppender(this.appender);
			this.loggers.get(i).setLevel(this.levels.get(i));
		}
	}

	@Test
	void keyNeverLeaks() throws Exception {
		MistralHttp.Builder builder = MistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey(KEY)
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(5)))
			.sleeper(new RecordingSleeper());
		MistralHttp http = builder.build();
		ReactiveMistralHttp.Builder reactiveBuilder = ReactiveMistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey(KEY)
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(5)));
		ReactiveMistralHttp reactive = reactiveBuilder.build();

		// success
		answer(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(Fixtures.text("chat-response.json")));
		MistralResponse<JsonNode> ok = http.execute(TestRequests.chat(), JsonNode.class);
		MistralResponse<JsonNode> okReactive = reactive.execute(TestRequests.chat(), JsonNode.class).block();
		// 401
		answer(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Unauthorized\",\"request_id\":\"r1\"}"));
		attempt(() -> http.execute(TestRequests.chat(), JsonNode.class));
		attempt(() -> reactive.execute(TestRequests.chat(), JsonNode.class).block());
		// 429 with retries
		answer(aResponse().withStatus(429)
			.withHeader("Retry-After", "0")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Requests rate limit exceeded\"}"));
		attempt(() -> http.execute(TestRequests.chat(), JsonNode.class));
		attempt(() -> reactive.execute(TestRequests.chat(), JsonNode.class).block());
		// I/O errors
		answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		attempt(() -> http.execute(TestRequests.chat(), JsonNode.class));
		attempt(() -> reactive.execute(TestRequests.chat(), JsonNode.class).block());
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		MistralHttp refused = builder.baseUrl("http://127.0.0.1:" + closedPort).build();
		attempt(() -> refused.execute(TestRequests.chat(), JsonNode.class));
		// stream errors
		answer(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(Fixtures.text("chat-error-mid-stream.sse")));
		attempt(() -> {
			try (MistralStream<JsonNode> stream = http.stream(TestRequests.chatStream(), JsonNode.class)) {
				stream.forEach((chunk) -> {
				});
			}
		});
		attempt(() -> reactive.stream(TestRequests.chatStream(), JsonNode.class).blockLast());
		answer(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(Fixtures.text("chat-cut.sse")));
		attempt(() -> {
			try (MistralStream<JsonNode> stream = http.stream(TestRequests.chatStream(), JsonNode.class)) {
				stream.forEach((chunk) -> {
				});
			}
		});

		assertThat(this.failures).hasSize(10);
		List<ILoggingEvent> events = capturedEvents();
		assertThat(events).as("something was logged").isNotEmpty();
		for (ILoggingEvent event : events) {
			String line = event.getFormattedMessage() + ((event.getThrowableProxy() != null)
					? ThrowableProxyUtil.asString(event.getThrowableProxy()) : "");
			assertThat(line).as("log line of %s", event.getLoggerName()).doesNotContain(KEY);
		}
		for (Throwable failure : this.failures) {
			StringWriter trace = new StringWriter();
			failure.printStackTrace(new PrintWriter(trace));
			assertThat(trace.toString()).doesNotContain(KEY);
		}
		for (Object object : List.of(http, builder, http.mutate(), reactive, reactiveBuilder, reactive.mutate(),
				TestRequests.chat(), ok, okReactive, http.retryPolicy())) {
			assertThat(object.toString()).as(object.getClass().getName()).doesNotContain(KEY);
		}
		assertThat(http.toString()).contains("apiKey=(set)");
	}

	/**
	 * What was logged, once capture has stopped: Reactor Netty's event loops keep logging
	 * (a pooled connection closing) after the calls return, and the appender's list must
	 * not grow while it is read. The appender adds under its own lock.
	 */
	private List<ILoggingEvent> capturedEvents() {
		restoreLogs();
		synchronized (this.appender) {
			return new ArrayList<>(this.appender.list);
		}
	}

	private static void answer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
		wireMock.server().resetMappings();
		wireMock.server().stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(response));
	}

	private void attempt(Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			this.failures.add(ex);
		}
	}

}
