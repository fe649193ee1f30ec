package dev.mistralboot.client.core;

import java.util.List;
import java.util.Map;

import dev.mistralboot.client.test.FaultServer;
import dev.mistralboot.client.test.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A core on its own JDK client with no {@link RestClient.Builder} sends calls straight to
 * its request factory; on the wire they are the calls a {@link RestClient} sends.
 */
class DirectCallTests {

	@Test
	void directCallsSendWhatRestClientSends() throws Exception {
		try (FaultServer server = new FaultServer(
				(c, attempt) -> c.respond(200, "application/json", Fixtures.text("chat-response.json")))) {
			MistralHttp direct = MistralHttp.builder().baseUrl(server.baseUrl()).apiKey("test-key").build();
			MistralHttp restClient = MistralHttp.builder()
				.baseUrl(server.baseUrl())
				.apiKey("test-key")
				.restClientBuilder(RestClient.builder())
				.build();
			ApiRequest get = ApiRequest.get("/v1/models").operation("list_models").build();
			for (MistralHttp http : List.of(direct, restClient)) {
				JsonNode answer = http.execute(TestRequests.chat(), JsonNode.class).body();
				assertThat(answer.path("id").asString()).isEqualTo("cmpl-e5cc70bb28c444948073e77776eb30ef");
				http.execute(get, JsonNode.class);
			}
			List<FaultServer.Request> sent = server.requests();
			assertThat(sent).hasSize(4);
			assertThat(sent.get(0).headers()).containsKeys("user-agent", "authorization", "accept", "content-type",
					"accept-encoding");
			assertSame(sent.get(0), sent.get(2));
			assertSame(sent.get(1), sent.get(3));
			assertThat(sent.get(1).headers()).doesNotContainKey("content-type");
			TransportFaultMatrixTests.assertConform(server);
		}
	}

	private static void assertSame(FaultServer.Request direct, FaultServer.Request restClient) {
		assertThat(direct.method()).isEqualTo(restClient.method());
		assertThat(direct.path()).isEqualTo(restClient.path());
		assertThat(direct.body()).isEqualTo(restClient.body());
		Map<String, String> headers = direct.headers();
		assertThat(headers).isEqualTo(restClient.headers());
	}

}
