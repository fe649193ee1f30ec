package dev.mistralboot.client.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.client.test.RecordingSleeper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The response timeout and the connect timeout of blocking calls.
 */
class MistralHttpTimeoutTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@Test
	void responseTimeoutIsATimeoutAndNotRetried() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo(TestRequests.CHAT)).willReturn(aResponse().withStatus(200)
				.withFixedDelay(5000)
				.withHeader("Content-Type", "application/json")
				.withBody(Fixtures.text("chat-response.json"))));
		MistralHttp http = MistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.responseTimeout(Duration.ofMillis(300))
			.sleeper(this.sleeper)
			.build();
		// the answer would come after 5 s: a timeout (not the answer) proves the 300 ms
		// limit applied, whatever the machine's speed
		MistralTimeoutException ex = catchThrowableOfType(MistralTimeoutException.class,
				() -> http.execute(TestRequests.chat(), JsonNode.class));
		assertThat(ex.isConnectFailure()).isFalse();
		assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(300));
		assertThat(ex.getMessage()).isEqualTo("No complete answer to POST " + wireMock.baseUrl()
				+ "/v1/chat/completions within PT0.3S. Raise mistral.http.response-timeout for slow generations.");
		assertThat(this.sleeper.sleeps()).isEmpty();
	}

	@Test
	void connectTimeoutOnAFullBacklog() throws IOException {
		try (ServerSocket server = new ServerSocket()) {
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
			List<Socket> fillers = new ArrayList<>();
			try {
				boolean full = false;
				for (int i = 0; i < 20 && !full; i++) {
					Socket socket = new Socket();
					fillers.add(socket);
					try {
						socket.connect(server.getLocalSocketAddress(), 150);
					}
					catch (SocketTimeoutException ex) {
						full = true;
					}
				}
				Assumptions.assumeTrue(full, "this system accepts connections beyond the backlog");
				MistralHttp http = MistralHttp.builder()
					.baseUrl("http://127.0.0.1:" + server.getLocalPort())
					.connectTimeout(Duration.ofMillis(250))
					.retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO))
					.sleeper(this.sleeper)
					.build();
				MistralTimeoutException ex = catchThrowableOfType(MistralTimeoutException.class,
						() -> http.execute(TestRequests.chat(), JsonNode.class));
				assertThat(ex.isConnectFailure()).isTrue();
				assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(250));
				assertThat(ex.getMessage())
					.startsWith("Could not connect to http://127.0.0.1:" + server.getLocalPort() + " within PT0.25S")
					.contains("mistral.http.connect-timeout");
				assertThat(this.sleeper.sleeps()).as("a connect timeout is retried").hasSize(1);
			}
			finally {
				for (Socket socket : fillers) {
					socket.close();
				}
			}
		}
	}

}
