package dev.mistralboot.client.chat;

import java.util.Objects;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.MistralStream;

/**
 * Chat completions ({@code POST /v1/chat/completions}) over a blocking connection: whole answers,
 * and streams that need no WebFlux.
 *
 * <pre>{@code
 * ChatCompletionResponse answer = chat.complete(ChatCompletionRequest.builder()
 *     .model("mistral-small-latest")
 *     .user("What is the best French cheese?")
 *     .build());
 * System.out.println(answer.text());
 * }</pre>
 *
 * Requests that leave out the model, temperature, max tokens or safe prompt get the client's
 * {@link ChatDefaults} ({@code mistral.chat.*}). Failures raise the
 * {@link dev.mistralboot.client.core.MistralException} hierarchy. Thread-safe.
 */
public class MistralChatClient {

	static final String PATH = "/v1/chat/completions";

	private final MistralHttp http;

	private final ChatDefaults defaults;

	/**
	 * Creates a client without defaults (every request names its model).
	 * @param http the HTTP core
	 */
	public MistralChatClient(MistralHttp http) {
		this(http, ChatDefaults.NONE);
	}

	/**
	 * Creates a client.
	 * @param http the HTTP core
	 * @param defaults values used when a request leaves them out
	 */
	public MistralChatClient(MistralHttp http, ChatDefaults defaults) {
		this.http = Objects.requireNonNull(http, "http");
		this.defaults = Objects.requireNonNull(defaults, "defaults");
	}

	/**
	 * Asks for a whole answer.
	 * @param request the request
	 * @return the answer
	 * @throws IllegalArgumentException when no model is named by the request or the defaults
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after retries
	 * @throws dev.mistralboot.client.core.MistralIoException when the API cannot be reached in time
	 */
	public ChatCompletionResponse complete(ChatCompletionRequest request) {
		return completeWithResponse(request).body();
	}

	/**
	 * Asks for a whole answer, with the response's status, headers and rate limits.
	 * @param request the request
	 * @return the answer and its metadata
	 */
	public MistralResponse<ChatCompletionResponse> completeWithResponse(ChatCompletionRequest request) {
		return this.http.execute(apiRequest(request, false), ChatCompletionResponse.class);
	}

	/**
	 * Streams the answer as it is generated. Use the result in try-with-resources; fold chunks
	 * with {@link ChatCompletionAccumulator}.
	 * @param request the request
	 * @return the open stream of chunks
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after retries
	 */
	public MistralStream<ChatCompletionChunk> stream(ChatCompletionRequest request) {
		return this.http.stream(apiRequest(request, true), ChatCompletionChunk.class);
	}

	/**
	 * The defaults this client applies.
	 * @return the defaults
	 */
	public ChatDefaults defaults() {
		return this.defaults;
	}

	private ApiRequest apiRequest(ChatCompletionRequest request, boolean stream) {
		ChatCompletionRequest effective = this.defaults.apply(Objects.requireNonNull(request, "request"), stream);
		return ApiRequest.post(PATH).operation("chat").model(effective.model()).json(effective).build();
	}

}
