package dev.mistralboot.client.agents;

import java.util.Objects;

import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RequestOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Completions by an agent ({@code POST /v1/agents/completions}) on WebClient: a
 * {@link Mono} for whole answers and a {@link Flux} of chunks for streams. Cancelling the
 * {@code Flux} closes the connection. Available when WebFlux is on the classpath.
 * Thread-safe.
 */
public class ReactiveMistralAgentsClient {

	private final ReactiveMistralHttp http;

	/**
	 * Creates a client.
	 * @param http the reactive HTTP core
	 */
	public ReactiveMistralAgentsClient(ReactiveMistralHttp http) {
		this.http = Objects.requireNonNull(http, "http");
	}

	/**
	 * This client with options applied to each of its calls: a timeout, the number of
	 * attempts, extra headers, a listener for the answers' metadata. The returned client
	 * shares its connections, observations and rate-limit budget with this one; deriving
	 * it is cheap.
	 * @param options the options, applied over the ones this client already applies
	 * @return a client applying the options
	 */
	public ReactiveMistralAgentsClient withOptions(RequestOptions options) {
		return new ReactiveMistralAgentsClient(this.http.withOptions(options));
	}

	/**
	 * Asks the agent for a whole answer.
	 * @param request the request
	 * @return the answer
	 */
	public Mono<ChatCompletionResponse> complete(AgentsCompletionRequest request) {
		return completeWithResponse(request).map(MistralResponse::body);
	}

	/**
	 * Asks the agent for a whole answer, with its metadata.
	 * @param request the request
	 * @return the answer and its metadata
	 */
	public Mono<MistralResponse<ChatCompletionResponse>> completeWithResponse(AgentsCompletionRequest request) {
		return Mono.defer(
				() -> this.http.execute(MistralAgentsClient.apiRequest(request, false), ChatCompletionResponse.class));
	}

	/**
	 * Streams the agent's answer as it is generated.
	 * @param request the request
	 * @return the chunks
	 */
	public Flux<ChatCompletionChunk> stream(AgentsCompletionRequest request) {
		return Flux
			.defer(() -> this.http.stream(MistralAgentsClient.apiRequest(request, true), ChatCompletionChunk.class));
	}

}
