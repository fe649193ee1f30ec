package dev.mistralboot.client.fim;

import java.util.Objects;

import dev.mistralboot.client.chat.ChatCompletionAccumulator;
import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.RequestOptions;

/**
 * Fill-in-the-middle code completions ({@code POST /v1/fim/completions}, Codestral) over
 * a blocking connection: whole completions, and streams that need no WebFlux.
 *
 * <pre>{@code
 * ChatCompletionResponse answer = fim.complete(FimCompletionRequest.builder()
 *     .prompt("def fibonacci(n: int):")
 *     .suffix("print(fibonacci(10))")
 *     .build());
 * System.out.println(answer.text());
 * }</pre>
 *
 * The API answers with the chat completion shapes ({@code FIMCompletionResponse} is a
 * {@code ChatCompletionResponse}; stream events carry {@code CompletionChunk}s), so this
 * client returns {@link ChatCompletionResponse} and {@link ChatCompletionChunk}; fold
 * chunks with {@link ChatCompletionAccumulator}. Requests that leave out the model get
 * the client's {@link FimDefaults} ({@code mistral.fim.model}). Codestral is also served
 * from its own host with its own key: give this client a {@link MistralHttp} built for
 * that host ({@code mistral.fim.base-url} and {@code mistral.fim.api-key} do it in Spring
 * Boot). Failures raise the {@link dev.mistralboot.client.core.MistralException}
 * hierarchy. Thread-safe.
 */
public class MistralFimClient {

	static final String PATH = "/v1/fim/completions";

	static final String OPERATION = "fim";

	private final MistralHttp http;

	private final FimDefaults defaults;

	/**
	 * Creates a client without defaults (every request names its model).
	 * @param http the HTTP core
	 */
	public MistralFimClient(MistralHttp http) {
		this(http, FimDefaults.NONE);
	}

	/**
	 * Creates a client.
	 * @param http the HTTP core
	 * @param defaults values used when a request leaves them out
	 */
	public MistralFimClient(MistralHttp http, FimDefaults defaults) {
		this.http = Objects.requireNonNull(http, "http");
		this.defaults = Objects.requireNonNull(defaults, "defaults");
	}

	/**
	 * This client with options applied to each of its calls: a timeout, the number of
	 * attempts, extra headers, a listener for the answers' metadata. The returned client
	 * shares its connections, observations and rate-limit budget with this one; deriving
	 * it is cheap.
	 * @param options the options, applied over the ones this client already applies
	 * @return a client applying the options
	 */
	public MistralFimClient withOptions(RequestOptions options) {
		return new MistralFimClient(this.http.withOptions(options), this.defaults);
	}

	/**
	 * Asks for a whole completion.
	 * @param request the request
	 * @return the completion; {@link ChatCompletionResponse#text()} is the code for the
	 * gap
	 * @throws IllegalArgumentException when no model is named by the request or the
	 * defaults
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 * @throws dev.mistralboot.client.core.MistralIoException when the API cannot be
	 * reached in time
	 */
	public ChatCompletionResponse complete(FimCompletionRequest request) {
		return completeWithResponse(request).body();
	}

	/**
	 * Asks for a whole completion, with the response's status, headers and rate limits.
	 * @param request the request
	 * @return the completion and its metadata
	 * @throws IllegalArgumentException when no model is named by the request or the
	 * defaults
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 */
	public MistralResponse<ChatCompletionResponse> completeWithResponse(FimCompletionRequest request) {
		return this.http.execute(apiRequest(this.defaults, request, false), ChatCompletionResponse.class);
	}

	/**
	 * Streams the completion as it is generated. Use the result in try-with-resources.
	 * @param request the request
	 * @return the open stream of chunks
	 * @throws IllegalArgumentException when no model is named by the request or the
	 * defaults
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 */
	public MistralStream<ChatCompletionChunk> stream(FimCompletionRequest request) {
		return this.http.stream(apiRequest(this.defaults, request, true), ChatCompletionChunk.class);
	}

	/**
	 * The defaults this client applies.
	 * @return the defaults
	 */
	public FimDefaults defaults() {
		return this.defaults;
	}

	static ApiRequest apiRequest(FimDefaults defaults, FimCompletionRequest request, boolean stream) {
		FimCompletionRequest effective = defaults.apply(request, stream);
		return ApiRequest.post(PATH).operation(OPERATION).model(effective.model()).json(effective).build();
	}

}
