package dev.mistralboot.test.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralUnprocessableEntityException;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's test whose application sends a request the API would reject fails with a
 * message naming the request and what is wrong, even when the application swallows the
 * error.
 */
class NonConformingRequestTests {

	@Test
	void failsTheUsersTestWithAReadableMessage() {
		OpenApiContract.get(); // skipped without the description (failed under CI=true)

		EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
			.selectors(DiscoverySelectors.selectClass(UsersTest.class))
			.execute();

		results.testEvents().assertStatistics((stats) -> stats.started(2).succeeded(1).failed(1));
		Throwable failure = results.testEvents()
			.failed()
			.stream()
			.findFirst()
			.orElseThrow()
			.getPayload(org.junit.platform.engine.TestExecutionResult.class)
			.orElseThrow()
			.getThrowable()
			.orElseThrow();
		assertThat(failure).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith(
					"1 request(s) sent to MockMistral do not conform to the Mistral OpenAPI description")
			.hasMessageContaining("POST /v1/embeddings (embeddings_v1_embeddings_post)")
			.hasMessageContaining("dimensions");
	}

	/**
	 * The user's test, run by the test kit above only (Surefire skips nested classes).
	 */
	@SpringBootTest(classes = TestApplication.class)
	@AutoConfigureMockMistral
	static class UsersTest {

		@Autowired
		MistralHttp http;

		@Test
		void sendsAFieldTheApiDoesNotKnowAndSwallowsTheError() {
			try {
				this.http.execute(ApiRequest.post("/v1/embeddings")
					.operation("embeddings")
					.json(Map.of("model", "mistral-embed", "input", List.of("a"), "dimensions", 8))
					.build(), JsonNode.class);
			}
			catch (MistralUnprocessableEntityException ex) {
				// an application that logs and carries on
			}
		}

		@Test
		void sendsAConformingRequest() {
			this.http.execute(ApiRequest.post("/v1/embeddings")
				.operation("embeddings")
				.json(Map.of("model", "mistral-embed", "input", List.of("a")))
				.build(), JsonNode.class);
		}

	}

}
