package dev.mistralboot.client.test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mistralboot.contract.WireMockContract;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock server on a random loopback port for one test class, reset before each test;
 * after each test every request it received is validated against the Mistral OpenAPI
 * description ({@link WireMockContract#assertAllRequestsConform(WireMockServer)}).
 * Register it as a static {@code @RegisterExtension} field.
 */
public final class MistralWireMock implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private WireMockServer server;

	private boolean checkContract = true;

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
				.asynchronousResponseEnabled(false));
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
