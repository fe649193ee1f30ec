package dev.mistralboot.contract;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireMockContractTests {

	static final String GOOD_CHAT = "{\"model\":\"mistral-small-latest\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	WireMockServer server;

	@BeforeAll
	static void requireContract() {
		OpenApiContract.get(); // skips the class when the description is absent
	}

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop();
		}
	}

	WireMockServer start(WireMockContract.ConformanceListener... listeners) {
		this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(listeners));
		this.server.start();
		this.server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
		return this.server;
	}

	int send(String method, String path, String contentType, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.server.baseUrl() + path))
			.timeout(Duration.ofSeconds(10));
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	@Test
	void failureNamesOnlyTheNonConformingRequest() throws Exception {
		start();
		assertThat(send("POST", "/v1/chat/completions", "application/json", GOOD_CHAT)).isEqualTo(200);
		assertThat(send("GET", "/v1/files?page=0&bogus=1", null, null)).isEqualTo(200);

		assertThatThrownBy(() -> WireMockContract.assertAllRequestsConform(this.server))
			.isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("1 of 2 requests received by WireMock do not conform")
			.hasMessageContaining("#1 GET /v1/files?page=0&bogus=1 (operation files_api_routes_list_files)")
			.hasMessageContaining("unknown query parameter 'bogus'")
			.satisfies((e) -> assertThat(e.getMessage()).doesNotContain("/v1/chat/completions"));
		assertThat(ContractCoverage.covered()).contains("chat_completion_v1_chat_completions_post");

		WireMock client = new WireMock("127.0.0.1", this.server.port());
		assertThatThrownBy(() -> WireMockContract.assertAllRequestsConform(client)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("bogus");
	}

	@Test
	void conformingTrafficPasses() throws Exception {
		start();
		send("POST", "/v1/chat/completions", "application/json", GOOD_CHAT);
		send("GET", "/v1/files/0b1c2d3e-0000-4000-8000-000000000000", null, null);
		send("DELETE", "/v1/files/0b1c2d3e-0000-4000-8000-000000000000", null, null);
		WireMockContract.assertAllRequestsConform(this.server);
		assertThat(ContractCoverage.covered()).contains("files_api_routes_retrieve_file",
				"files_api_routes_delete_file");
	}

	@Test
	void listenerValidatesRequestsAsTheyArrive() throws Exception {
		WireMockContract.ConformanceListener listener = WireMockContract.listener();
		start(listener);
		send("POST", "/v1/chat/completions", "application/json", GOOD_CHAT);
		listener.assertNoViolations();

		send("POST", "/v1/chat/completions", "application/json",
				GOOD_CHAT.replace("\"messages\"", "\"temperature\":7,\"messages\""));
		send("GET", "/v1/unknown", null, null);
		assertThat(listener.violations()).hasSize(2);
		assertThatThrownBy(listener::assertNoViolations).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("2 of 3 requests")
			.hasMessageContaining("must have a maximum value of 1.5")
			.hasMessageContaining("no operation GET /v1/unknown in the spec");
		listener.reset();
		listener.assertNoViolations();
	}

}
