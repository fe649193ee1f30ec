package dev.mistralboot.client.core;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Answers of the Mistral API, shaped like recordings of the live API, for the observation
 * and health tests (also used by the auto-configuration tests through the test jar).
 */
public final class ObservationFixtures {

	/** A chat completion: 12 input and 7 output tokens, finished with {@code stop}. */
	public static final String CHAT_COMPLETION = """
			{"id":"cmpl-e5cc70bb28c444948073e77776eb30ef","object":"chat.completion","model":"mistral-small-2506",\
			"created":1718031200,"usage":{"prompt_tokens":12,"completion_tokens":7,"total_tokens":19,\
			"prompt_tokens_details":null},"choices":[{"index":0,"message":{"role":"assistant",\
			"content":"Comté, aged 24 months.","tool_calls":null},"finish_reason":"stop"}]}""";

	/** The first chunk of a stream: role only, with the padding field Mistral adds. */
	public static final String CHUNK_ROLE = """
			{"id":"9d1c3e0f8a2b4c6d","object":"chat.completion.chunk","created":1718031201,\
			"model":"mistral-small-2506","choices":[{"index":0,"delta":{"role":"assistant","content":""},\
			"finish_reason":null}],"p":"abcdef"}""";

	/** A middle chunk. */
	public static final String CHUNK_TEXT = """
			{"id":"9d1c3e0f8a2b4c6d","object":"chat.completion.chunk","created":1718031201,\
			"model":"mistral-small-2506","choices":[{"index":0,"delta":{"content":"Comté"},\
			"finish_reason":null}],"p":"abcdefghij"}""";

	/** The last chunk: finish reason and usage (20 input, 3 output tokens). */
	public static final String CHUNK_LAST = """
			{"id":"9d1c3e0f8a2b4c6d","object":"chat.completion.chunk","created":1718031201,\
			"model":"mistral-small-2506","choices":[{"index":0,"delta":{"content":" cheese."},\
			"finish_reason":"stop"}],"usage":{"prompt_tokens":20,"completion_tokens":3,"total_tokens":23}}""";

	/** A whole stream, ended by {@code [DONE]}. */
	public static final String STREAM = sse(CHUNK_ROLE, CHUNK_TEXT, CHUNK_LAST) + "data: [DONE]\n\n";

	/** A stream cut after two chunks (no {@code [DONE]}). */
	public static final String CUT_STREAM = sse(CHUNK_ROLE, CHUNK_TEXT);

	/** {@code GET /v1/models}: three models. */
	public static final String MODELS = """
			{"object":"list","data":[\
			{"id":"mistral-small-2506","object":"model","created":1718031200,"owned_by":"mistralai",\
			"capabilities":{"completion_chat":true,"function_calling":true,"vision":true},\
			"name":"mistral-small-2506","max_context_length":131072,"aliases":["mistral-small-latest"],\
			"deprecation":null,"type":"base"},\
			{"id":"codestral-2508","object":"model","created":1718031200,"owned_by":"mistralai",\
			"capabilities":{"completion_chat":true,"completion_fim":true},"max_context_length":256000,\
			"aliases":["codestral-latest"],"type":"base"},\
			{"id":"mistral-embed","object":"model","created":1718031200,"owned_by":"mistralai",\
			"capabilities":{"classification":false},"max_context_length":8192,"aliases":[],"type":"base"}]}""";

	/** A 401 as the API sends it. */
	public static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\",\"request_id\":\"5b6c2f0e9a\"}";

	/** A 429 as the API sends it. */
	public static final String RATE_LIMITED = """
			{"object":"error","message":"Requests rate limit exceeded","type":"rate_limited","param":null,\
			"code":"1300"}""";

	/** A 402 as the API sends it. */
	public static final String PAYMENT_REQUIRED = """
			{"object":"error","message":"No active subscription or credit","type":"invalid_request_error",\
			"param":null,"code":"3505"}""";

	private ObservationFixtures() {
	}

	/**
	 * Joins chunks as server-sent events.
	 * @param chunks the JSON chunks
	 * @return the events
	 */
	public static String sse(String... chunks) {
		StringBuilder body = new StringBuilder();
		for (String chunk : chunks) {
			body.append("data: ").append(chunk).append("\n\n");
		}
		return body.toString();
	}

	/**
	 * A JSON answer with the headers the API sends: correlation id and rate limits.
	 * @param status the status
	 * @param body the body
	 * @return the response definition
	 */
	public static ResponseDefinitionBuilder json(int status, String body) {
		return withApiHeaders(
				aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body));
	}

	/**
	 * A server-sent event answer with the API's headers.
	 * @param body the events
	 * @return the response definition
	 */
	public static ResponseDefinitionBuilder eventStream(String body) {
		return withApiHeaders(
				aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body));
	}

	private static ResponseDefinitionBuilder withApiHeaders(ResponseDefinitionBuilder response) {
		return response.withHeader("mistral-correlation-id", "0197f3c4-8d2a-7c1b-9e4f-5a6b7c8d9e0f")
			.withHeader("x-ratelimit-limit-tokens-minute", "500000")
			.withHeader("x-ratelimit-remaining-tokens-minute", "499981")
			.withHeader("x-ratelimit-limit-req-minute", "60")
			.withHeader("x-ratelimit-remaining-req-minute", "59");
	}

}
