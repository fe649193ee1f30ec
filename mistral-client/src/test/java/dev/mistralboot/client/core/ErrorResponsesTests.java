package dev.mistralboot.client.core;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesTests {

	private final ErrorResponses errors = new ErrorResponses(MistralJson.defaultMapper());

	@ParameterizedTest
	@CsvSource({ "400, MistralBadRequestException", "401, MistralUnauthorizedException",
			"402, MistralPaymentRequiredException", "403, MistralPermissionDeniedException",
			"404, MistralNotFoundException", "422, MistralUnprocessableEntityException",
			"429, MistralRateLimitException", "500, MistralServerException", "502, MistralServerException",
			"503, MistralServerException", "504, MistralServerException", "409, MistralApiException",
			"418, MistralApiException" })
	void oneSubclassPerStatusFamily(int status, String type) {
		MistralApiException ex = exception(status, new HttpHeaders(), "{\"message\":\"x\"}");
		assertThat(ex.getClass().getSimpleName()).isEqualTo(type);
		assertThat(ex.getStatusCode()).isEqualTo(status);
	}

	@Test
	void objectErrorShape() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("mistral-correlation-id", "019a1b2c-corr");
		MistralApiException ex = exception(400, headers,
				"{\"object\":\"error\",\"message\":\"Invalid model: mistral-tiny-2099\",\"type\":\"invalid_model\",\"param\":null,\"code\":\"1500\",\"raw_status_code\":400}");
		assertThat(ex).isInstanceOf(MistralBadRequestException.class);
		assertThat(ex.getType()).isEqualTo("invalid_model");
		assertThat(ex.getCode()).isEqualTo("1500");
		assertThat(ex.getParam()).isNull();
		assertThat(ex.getCorrelationId()).isEqualTo("019a1b2c-corr");
		assertThat(ex.getError().message()).isEqualTo("Invalid model: mistral-tiny-2099");
		assertThat(ex.getMessage())
			.startsWith("Mistral API answered 400 to POST /v1/chat/completions: "
					+ "Invalid model: mistral-tiny-2099 [type=invalid_model, code=1500]")
			.contains("check the model name")
			.endsWith("(mistral-correlation-id: 019a1b2c-corr)");
	}

	@Test
	void objectErrorWithParam() {
		MistralApiException ex = exception(400, new HttpHeaders(),
				"{\"object\":\"error\",\"message\":\"Tool call id has to be 9 characters\",\"type\":\"invalid_function_call\",\"param\":\"messages.2.tool_call_id\",\"code\":\"3280\"}");
		assertThat(ex.getParam()).isEqualTo("messages.2.tool_call_id");
		assertThat(ex.getMessage()).contains("[type=invalid_function_call, code=3280, param=messages.2.tool_call_id]")
			.contains("tool-call ids");
	}

	@Test
	void bareMessageShapeWithAndWithoutRequestId() {
		MistralApiException unauthorized = exception(401, new HttpHeaders(),
				"{\"message\":\"Unauthorized\",\"request_id\":\"7c0b4a9e6f1d2e3c\"}");
		assertThat(unauthorized).isInstanceOf(MistralUnauthorizedException.class);
		assertThat(unauthorized.getError().requestId()).isEqualTo("7c0b4a9e6f1d2e3c");
		assertThat(unauthorized.getMessage()).contains(": Unauthorized.")
			.contains("set mistral.api-key or the MISTRAL_API_KEY environment variable");
		MistralApiException limited = exception(429, new HttpHeaders(),
				"{\"message\":\"Requests rate limit exceeded\"}");
		assertThat(limited.getError().requestId()).isNull();
		assertThat(limited.getMessage()).contains("Requests rate limit exceeded")
			.contains("mistral.retry.max-attempts");
	}

	@Test
	void detailStringShape() {
		MistralApiException ex = exception(401, new HttpHeaders(), "{\"detail\":\"Unauthorized\"}");
		assertThat(ex.getError().message()).isEqualTo("Unauthorized");
		assertThat(ex.getDetails()).isEmpty();
	}

	@Test
	void validationErrorReadsLikeFieldRequired() {
		MistralApiException ex = exception(422, new HttpHeaders(),
				"{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"messages\",0,\"content\"],\"msg\":\"Field required\",\"input\":{\"role\":\"user\"}},"
						+ "{\"type\":\"less_than_equal\",\"loc\":[\"body\",\"temperature\"],\"msg\":\"Input should be less than or equal to 1.5\",\"input\":7,\"ctx\":{\"le\":1.5}}]}");
		assertThat(ex).isInstanceOf(MistralUnprocessableEntityException.class);
		assertThat(ex.getDetails()).extracting(ApiError.ValidationDetail::toString)
			.containsExactly("messages[0].content: Field required",
					"temperature: Input should be less than or equal to 1.5");
		assertThat(ex.getDetails().get(0).type()).isEqualTo("missing");
		assertThat(ex.getMessage()).contains(
				": messages[0].content: Field required; temperature: Input should be less than or equal to 1.5. Fix the listed request fields.");
	}

	@Test
	void validationErrorWrappedInsideMessage() {
		MistralApiException ex = exception(422, new HttpHeaders(),
				"{\"object\":\"error\",\"message\":{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"body\",\"max_completion_tokens\"],\"msg\":\"Extra inputs are not permitted\",\"input\":32000}]},\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}");
		assertThat(ex.getDetails()).extracting(ApiError.ValidationDetail::toString)
			.containsExactly("max_completion_tokens: Extra inputs are not permitted");
		assertThat(ex.getType()).isEqualTo("invalid_request_error");
		assertThat(ex.getCode()).isNull();
		assertThat(ex.getMessage())
			.contains("max_completion_tokens: Extra inputs are not permitted [type=invalid_request_error]");
	}

	@Test
	void gatewayNotFound() {
		MistralApiException ex = exception(404, new HttpHeaders(),
				"{\"message\":\"no Route matched with those values\",\"request_id\":\"a1b2c3\"}");
		assertThat(ex).isInstanceOf(MistralNotFoundException.class);
		assertThat(ex.getMessage()).contains("no Route matched with those values").contains("mistral.base-url");
	}

	@Test
	void plainTextBody() {
		MistralApiException ex = exception(503, new HttpHeaders(),
				"upstream connect error or disconnect/reset before headers");
		assertThat(ex).isInstanceOf(MistralServerException.class);
		assertThat(ex.getError().message()).isEqualTo("upstream connect error or disconnect/reset before headers");
		assertThat(ex.getMessage()).contains("retry later");
	}

	@Test
	void htmlBodyIsSummarisedByItsTitleAndKeptRaw() {
		String html = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>"
				+ "<center><h1>502 Bad Gateway</h1></center>" + "x".repeat(5000) + "</body></html>";
		HttpHeaders headers = new HttpHeaders();
		headers.add("Content-Type", "text/html; charset=utf-8");
		MistralApiException ex = exception(502, headers, html);
		assertThat(ex.getError().message()).startsWith("HTML answer from a proxy or gateway: 502 Bad Gateway");
		assertThat(ex.getMessage()).hasSizeLessThan(600).doesNotContain("<center>");
		assertThat(ex.getRawBody()).isEqualTo(html);
	}

	@Test
	void htmlWithoutContentTypeOrTitle() {
		MistralApiException ex = exception(504, new HttpHeaders(), "<html><body>Gateway Time-out</body></html>");
		assertThat(ex.getError().message()).startsWith("HTML answer from a proxy or gateway: an HTML page");
	}

	@Test
	void emptyBody() {
		MistralApiException ex = exception(500, new HttpHeaders(), "");
		assertThat(ex.getError().message()).isEqualTo("(empty body)");
		assertThat(ex.getRawBody()).isEmpty();
		assertThat(ex.getMessage()).contains("(empty body)");
	}

	@Test
	void longTextIsTruncatedInTheMessage() {
		MistralApiException ex = exception(500, new HttpHeaders(), "y".repeat(2000));
		assertThat(ex.getMessage()).contains("y".repeat(300) + "...").doesNotContain("y".repeat(301));
		assertThat(ex.getRawBody()).hasSize(2000);
	}

	@Test
	void brokenJsonIsText() {
		MistralApiException ex = exception(500, new HttpHeaders(), "{\"message\": \"trunc");
		assertThat(ex.getError().message()).isEqualTo("{\"message\": \"trunc");
	}

	@Test
	void nestedErrorObject() {
		MistralApiException ex = exception(400, new HttpHeaders(),
				"{\"error\":{\"message\":\"bad thing\",\"type\":\"invalid_request_error\",\"code\":\"42\"}}");
		assertThat(ex.getError().message()).isEqualTo("bad thing");
		assertThat(ex.getCode()).isEqualTo("42");
	}

	@Test
	void rateLimitKeepsRetryAfterAndRateLimits() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("Retry-After", "7");
		headers.add("x-ratelimit-remaining-tokens-minute", "0");
		headers.add("x-ratelimit-limit-tokens-minute", "500000");
		MistralRateLimitException ex = (MistralRateLimitException) exception(429, headers,
				"{\"object\":\"error\",\"message\":\"Requests rate limit exceeded\",\"type\":\"rate_limited\",\"param\":null,\"code\":\"1300\"}");
		assertThat(ex.getRetryAfter()).hasSeconds(7);
		assertThat(ex.getRateLimits().remaining("tokens-minute")).isZero();
		assertThat(ex.getRateLimits().limit()).containsEntry("tokens-minute", 500000L);
		assertThat(ex.getMessage()).contains("(Retry-After: 7)");
		assertThat(ex.getHeaders().getFirst("Retry-After")).isEqualTo("7");
	}

	@Test
	void attemptsAreReported() {
		MistralApiException ex = this.errors.toException("POST", "/v1/chat/completions", 503, new HttpHeaders(),
				"overloaded".getBytes(StandardCharsets.UTF_8), 3);
		assertThat(ex.getMessage()).contains("Attempts made: 3.");
	}

	@Test
	void locationFormatting() {
		MistralApiException ex = exception(422, new HttpHeaders(),
				"{\"detail\":[{\"loc\":[\"query\",\"page\"],\"msg\":\"bad\"},{\"loc\":[\"body\"],\"msg\":\"Invalid JSON\"},\"plain string\"]}");
		assertThat(ex.getDetails()).extracting(ApiError.ValidationDetail::toString)
			.containsExactly("query.page: bad", "body: Invalid JSON", "plain string");
	}

	private MistralApiException exception(int status, HttpHeaders headers, String body) {
		return this.errors.toException("POST", "/v1/chat/completions", status, headers,
				body.getBytes(StandardCharsets.UTF_8), 1);
	}

}
