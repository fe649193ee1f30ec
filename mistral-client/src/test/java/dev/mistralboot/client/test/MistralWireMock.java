package dev.mistralboot.client.test;

import java.net.http.HttpClient;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.contract.OpenApiContract;
import dev.mistralboot.contract.WireMockContract;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one scaffold of the WireMock-based client tests: a WireMock server on a random
 * loopback port for one test class, reset before each test; after each test every request
 * it received is validated against the Mistral OpenAPI description
 * ({@link WireMockContract#assertAllRequestsConform(WireMockServer)}). Register it as a
 * static {@code @RegisterExtension} field. It also builds HTTP cores pointed at the
 * server ({@link #http()}, {@link #httpBuilder()}, {@link #reactiveHttp()}) and serves
 * fixtures checked against the API description ({@link #stubJson},
 * {@link #conformingResponse}, {@link #events}).
 */
public final class MistralWireMock implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	/** The API key the cores send; it must never show up in messages. */
	public static final String API_KEY = "sk-test-5ecret-key-0123456789";

	private final Extension[] extensions;

	private WireMockServer server;

	private boolean checkContract = true;

	/**
	 * Creates the scaffold; its server also runs the given WireMock extensions, such as a
	 * {@link WorkspaceQuota}.
	 * @param extensions the extensions (none for plain stubs)
	 */
	public MistralWireMock(Extension... extensions) {
		this.extensions = extensions.clone();
	}

	/**
	 * The server, started on first use.
	 * @return the server
	 */
	public synchronized WireMockServer server() {
		if (this.server == null) {
			this.server = new WireMockServer(WireMockConfiguration.options()
				.bindAddress("127.0.0.1")
				.dynamicPort()
				.containerThreads(20)
				.asynchronousResponseEnabled(false)
				.extensions(this.extensions));
			this.server.start();
		}
		return this.server;
	}

	/**
	 * The base URL to give a client, such as {@code http://127.0.0.1:51234}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + server().port();
	}

	/**
	 * A blocking core pointed at the server, without retries.
	 * @return the core
	 * @see #httpBuilder()
	 */
	public MistralHttp http() {
		return httpBuilder().build();
	}

	/**
	 * A blocking core builder pointed at the server, without retries and with a sleeper
	 * that does not wait, on a JDK HTTP client pinned to HTTP/1.1.
	 * <p>
	 * Pinned because the JDK client otherwise upgrades plain-text connections to HTTP/2
	 * (h2c), which WireMock's Jetty accepts: WireMock's faults then corrupt HTTP/2 frames
	 * instead of cutting a body, and an error answered before an upload body was read
	 * arrives as {@code RST_STREAM} rather than as the status.
	 * @return the builder
	 */
	public MistralHttp.Builder httpBuilder() {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(Duration.ofSeconds(30));
		return MistralHttp.builder()
			.requestFactory(factory)
			.streamingRequestFactory(new JdkClientHttpRequestFactory(client))
			.baseUrl(baseUrl())
			.apiKey(API_KEY)
			.retryPolicy(RetryPolicy.NONE)
			.sleeper((duration) -> {
			});
	}

	/**
	 * A blocking core pointed at the server with the builder's defaults (retries
	 * included, the core's own JDK client), whose retries do not wait.
	 * @return the core
	 */
	public MistralHttp retryingHttp() {
		return MistralHttp.builder().baseUrl(baseUrl()).apiKey(API_KEY).sleeper((delay) -> {
		}).build();
	}

	/**
	 * A reactive core pointed at the server, without retries, on the JDK HTTP client
	 * (Reactor Netty's connector needs Spring's application context classes, absent from
	 * this module).
	 * @return the core
	 */
	public ReactiveMistralHttp reactiveHttp() {
		return ReactiveMistralHttp.builder()
			.baseUrl(baseUrl())
			.apiKey(API_KEY)
			.retryPolicy(RetryPolicy.NONE)
			.connector(new JdkClientHttpConnector())
			.build();
	}

	/**
	 * Checks a 200 fixture against the operation's response schema (live-API mode), then
	 * serves it.
	 * @param mapping the request to match
	 * @param operationId the operation whose response schema the fixture must match
	 * @param json the fixture
	 */
	public void stubJson(MappingBuilder mapping, String operationId, String json) {
		server().stubFor(mapping.willReturn(WireMock.okJson(conformingResponse(operationId, json))));
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

	/**
	 * How many requests the server received since the last reset.
	 * @return the count
	 */
	public int requestCount() {
		return server().getAllServeEvents().size();
	}

	/**
	 * Answers {@code POST path} with the given responses in turn, then keeps answering
	 * with the last one (a WireMock scenario), for retry tests.
	 * @param path the path, such as {@code /v1/chat/completions}
	 * @param responses the responses in order
	 */
	public void postAnswersInTurn(String path, ResponseDefinitionBuilder... responses) {
		for (int i = 0; i < responses.length; i++) {
			String state = (i == 0) ? Scenario.STARTED : "answer-" + (i + 1);
			ScenarioMappingBuilder stub = WireMock.post(WireMock.urlPathEqualTo(path))
				.inScenario("answers in turn")
				.whenScenarioStateIs(state);
			if (i < responses.length - 1) {
				stub = stub.willSetStateTo("answer-" + (i + 2));
			}
			server().stubFor(stub.willReturn(responses[i]));
		}
	}

	/**
	 * Skips the contract check after the current test (for a test that sends a request
	 * the description does not know on purpose). Reset before each test.
	 */
	public void skipContractCheck() {
		this.checkContract = false;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server().resetAll();
		this.checkContract = true;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.checkContract && context.getExecutionException().isEmpty()) {
			WireMockContract.assertAllRequestsConform(server());
		}
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (this.server != null) {
			this.server.stop();
			this.server = null;
		}
	}

}
