package dev.mistralboot.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.contract.OpenApiContract;

import org.springframework.http.client.reactive.JdkClientHttpConnector;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the endpoint family tests share: a WireMock server on loopback, HTTP cores pointed
 * at it, and a check that response fixtures conform to the API description.
 */
public final class FamilyTestSupport {

	/** The API key the cores send. */
	public static final String API_KEY = "test-key-0123456789";

	private FamilyTestSupport() {
	}

	/**
	 * Starts a WireMock server on a random loopback port.
	 * @return the started server
	 */
	public static WireMockServer startServer() {
		WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		return server;
	}

	/**
	 * A blocking core for the server, retrying without waiting.
	 * @param server the server
	 * @return the core
	 */
	public static MistralHttp http(WireMockServer server) {
		return MistralHttp.builder().baseUrl(server.baseUrl()).apiKey(API_KEY).sleeper((delay) -> {
		}).build();
	}

	/**
	 * A reactive core for the server, without retries, on the JDK HTTP client (Reactor
	 * Netty's connector needs Spring's application context classes, absent from this
	 * module).
	 * @param server the server
	 * @return the core
	 */
	public static ReactiveMistralHttp reactiveHttp(WireMockServer server) {
		return ReactiveMistralHttp.builder()
			.baseUrl(server.baseUrl())
			.apiKey(API_KEY)
			.retryPolicy(RetryPolicy.NONE)
			.connector(new JdkClientHttpConnector())
			.build();
	}

	/**
	 * Fails unless a response fixture conforms to the operation's 200 schema, with the
	 * live-API relaxations.
	 * @param operationId the operation
	 * @param json the fixture
	 * @return the fixture
	 */
	public static String conformingResponse(String operationId, String json) {
		OpenApiContract.ifAvailable((contract) -> assertThat(
				contract.validateResponse(operationId, 200, json, OpenApiContract.Mode.LIVE_API))
			.as("fixture of %s conforms to the API description", operationId)
			.isEmpty());
		return json;
	}

	/**
	 * Fails unless a fixture conforms to a component schema, with the live-API
	 * relaxations.
	 * @param schema the component schema name
	 * @param json the fixture
	 * @return the fixture
	 */
	public static String conformingSchema(String schema, String json) {
		OpenApiContract
			.ifAvailable((contract) -> assertThat(contract.validateSchema(schema, json, OpenApiContract.Mode.LIVE_API))
				.as("fixture conforms to %s", schema)
				.isEmpty());
		return json;
	}

	/**
	 * A server-sent event body: one {@code data:} event per chunk, then {@code [DONE]}.
	 * @param chunks the chunk JSON texts
	 * @return the body
	 */
	public static String events(String... chunks) {
		StringBuilder body = new StringBuilder();
		for (String chunk : chunks) {
			body.append("data: ").append(chunk).append("\n\n");
		}
		return body.append("data: [DONE]\n\n").toString();
	}

}
