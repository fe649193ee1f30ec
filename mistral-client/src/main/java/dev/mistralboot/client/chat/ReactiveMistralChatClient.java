package dev.mistralboot.client.chat;

import java.util.Objects;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RequestOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Chat completions ({@code POST /v1/chat/completions}) on WebClient: a {@link Mono} for
 * whole answers and a {@link Flux} of chunks for streams. Cancelling the {@code Flux}
 * closes the connection. Available when WebFlux is on the classpath. Thread-safe.
 */
public class ReactiveMistralChatClient {

	private final ReactiveMistralHttp http;

	private final ChatDefaults defaults;

	/**
	 * Creates a client.
	 * @param http the reactive HTTP core
	 * @param defaults values used when a request leaves them out
	 */
	public ReactiveMistralChatClient(ReactiveMistralHttp http, ChatDefaults defaults) {
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
	public ReactiveMistralChatClient withOptions(RequestOptions options) {
		return new ReactiveMistralChatClient(this.http.withOptions(options), this.defaults);
	}

	/**
	 * Asks for a whole answer.
	 * @param request the request
	 * @return the answer
	 */
	public Mono<ChatCompletionResponse> complete(ChatCompletionRequest request) {
		return completeWithResponse(request).map(MistralResponse::body);
	}

	/**
	 * Asks for a whole answer, with its metadata.
	 * @param request the request
	 * @return the answer and its metadata
	 */
	public Mono<MistralResponse<ChatCompletionResponse>> completeWithResponse(ChatCompletionRequest request) {
		return Mono.defer(() -> this.http.execute(apiRequest(request, false), ChatCompletionResponse.class));
	}

	/**
	 * Streams the answer as it is generated.
	 * @param request the request
	 * @return the chunks
	 */
	public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request) {
		return Flux.defer(() -> this.http.stream(apiRequest(request, true), ChatCompletionChunk.class));
	}

	private ApiRequest apiRequest(ChatCompletionRequest request, boolean stream) {
		ChatCompletionRequest effective = this.defaults.apply(Objects.requireNonNull(request, "request"), stream);
		return ApiRequest.post(MistralChatClient.PATH)
			.operation("chat")
			.model(effective.model())
			.json(effective)
			.build();
	}

}
