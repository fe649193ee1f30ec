package dev.mistralboot.client.core;

import java.util.List;
import java.util.Map;

import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.client.test.RecordingSleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Success and every error shape of the API, over HTTP, through {@link MistralHttp}.
 */
class MistralHttpErrorTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	private MistralHttp http() {
		return MistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey("test-key-1234")
			.retryPolicy(RetryPolicy.NONE)
			.sleeper(this.sleeper)
			.build();
	}

	@Test
	void successReturnsBodyAndMetadata() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("mistral-correlation-id", "019a-corr-ok")
				.withHeader("x-ratelimit-remaining-tokens-minute", "499981")
				.withHeader("x-ratelimit-tokens-query-cost", "19")
				.withBody(Fixtures.text("chat-response.json"))));
		MistralResponse<JsonNode> response = http().execute(TestRequests.chat(), JsonNode.class);
		assertThat(response.body().at("/choices/0/message/content").asString()).isEqualTo("Comté is the best.");
		assertThat(response.metadata().statusCode()).isEqualTo(200);
		assertThat(response.metadata().attempts()).isEqualTo(1);
		assertThat(response.metadata().correlationId()).isEqualTo("019a-corr-ok");
		assertThat(response.metadata().rateLimits().remaining("tokens-minute")).isEqualTo(499981L);
		assertThat(response.metadata().rateLimits().tokensQueryCost()).isEqualTo(19L);
		assertThat(response.metadata().elapsed()).isPositive();
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
				.withHeader("Authorization", equalTo("Bearer test-key-1234"))
				.withHeader("Content-Type", equalTo("application/json"))
				.withHeader("Accept", equalTo("application/json"))
				.withHeader("User-Agent",
						com.github.tomakehurst.wiremock.client.WireMock.matching("mistral-spring-boot/.+"))
				.withRequestBody(equalToJson(
						"{\"model\":\"mistral-small-latest\",\"messages\":[{\"role\":\"user\",\"content\":\"Which cheese?\"}]}")));
	}

	@Test
	void noKeyMeansNoAuthorizationHeader() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
				.willReturn(aResponse().withStatus(200).withBody(Fixtures.text("chat-response.json"))));
		MistralHttp.builder().baseUrl(wireMock.baseUrl()).build().execute(TestRequests.chat(), JsonNode.class);
		assertThat(wireMock.server().getAllServeEvents().get(0).getRequest().containsHeader("Authorization")).isFalse();
	}

	@Test
	void voidIgnoresTheBody() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
				.willReturn(aResponse().withStatus(200).withBody("{}")));
		MistralResponse<Void> response = http().execute(TestRequests.chat(), Void.class);
		assertThat(response.body()).isNull();
	}

	@Test
	void unreadableSuccessBodyIsAnInvalidResponse() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(
					aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\": ")));
		MistralInvalidResponseException ex = catchThrowableOfType(MistralInvalidResponseException.class,
				() -> http().execute(TestRequests.chat(), Map.class));
		assertThat(ex.getRawBody()).isEqualTo("{\"id\": ");
		assertThat(ex.getMessage()).contains("POST /v1/chat/completions (chat) could not be read as Map");
	}

	@Test
	void unreadableAnswersShowTheirOwnBytesOnly() {
		// answers of known length are parsed from a pooled buffer: a shorter answer after
		// a
		// longer one must not show the longer one's bytes
		String longer = "{\"id\": \"" + "x".repeat(20_000) + "\", ";
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(
					aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(longer)));
		MistralInvalidResponseException first = catchThrowableOfType(MistralInvalidResponseException.class,
				() -> http().execute(TestRequests.chat(), Map.class));
		assertThat(first.getRawBody()).hasSize(10_000).isEqualTo(longer.substring(0, 10_000));
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(
					aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[1, ")));
		MistralInvalidResponseException second = catchThrowableOfType(MistralInvalidResponseException.class,
				() -> http().execute(TestRequests.chat(), Map.class));
		assertThat(second.getRawBody()).isEqualTo("[1, ");
	}

	@Test
	void unreadableChunkedAnswerIsAnInvalidResponse() {
		// no Content-Length: parsed as it arrives, its first bytes kept
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\": \"abc\", ")
				.withChunkedDribbleDelay(3, 30)));
		MistralInvalidResponseException ex = catchThrowableOfType(MistralInvalidResponseException.class,
				() -> http().execute(TestRequests.chat(), Map.class));
		assertThat(ex.getRawBody()).isEqualTo("{\"id\": \"abc\", ");
	}

	@Test
	void answersOfKnownLengthParseWholeOneAfterAnother() {
		for (String answer : List.of("{\"id\": \"" + "y".repeat(70_000) + "\"}", "{\"id\": \"a\"}",
				"{\"id\": \"" + "z".repeat(9_000) + "\"}")) {
			wireMock.server()
				.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(
						aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(answer)));
			Map<?, ?> body = http().execute(TestRequests.chat(), Map.class).body();
			assertThat(body.get("id")).isEqualTo(answer.substring(8, answer.length() - 2));
		}
	}

	@ParameterizedTest(name = "{0} {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					400 | application/json | {"object":"error","message":"Invalid model: mistral-tiny-2099","type":"invalid_model","param":null,"code":"1500","raw_status_code":400} | MistralBadRequestException | Invalid model: mistral-tiny-2099 [type=invalid_model, code=1500]
					400 | application/json | {"object":"error","message":"Expected last role User or Tool (or Assistant with prefix True) for serving but got assistant","type":"invalid_request_message_order","param":null,"code":"3230"} | MistralBadRequestException | but got assistant [type=invalid_request_message_order, code=3230]
					401 | application/json | {"message":"Unauthorized","request_id":"2b5a1c9f0e7d4c3b"} | MistralUnauthorizedException | set mistral.api-key or the MISTRAL_API_KEY environment variable
					401 | application/json | {"detail":"Unauthorized"} | MistralUnauthorizedException | : Unauthorized.
					402 | application/json | {"object":"error","message":"No active subscription","type":"invalid_request_error","param":null,"code":"1700"} | MistralPaymentRequiredException | subscription and credit
					403 | application/json | {"object":"error","message":"You are not allowed to access this model","type":"invalid_request_error","param":null,"code":"1800"} | MistralPermissionDeniedException | permissions
					404 | application/json | {"message":"no Route matched with those values","request_id":"a4c1f2e3"} | MistralNotFoundException | no Route matched with those values
					422 | application/json | {"detail":[{"type":"missing","loc":["body","messages",0,"content"],"msg":"Field required","input":{"role":"user"}}]} | MistralUnprocessableEntityException | messages[0].content: Field required
					422 | application/json | {"object":"error","message":{"detail":[{"type":"extra_forbidden","loc":["body","max_completion_tokens"],"msg":"Extra inputs are not permitted","input":32000}]},"type":"invalid_request_error","param":null,"code":null} | MistralUnprocessableEntityException | max_completion_tokens: Extra inputs are not permitted
					429 | application/json | {"message":"Requests rate limit exceeded"} | MistralRateLimitException | Requests rate limit exceeded
					429 | application/json | {"object":"error","message":"Service tier capacity exceeded for this model.","type":"rate_limit_error","param":null,"code":"3505"} | MistralRateLimitException | [type=rate_limit_error, code=3505]
					500 | application/json | {"object":"error","message":"Internal server error","type":"server_error","param":null,"code":"3000"} | MistralServerException | Internal server error
					502 | text/html | <html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html> | MistralServerException | HTML answer from a proxy or gateway: 502 Bad Gateway
					503 | text/plain | upstream connect error or disconnect/reset before headers. reset reason: overflow | MistralServerException | upstream connect error
					504 | text/html | <!DOCTYPE html><html><head><title>504 Gateway Time-out</title></head><body></body></html> | MistralServerException | 504 Gateway Time-out
					""")
	void errorShapesMapToTypedExceptions(int status, String contentType, String body, String type, String message) {
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(status)
				.withHeader("Content-Type", contentType)
				.withHeader("mistral-correlation-id", "corr-" + status)
				.withHeader("x-envoy-upstream-service-time", "12")
				.withBody(body)));
		MistralApiException ex = catchThrowableOfType(MistralApiException.class,
				() -> http().execute(TestRequests.chat(), JsonNode.class));
		assertThat(ex.getClass().getSimpleName()).isEqualTo(type);
		assertThat(ex.getStatusCode()).isEqualTo(status);
		assertThat(ex.getRawBody()).isEqualTo(body);
		assertThat(ex.getCorrelationId()).isEqualTo("corr-" + status);
		assertThat(ex.getHeaders().getFirst("x-envoy-upstream-service-time")).isEqualTo("12");
		assertThat(ex.getMessage()).startsWith("Mistral API answered " + status + " to POST /v1/chat/completions: ")
			.contains(message)
			.endsWith("(mistral-correlation-id: corr-" + status + ")")
			.doesNotContain("test-key-1234");
	}

	@Test
	void emptyErrorBody() {
		wireMock.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503)));
		MistralServerException ex = catchThrowableOfType(MistralServerException.class,
				() -> http().execute(TestRequests.chat(), JsonNode.class));
		assertThat(ex.getRawBody()).isEmpty();
		assertThat(ex.getMessage()).contains("(empty body)").contains("retry later");
	}

	@Test
	void unprocessableEntityKeepsEveryDetail() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(422)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"messages\",0,\"content\"],\"msg\":\"Field required\",\"input\":{\"role\":\"user\"}}]}")));
		MistralUnprocessableEntityException ex = catchThrowableOfType(MistralUnprocessableEntityException.class,
				() -> http().execute(TestRequests.chat(), JsonNode.class));
		assertThat(ex.getDetails()).singleElement().satisfies((detail) -> {
			assertThat(detail.location()).isEqualTo("messages[0].content");
			assertThat(detail.message()).isEqualTo("Field required");
			assertThat(detail.type()).isEqualTo("missing");
		});
		assertThat(ex.getMessage()).contains(": messages[0].content: Field required. Fix the listed request fields.");
	}

	@Test
	void rateLimitExceptionCarriesRetryAfterAndLimits() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
				.withHeader("Content-Type", "application/json")
				.withHeader("Retry-After", "2")
				.withHeader("x-ratelimit-limit-req-minute", "60")
				.withHeader("x-ratelimit-remaining-req-minute", "0")
				.withBody("{\"message\":\"Requests rate limit exceeded\"}")));
		MistralRateLimitException ex = catchThrowableOfType(MistralRateLimitException.class,
				() -> http().execute(TestRequests.chat(), JsonNode.class));
		assertThat(ex.getRetryAfter()).hasSeconds(2);
		assertThat(ex.getRateLimits().remaining("req-minute")).isZero();
		assertThat(ex.getRateLimits().limit()).containsEntry("req-minute", 60L);
		assertThat(ex.getMessage()).contains("(Retry-After: 2)");
	}

}
