package dev.mistralboot.client.core;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * HTTP 410 Gone, on the blocking and the reactive core: a typed exception, never retried,
 * whose message says the endpoint was retired and what replaces it for the endpoints
 * Mistral deprecated.
 */
class GoneEndpointTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private static final String GONE_BODY = "{\"object\":\"error\",\"message\":\"This endpoint was removed\","
			+ "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}";

	private static ApiRequest agentsCompletion() {
		return ApiRequest.post("/v1/agents/completions")
			.operation("agents.completions")
			.json(Map.of("agent_id", "ag_1", "messages", List.of(Map.of("role", "user", "content", "Hello"))))
			.build();
	}

	private static ApiRequest fineTuningJob() {
		return ApiRequest.get("/v1/fine_tuning/jobs/{job_id}", "2c1d1b9e-3f4a-4d5e-8f6a-7b8c9d0e1f2a")
			.operation("fine-tuning.get")
			.build();
	}

	private static ApiRequest model() {
		return ApiRequest.get("/v1/models/{model_id}", "mistral-tiny").operation("models.get").build();
	}

	private static void answerGone() {
		wireMock.server()
			.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(410)
				.withHeader("Content-Type", "application/json")
				.withHeader("mistral-correlation-id", "corr-410")
				.withBody(GONE_BODY)));
	}

	private static MistralGoneException blocking(ApiRequest request) {
		answerGone();
		return catchThrowableOfType(MistralGoneException.class,
				() -> wireMock.retryingHttp().execute(request, JsonNode.class));
	}

	private static MistralGoneException reactive(ApiRequest request) {
		answerGone();
		ReactiveMistralHttp http = wireMock.reactiveHttpBuilder().retryPolicy(RetryPolicy.DEFAULT).build();
		return catchThrowableOfType(MistralGoneException.class, () -> http.execute(request, JsonNode.class).block());
	}

	@Test
	void retiredAgentsCompletionsNamesConversations() {
		assertAgentsCompletionsGone(GoneEndpointTests::blocking);
	}

	@Test
	void retiredAgentsCompletionsNamesConversationsReactive() {
		assertAgentsCompletionsGone(GoneEndpointTests::reactive);
	}

	private void assertAgentsCompletionsGone(Function<ApiRequest, MistralGoneException> call) {
		MistralGoneException ex = call.apply(agentsCompletion());
		assertThat(ex).isInstanceOf(MistralApiException.class);
		assertThat(ex.getStatusCode()).isEqualTo(410);
		assertThat(ex.getMessage()).startsWith("Mistral API answered 410 to POST /v1/agents/completions")
			.contains("This endpoint was removed")
			.contains("Mistral retired this endpoint")
			.contains("POST /v1/conversations with an agent_id")
			.contains("corr-410")
			.doesNotContain(MistralWireMock.API_KEY);
		assertThat(ex.getReplacement()).contains("/v1/conversations");
		assertThat(ex.getCorrelationId()).isEqualTo("corr-410");
		assertThat(ex.getRawBody()).isEqualTo(GONE_BODY);
		assertThat(wireMock.requestCount()).as("410 is not retried").isEqualTo(1);
	}

	@Test
	void retiredFineTuningJobsSayDeprecatedByMistral() {
		assertFineTuningGone(GoneEndpointTests::blocking);
	}

	@Test
	void retiredFineTuningJobsSayDeprecatedByMistralReactive() {
		assertFineTuningGone(GoneEndpointTests::reactive);
	}

	private void assertFineTuningGone(Function<ApiRequest, MistralGoneException> call) {
		MistralGoneException ex = call.apply(fineTuningJob());
		assertThat(ex.getMessage()).contains("GET /v1/fine_tuning/jobs/{job_id}")
			.contains("Mistral retired the fine-tuning jobs endpoints")
			.contains("deprecated by Mistral");
		assertThat(ex.getReplacement()).isNull();
		assertThat(wireMock.requestCount()).isEqualTo(1);
	}

	@Test
	void otherRetiredEndpointsGetTheGenericWording() {
		assertGenericGone(GoneEndpointTests::blocking);
	}

	@Test
	void otherRetiredEndpointsGetTheGenericWordingReactive() {
		assertGenericGone(GoneEndpointTests::reactive);
	}

	private void assertGenericGone(Function<ApiRequest, MistralGoneException> call) {
		MistralGoneException ex = call.apply(model());
		assertThat(ex.getMessage()).contains("GET /v1/models/{model_id}")
			.contains("Mistral retired this endpoint: see Mistral's API changelog")
			.doesNotContain("conversations")
			.doesNotContain("fine-tuning");
		assertThat(ex.getReplacement()).isNull();
		assertThat(wireMock.requestCount()).isEqualTo(1);
	}

}
