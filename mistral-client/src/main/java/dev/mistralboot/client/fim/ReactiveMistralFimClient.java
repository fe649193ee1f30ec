package dev.mistralboot.client.fim;

import java.util.Objects;

import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RequestOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fill-in-the-middle code completions ({@code POST /v1/fim/completions}) on WebClient: a
 * {@link Mono} for whole completions and a {@link Flux} of chunks for streams. Cancelling
 * the {@code Flux} closes the connection. Available when WebFlux is on the classpath.
 * Same request defaults and answer types as {@link MistralFimClient}. Thread-safe.
 */
public class ReactiveMistralFimClient {

	private final ReactiveMistralHttp http;

	private final FimDefaults defaults;

	/**
	 * Creates a client.
	 * @param http the reactive HTTP core (built for the Codestral host when it differs)
	 * @param defaults values used when a request leaves them out
	 */
	public ReactiveMistralFimClient(ReactiveMistralHttp http, FimDefaults defaults) {
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
	public ReactiveMistralFimClient withOptions(RequestOptions options) {
		return new ReactiveMistralFimClient(this.http.withOptions(options), this.defaults);
	}

	/**
	 * Asks for a whole completion.
	 * @param request the request
	 * @return the completion; an {@link IllegalArgumentException} signal when no model is
	 * named
	 */
	public Mono<ChatCompletionResponse> complete(FimCompletionRequest request) {
		return completeWithResponse(request).map(MistralResponse::body);
	}

	/**
	 * Asks for a whole completion, with its metadata.
	 * @param request the request
	 * @return the completion and its metadata
	 */
	public Mono<MistralResponse<ChatCompletionResponse>> completeWithResponse(FimCompletionRequest request) {
		return Mono.defer(() -> this.http.execute(MistralFimClient.apiRequest(this.defaults, request, false),
				ChatCompletionResponse.class));
	}

	/**
	 * Streams the completion as it is generated.
	 * @param request the request
	 * @return the chunks
	 */
	public Flux<ChatCompletionChunk> stream(FimCompletionRequest request) {
		return Flux.defer(() -> this.http.stream(MistralFimClient.apiRequest(this.defaults, request, true),
				ChatCompletionChunk.class));
	}

}
