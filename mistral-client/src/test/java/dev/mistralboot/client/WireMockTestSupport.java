package dev.mistralboot.client;

import java.net.http.HttpClient;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.contract.OpenApiContract;
import dev.mistralboot.contract.WireMockContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * Base of the endpoint family tests: one WireMock server on a random loopback port per
 * test class, reset before each test; every request it received is checked against the
 * OpenAPI description after each test. Fixtures served with {@link #stubJson} are checked
 * against the operation's response schema first.
 */
public abstract class WireMockTestSupport {

	/** The API key the tests use; it must never show up in messages. */
	public static final String API_KEY = "sk-test-5ecret-key-0123456789";

	/** The server. */
	protected static WireMockServer server;

	/** A core without retries, pointed at the server. */
	protected MistralHttp http;

	@BeforeAll
	static void startServer() {
		server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@BeforeEach
	void resetServer() {
		server.resetAll();
		this.http = httpBuilder().build();
	}

	@AfterEach
	void everyRequestConformsToTheSpec() {
		WireMockContract.assertAllRequestsConform(server);
	}

	/**
	 * A core builder pointed at the server, without retries, on a JDK HTTP client pinned
	 * to HTTP/1.1.
	 * <p>
	 * Pinned because the JDK client otherwise upgrades plain-text connections to HTTP/2
	 * (h2c), which WireMock's Jetty accepts: WireMock's faults then corrupt HTTP/2 frames
	 * instead of cutting a body, and an error answered before an upload body was read
	 * arrives as {@code RST_STREAM} rather than as the status.
	 * @return the builder
	 */
	protected static MistralHttp.Builder httpBuilder() {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(Duration.ofSeconds(30));
		return MistralHttp.builder()
			.requestFactory(factory)
			.streamingRequestFactory(new JdkClientHttpRequestFactory(client))
			.baseUrl(server.baseUrl())
			.apiKey(API_KEY)
			.retryPolicy(RetryPolicy.NONE)
			.sleeper((duration) -> {
			});
	}

	/**
	 * Checks a 200 fixture against the operation's response schema (live-API mode), then
	 * serves it.
	 * @param mapping the request to match
	 * @param operationId the operation whose response schema the fixture must match
	 * @param json the fixture
	 */
	protected static void stubJson(MappingBuilder mapping, String operationId, String json) {
		OpenApiContract.ifAvailable((contract) -> contract.assertResponseValid(operationId, 200, json));
		server.stubFor(mapping.willReturn(WireMock.okJson(json)));
	}

}
