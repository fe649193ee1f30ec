package dev.mistralboot.client.core;

import java.time.Duration;

import dev.mistralboot.client.core.TransportFaultMatrixTests.Transport;
import dev.mistralboot.client.test.FaultServer;
import dev.mistralboot.client.test.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headers a request carries ({@link ApiRequest.Builder#header(String, String)}) reach the
 * wire on every transport, next to the core's own, which they never replace.
 */
class ExtraHeadersTests {

	@ParameterizedTest
	@EnumSource(Transport.class)
	void extraHeadersReachTheWire(Transport transport) throws Exception {
		try (FaultServer server = new FaultServer(
				(c, attempt) -> c.respond(200, "application/json", Fixtures.text("chat-response.json")))) {
			ApiRequest request = ApiRequest.post(TestRequests.CHAT)
				.operation("chat")
				.model("mistral-small-latest")
				.json(TestRequests.chatBody(false))
				.header("X-Request-Tag", "tag-42")
				.build();
			JsonNode answer = call(transport, server.baseUrl(), request);
			assertThat(answer.path("id").asString()).isEqualTo("cmpl-e5cc70bb28c444948073e77776eb30ef");
			FaultServer.Request sent = server.requests().get(0);
			assertThat(sent.header("X-Request-Tag")).isEqualTo("tag-42");
			assertThat(sent.header("Authorization")).isEqualTo("Bearer test-key");
			assertThat(sent.header("Content-Type")).startsWith("application/json");
			TransportFaultMatrixTests.assertConform(server);
		}
	}

	private static JsonNode call(Transport transport, String baseUrl, ApiRequest request) {
		if (transport.reactive()) {
			return ReactiveMistralHttp.builder()
				.baseUrl(baseUrl)
				.apiKey("test-key")
				.connector(new ReactorClientHttpConnector(TransportFaultMatrixTests.NETTY))
				.build()
				.execute(request, JsonNode.class)
				.block(Duration.ofSeconds(20))
				.body();
		}
		MistralHttp.Builder builder = MistralHttp.builder().baseUrl(baseUrl).apiKey("test-key");
		switch (transport) {
			case OWN_JDK -> builder.httpClient(TransportFaultMatrixTests.JDK);
			case SPRING_JDK -> builder.requestFactory(new JdkClientHttpRequestFactory(TransportFaultMatrixTests.JDK))
				.streamingRequestFactory(new JdkClientHttpRequestFactory(TransportFaultMatrixTests.JDK));
			default -> builder.requestFactory(TransportFaultMatrixTests.NETTY_FACTORY)
				.streamingRequestFactory(TransportFaultMatrixTests.NETTY_FACTORY);
		}
		return builder.build().execute(request, JsonNode.class).body();
	}

}
