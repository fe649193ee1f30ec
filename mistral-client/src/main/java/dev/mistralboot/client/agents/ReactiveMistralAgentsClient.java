package dev.mistralboot.client.agents;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RequestOptions;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/**
 * The agents API on WebClient: the methods of {@link MistralAgentsClient} with the same
 * names and parameters, answering a {@link Mono} (a {@link Flux} of chunks for streamed
 * completions). Agents themselves (create, list, get, update, delete, versions, aliases)
 * and, deprecated by Mistral, completions by an agent
 * ({@code POST /v1/agents/completions}). Nothing is sent before subscription; cancelling
 * closes the connection. Available when WebFlux is on the classpath. Thread-safe.
 */
public class ReactiveMistralAgentsClient {

	private static final TypeReference<List<Agent>> AGENT_LIST = new TypeReference<>() {
	};

	private static final TypeReference<List<AgentAlias>> ALIAS_LIST = new TypeReference<>() {
	};

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
	 * @deprecated Mistral deprecated {@code POST /v1/agents/completions}: talk to an
	 * agent through the conversations API ({@code POST /v1/conversations} with an
	 * {@code agent_id}). This method keeps working while Mistral serves the endpoint;
	 * once it is retired, calls raise
	 * {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public Mono<ChatCompletionResponse> complete(AgentsCompletionRequest request) {
		return completeWithResponse(request).map(MistralResponse::body);
	}

	/**
	 * Asks the agent for a whole answer, with its metadata.
	 * @param request the request
	 * @return the answer and its metadata
	 * @deprecated Mistral deprecated {@code POST /v1/agents/completions}: talk to an
	 * agent through the conversations API ({@code POST /v1/conversations} with an
	 * {@code agent_id}). This method keeps working while Mistral serves the endpoint;
	 * once it is retired, calls raise
	 * {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public Mono<MistralResponse<ChatCompletionResponse>> completeWithResponse(AgentsCompletionRequest request) {
		return Mono.defer(
				() -> this.http.execute(MistralAgentsClient.apiRequest(request, false), ChatCompletionResponse.class));
	}

	/**
	 * Streams the agent's answer as it is generated.
	 * @param request the request
	 * @return the chunks
	 * @deprecated Mistral deprecated {@code POST /v1/agents/completions}: talk to an
	 * agent through the conversations API ({@code POST /v1/conversations} with an
	 * {@code agent_id}). This method keeps working while Mistral serves the endpoint;
	 * once it is retired, calls raise
	 * {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public Flux<ChatCompletionChunk> stream(AgentsCompletionRequest request) {
		return Flux
			.defer(() -> this.http.stream(MistralAgentsClient.apiRequest(request, true), ChatCompletionChunk.class));
	}

	/**
	 * Creates an agent ({@code POST /v1/agents}).
	 * @param request the agent: a model and a name at least
	 * @return the agent, with its id and first version
	 */
	public Mono<Agent> create(CreateAgentRequest request) {
		return call(() -> MistralAgentsClient.createRequest(request), Agent.class);
	}

	/**
	 * Lists the first page of agents ({@code GET /v1/agents/pages}).
	 * @return the page
	 */
	public Mono<AgentPage> listPages() {
		return listPages(ListAgentsRequest.ALL);
	}

	/**
	 * Lists one page of agents ({@code GET /v1/agents/pages}): pass the previous page's
	 * {@code nextPageToken} as {@code pageToken} for the next one.
	 * @param request the filters, page size and cursor
	 * @return the page
	 */
	public Mono<AgentPage> listPages(ListAgentsRequest request) {
		return call(() -> MistralAgentsClient.listPagesRequest(request), AgentPage.class);
	}

	/**
	 * Lists one page of agents by page number ({@code GET /v1/agents}).
	 * @param request the filters, page size and page number
	 * @return the agents of the page
	 * @deprecated Mistral deprecated {@code GET /v1/agents} (it ignores agent sharing):
	 * use {@link #listPages(ListAgentsRequest)}, paged by cursor.
	 */
	@Deprecated
	public Mono<List<Agent>> list(ListAgentsRequest request) {
		return Mono.defer(() -> this.http.execute(MistralAgentsClient.listRequest(request), AGENT_LIST))
			.map(MistralResponse::body);
	}

	/**
	 * Reads an agent at its current version ({@code GET /v1/agents/{agent_id}}).
	 * @param agentId the agent id
	 * @return the agent
	 */
	public Mono<Agent> get(String agentId) {
		return call(() -> MistralAgentsClient.getRequest(agentId, null), Agent.class);
	}

	/**
	 * Reads an agent as it was at a version ({@code GET /v1/agents/{agent_id}}).
	 * @param agentId the agent id
	 * @param agentVersion a version number ({@code "3"}) or an alias
	 * @return the agent at that version
	 */
	public Mono<Agent> get(String agentId, String agentVersion) {
		return call(() -> MistralAgentsClient.getRequest(agentId, agentVersion), Agent.class);
	}

	/**
	 * Changes an agent, which makes a new version ({@code PATCH /v1/agents/{agent_id}}).
	 * @param agentId the agent id
	 * @param request the changes; fields left {@code null} stay as they are
	 * @return the agent at its new version
	 */
	public Mono<Agent> update(String agentId, UpdateAgentRequest request) {
		return call(() -> MistralAgentsClient.updateRequest(agentId, request), Agent.class);
	}

	/**
	 * Deletes an agent ({@code DELETE /v1/agents/{agent_id}}).
	 * @param agentId the agent id
	 * @return completes once deleted
	 */
	public Mono<Void> delete(String agentId) {
		return Mono.defer(() -> this.http.execute(MistralAgentsClient.deleteRequest(agentId), Void.class)).then();
	}

	/**
	 * Makes an earlier version the agent's current one ({@code PATCH
	 * /v1/agents/{agent_id}/version}).
	 * @param agentId the agent id
	 * @param version the version to switch to
	 * @return the agent at that version
	 */
	public Mono<Agent> updateVersion(String agentId, int version) {
		return call(() -> MistralAgentsClient.updateVersionRequest(agentId, version), Agent.class);
	}

	/**
	 * Lists the first page of an agent's versions ({@code GET
	 * /v1/agents/{agent_id}/versions}).
	 * @param agentId the agent id
	 * @return the agent at each version of the page
	 */
	public Mono<List<Agent>> listVersions(String agentId) {
		return listVersions(agentId, null, null);
	}

	/**
	 * Lists one page of an agent's versions ({@code GET /v1/agents/{agent_id}/versions}).
	 * @param agentId the agent id
	 * @param page the page number, from 0, or {@code null} for the first
	 * @param pageSize versions per page (1 to 100), or {@code null} for the API's default
	 * @return the agent at each version of the page
	 */
	public Mono<List<Agent>> listVersions(String agentId, @Nullable Integer page, @Nullable Integer pageSize) {
		return Mono.defer(
				() -> this.http.execute(MistralAgentsClient.listVersionsRequest(agentId, page, pageSize), AGENT_LIST))
			.map(MistralResponse::body);
	}

	/**
	 * Reads one version of an agent ({@code GET
	 * /v1/agents/{agent_id}/versions/{version}}).
	 * @param agentId the agent id
	 * @param version the version number
	 * @return the agent at that version
	 */
	public Mono<Agent> getVersion(String agentId, int version) {
		return call(() -> MistralAgentsClient.getVersionRequest(agentId, version), Agent.class);
	}

	/**
	 * Points an alias at a version of an agent, creating the alias or moving it
	 * ({@code PUT /v1/agents/{agent_id}/aliases}).
	 * @param agentId the agent id
	 * @param alias the alias (lower-case letters, digits, {@code _} and {@code -})
	 * @param version the version it points to
	 * @return the alias
	 */
	public Mono<AgentAlias> createOrUpdateAlias(String agentId, String alias, int version) {
		return call(() -> MistralAgentsClient.createOrUpdateAliasRequest(agentId, alias, version), AgentAlias.class);
	}

	/**
	 * Lists an agent's version aliases ({@code GET /v1/agents/{agent_id}/aliases}).
	 * @param agentId the agent id
	 * @return the aliases
	 */
	public Mono<List<AgentAlias>> listVersionAliases(String agentId) {
		return Mono.defer(() -> this.http.execute(MistralAgentsClient.listVersionAliasesRequest(agentId), ALIAS_LIST))
			.map(MistralResponse::body);
	}

	/**
	 * Deletes a version alias ({@code DELETE /v1/agents/{agent_id}/aliases}).
	 * @param agentId the agent id
	 * @param alias the alias
	 * @return completes once deleted
	 */
	public Mono<Void> deleteAlias(String agentId, String alias) {
		return Mono.defer(() -> this.http.execute(MistralAgentsClient.deleteAliasRequest(agentId, alias), Void.class))
			.then();
	}

	private <T> Mono<T> call(Supplier<ApiRequest> request, Class<T> type) {
		return Mono.defer(() -> this.http.execute(request.get(), type)).map(MistralResponse::body);
	}

}
