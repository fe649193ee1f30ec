package dev.mistralboot.client.agents;

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
 * Completions by an agent ({@code POST /v1/agents/completions}) over a blocking
 * connection: whole answers, and streams that need no WebFlux. An agent (created in La
 * Plateforme or with the agents API) carries its model, instructions and tools; the
 * request names it by id.
 *
 * <pre>{@code
 * ChatCompletionResponse answer = agents.complete(AgentsCompletionRequest.builder()
 *     .agentId("ag_0123456789")
 *     .user("Who is the best French painter?")
 *     .build());
 * System.out.println(answer.text());
 * }</pre>
 *
 * Answers are chat completions ({@link ChatCompletionResponse}, streamed as
 * {@link ChatCompletionChunk}s; fold them with {@link ChatCompletionAccumulator}).
 * Failures raise the {@link dev.mistralboot.client.core.MistralException} hierarchy.
 * Thread-safe.
 */
public class MistralAgentsClient {

	static final String PATH = "/v1/agents/completions";

	static final String OPERATION = "agents.completions";

	private final MistralHttp http;

	/**
	 * Creates a client.
	 * @param http the HTTP core
	 */
	public MistralAgentsClient(MistralHttp http) {
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
	public MistralAgentsClient withOptions(RequestOptions options) {
		return new MistralAgentsClient(this.http.withOptions(options));
	}

	/**
	 * Asks the agent for a whole answer.
	 * @param request the request
	 * @return the answer
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status (an
	 * unknown agent id is a 404 or a 400), after retries
	 * @throws dev.mistralboot.client.core.MistralIoException when the API cannot be
	 * reached in time
	 */
	public ChatCompletionResponse complete(AgentsCompletionRequest request) {
		return completeWithResponse(request).body();
	}

	/**
	 * Asks the agent for a whole answer, with the response's status, headers and rate
	 * limits.
	 * @param request the request
	 * @return the answer and its metadata
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 */
	public MistralResponse<ChatCompletionResponse> completeWithResponse(AgentsCompletionRequest request) {
		return this.http.execute(apiRequest(request, false), ChatCompletionResponse.class);
	}

	/**
	 * Streams the agent's answer as it is generated. Use the result in
	 * try-with-resources.
	 * @param request the request
	 * @return the open stream of chunks
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 */
	public MistralStream<ChatCompletionChunk> stream(AgentsCompletionRequest request) {
		return this.http.stream(apiRequest(request, true), ChatCompletionChunk.class);
	}

	static ApiRequest apiRequest(AgentsCompletionRequest request, boolean stream) {
		AgentsCompletionRequest effective = Objects.requireNonNull(request, "request")
			.toBuilder()
			.stream(stream ? Boolean.TRUE : null)
			.build();
		return ApiRequest.post(PATH).operation(OPERATION).json(effective).build();
	}

}
