package dev.mistralboot.client.agents;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.mistralboot.client.chat.ChatCompletionAccumulator;
import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.RequestOptions;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.http.HttpMethod;

/**
 * The agents API over a blocking connection: agents themselves (create, list, get,
 * update, delete, their versions and version aliases) and, deprecated by Mistral,
 * completions by an agent ({@code POST /v1/agents/completions}). An agent carries its
 * model, instructions, tools (functions and the built-in ones: web search, code
 * interpreter, image generation, document libraries, connectors) and handoffs to other
 * agents; conversations name it by id.
 *
 * <pre>{@code
 * Agent agent = agents.create(CreateAgentRequest.builder()
 *     .model("mistral-medium-latest")
 *     .name("painter-expert")
 *     .instructions("Answer questions about French painters.")
 *     .tools(new WebSearchTool())
 *     .build());
 * Agent renamed = agents.update(agent.id(), UpdateAgentRequest.builder().name("painters").build());
 * agents.createOrUpdateAlias(agent.id(), "production", renamed.version());
 * }</pre>
 *
 * Methods are named after the API's operations ({@code agents_api_v1_agents_get_version}
 * is {@link #getVersion(String, int)}). Completions answer chat completions
 * ({@link ChatCompletionResponse}, streamed as {@link ChatCompletionChunk}s; fold them
 * with {@link ChatCompletionAccumulator}). Failures raise the
 * {@link dev.mistralboot.client.core.MistralException} hierarchy; a retired endpoint
 * raises {@link dev.mistralboot.client.core.MistralGoneException}. Thread-safe.
 */
public class MistralAgentsClient {

	static final String PATH = "/v1/agents/completions";

	static final String OPERATION = "agents.completions";

	static final String AGENTS = "/v1/agents";

	static final String AGENT = AGENTS + "/{agent_id}";

	private static final TypeReference<List<Agent>> AGENT_LIST = new TypeReference<>() {
	};

	private static final TypeReference<List<AgentAlias>> ALIAS_LIST = new TypeReference<>() {
	};

	private static final Pattern ALIAS = Pattern.compile("^[a-z]([a-z0-9_-]{0,62}[a-z0-9])?$");

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
	 * @deprecated Mistral deprecated {@code POST /v1/agents/completions}: talk to an
	 * agent through the conversations API ({@code POST /v1/conversations} with an
	 * {@code agent_id}). This method keeps working while Mistral serves the endpoint;
	 * once it is retired, calls raise
	 * {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
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
	 * @deprecated Mistral deprecated {@code POST /v1/agents/completions}: talk to an
	 * agent through the conversations API ({@code POST /v1/conversations} with an
	 * {@code agent_id}). This method keeps working while Mistral serves the endpoint;
	 * once it is retired, calls raise
	 * {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
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
	 * @deprecated Mistral deprecated {@code POST /v1/agents/completions}: talk to an
	 * agent through the conversations API ({@code POST /v1/conversations} with an
	 * {@code agent_id}). This method keeps working while Mistral serves the endpoint;
	 * once it is retired, calls raise
	 * {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public MistralStream<ChatCompletionChunk> stream(AgentsCompletionRequest request) {
		return this.http.stream(apiRequest(request, true), ChatCompletionChunk.class);
	}

	/**
	 * Creates an agent ({@code POST /v1/agents}).
	 * @param request the agent: a model and a name at least
	 * @return the agent, with its id and first version
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 */
	public Agent create(CreateAgentRequest request) {
		return this.http.execute(createRequest(request), Agent.class).body();
	}

	/**
	 * Lists the first page of agents, newest first ({@code GET /v1/agents/pages}).
	 * @return the page
	 */
	public AgentPage listPages() {
		return listPages(ListAgentsRequest.ALL);
	}

	/**
	 * Lists one page of agents ({@code GET /v1/agents/pages}): pass the previous page's
	 * {@code nextPageToken} as {@code pageToken} for the next one. Only the agents the
	 * key may see are listed.
	 * @param request the filters, page size and cursor
	 * @return the page
	 */
	public AgentPage listPages(ListAgentsRequest request) {
		return this.http.execute(listPagesRequest(request), AgentPage.class).body();
	}

	/**
	 * Lists one page of agents by page number ({@code GET /v1/agents}).
	 * @param request the filters, page size and page number
	 * @return the agents of the page
	 * @deprecated Mistral deprecated {@code GET /v1/agents} (it ignores agent sharing):
	 * use {@link #listPages(ListAgentsRequest)}, paged by cursor.
	 */
	@Deprecated
	public List<Agent> list(ListAgentsRequest request) {
		return this.http.execute(listRequest(request), AGENT_LIST).body();
	}

	/**
	 * Reads an agent at its current version ({@code GET /v1/agents/{agent_id}}).
	 * @param agentId the agent id
	 * @return the agent
	 * @throws dev.mistralboot.client.core.MistralNotFoundException for an unknown id
	 */
	public Agent get(String agentId) {
		return this.http.execute(getRequest(agentId, null), Agent.class).body();
	}

	/**
	 * Reads an agent as it was at a version ({@code GET /v1/agents/{agent_id}}).
	 * @param agentId the agent id
	 * @param agentVersion a version number ({@code "3"}) or an alias
	 * ({@code "production"})
	 * @return the agent at that version
	 */
	public Agent get(String agentId, String agentVersion) {
		return this.http.execute(getRequest(agentId, agentVersion), Agent.class).body();
	}

	/**
	 * Changes an agent, which makes a new version ({@code PATCH /v1/agents/{agent_id}}).
	 * @param agentId the agent id
	 * @param request the changes; fields left {@code null} stay as they are
	 * @return the agent at its new version
	 */
	public Agent update(String agentId, UpdateAgentRequest request) {
		return this.http.execute(updateRequest(agentId, request), Agent.class).body();
	}

	/**
	 * Deletes an agent ({@code DELETE /v1/agents/{agent_id}}).
	 * @param agentId the agent id
	 */
	public void delete(String agentId) {
		this.http.execute(deleteRequest(agentId), Void.class);
	}

	/**
	 * Makes an earlier version the agent's current one ({@code PATCH
	 * /v1/agents/{agent_id}/version}).
	 * @param agentId the agent id
	 * @param version the version to switch to
	 * @return the agent at that version
	 */
	public Agent updateVersion(String agentId, int version) {
		return this.http.execute(updateVersionRequest(agentId, version), Agent.class).body();
	}

	/**
	 * Lists the first page of an agent's versions ({@code GET
	 * /v1/agents/{agent_id}/versions}).
	 * @param agentId the agent id
	 * @return the agent at each version of the page
	 */
	public List<Agent> listVersions(String agentId) {
		return listVersions(agentId, null, null);
	}

	/**
	 * Lists one page of an agent's versions ({@code GET /v1/agents/{agent_id}/versions}).
	 * @param agentId the agent id
	 * @param page the page number, from 0, or {@code null} for the first
	 * @param pageSize versions per page (1 to 100), or {@code null} for the API's default
	 * @return the agent at each version of the page
	 */
	public List<Agent> listVersions(String agentId, @Nullable Integer page, @Nullable Integer pageSize) {
		return this.http.execute(listVersionsRequest(agentId, page, pageSize), AGENT_LIST).body();
	}

	/**
	 * Reads one version of an agent ({@code GET
	 * /v1/agents/{agent_id}/versions/{version}}).
	 * @param agentId the agent id
	 * @param version the version number
	 * @return the agent at that version
	 */
	public Agent getVersion(String agentId, int version) {
		return this.http.execute(getVersionRequest(agentId, version), Agent.class).body();
	}

	/**
	 * Points an alias at a version of an agent, creating the alias or moving it
	 * ({@code PUT /v1/agents/{agent_id}/aliases}).
	 * @param agentId the agent id
	 * @param alias the alias: lower-case letters, digits, {@code _} and {@code -},
	 * starting with a letter, at most 64 characters
	 * @param version the version it points to
	 * @return the alias
	 */
	public AgentAlias createOrUpdateAlias(String agentId, String alias, int version) {
		return this.http.execute(createOrUpdateAliasRequest(agentId, alias, version), AgentAlias.class).body();
	}

	/**
	 * Lists an agent's version aliases ({@code GET /v1/agents/{agent_id}/aliases}).
	 * @param agentId the agent id
	 * @return the aliases
	 */
	public List<AgentAlias> listVersionAliases(String agentId) {
		return this.http.execute(listVersionAliasesRequest(agentId), ALIAS_LIST).body();
	}

	/**
	 * Deletes a version alias ({@code DELETE /v1/agents/{agent_id}/aliases}); the version
	 * stays.
	 * @param agentId the agent id
	 * @param alias the alias
	 */
	public void deleteAlias(String agentId, String alias) {
		this.http.execute(deleteAliasRequest(agentId, alias), Void.class);
	}

	// The requests of the agents operations; the reactive client sends the same.

	static ApiRequest createRequest(CreateAgentRequest request) {
		Objects.requireNonNull(request, "request");
		return ApiRequest.post(AGENTS).operation("agents.create").model(request.model()).json(request).build();
	}

	static ApiRequest listPagesRequest(ListAgentsRequest request) {
		Objects.requireNonNull(request, "request");
		return filters(ApiRequest.get(AGENTS + "/pages").operation("agents.list-pages"), request)
			.query("page_token", request.pageToken())
			.build();
	}

	static ApiRequest listRequest(ListAgentsRequest request) {
		Objects.requireNonNull(request, "request");
		return filters(ApiRequest.get(AGENTS).operation("agents.list"), request).query("page", request.page()).build();
	}

	private static ApiRequest.Builder filters(ApiRequest.Builder builder, ListAgentsRequest request) {
		return builder.query("page_size", request.pageSize())
			.query("deployment_chat", request.deploymentChat())
			.query("sources", request.sources())
			.query("name", request.name())
			.query("search", request.search())
			.query("id", request.id())
			.query("metadata", request.metadataJson());
	}

	static ApiRequest getRequest(String agentId, @Nullable String agentVersion) {
		if (agentVersion != null && agentVersion.isBlank()) {
			throw new IllegalArgumentException("agentVersion must not be blank: give a version number or an alias");
		}
		return ApiRequest.get(AGENT, id(agentId)).operation("agents.get").query("agent_version", agentVersion).build();
	}

	static ApiRequest updateRequest(String agentId, UpdateAgentRequest request) {
		Objects.requireNonNull(request, "request");
		return ApiRequest.of(HttpMethod.PATCH, AGENT, id(agentId))
			.operation("agents.update")
			.model(request.model())
			.json(request)
			.build();
	}

	static ApiRequest deleteRequest(String agentId) {
		return ApiRequest.of(HttpMethod.DELETE, AGENT, id(agentId)).operation("agents.delete").build();
	}

	static ApiRequest updateVersionRequest(String agentId, int version) {
		return ApiRequest.of(HttpMethod.PATCH, AGENT + "/version", id(agentId))
			.operation("agents.update-version")
			.query("version", version)
			.build();
	}

	static ApiRequest listVersionsRequest(String agentId, @Nullable Integer page, @Nullable Integer pageSize) {
		if (page != null && page < 0) {
			throw new IllegalArgumentException("page must not be negative, was " + page);
		}
		if (pageSize != null && (pageSize < 1 || pageSize > 100)) {
			throw new IllegalArgumentException("pageSize must be between 1 and 100, was " + pageSize);
		}
		return ApiRequest.get(AGENT + "/versions", id(agentId))
			.operation("agents.list-versions")
			.query("page", page)
			.query("page_size", pageSize)
			.build();
	}

	static ApiRequest getVersionRequest(String agentId, int version) {
		return ApiRequest.get(AGENT + "/versions/{version}", id(agentId), version)
			.operation("agents.get-version")
			.build();
	}

	static ApiRequest createOrUpdateAliasRequest(String agentId, String alias, int version) {
		return ApiRequest.of(HttpMethod.PUT, AGENT + "/aliases", id(agentId))
			.operation("agents.create-or-update-alias")
			.query("alias", alias(alias))
			.query("version", version)
			.build();
	}

	static ApiRequest listVersionAliasesRequest(String agentId) {
		return ApiRequest.get(AGENT + "/aliases", id(agentId)).operation("agents.list-version-aliases").build();
	}

	static ApiRequest deleteAliasRequest(String agentId, String alias) {
		return ApiRequest.of(HttpMethod.DELETE, AGENT + "/aliases", id(agentId))
			.operation("agents.delete-alias")
			.query("alias", alias(alias))
			.build();
	}

	private static String id(@Nullable String agentId) {
		return AgentChecks.requireId(agentId, "agentId");
	}

	private static String alias(@Nullable String alias) {
		if (alias == null || !ALIAS.matcher(alias).matches()) {
			throw new IllegalArgumentException("An alias has 1 to 64 lower-case letters, digits, '_' or '-', starts "
					+ "with a letter and does not end with '_' or '-': \"" + alias + "\"");
		}
		return alias;
	}

	static ApiRequest apiRequest(AgentsCompletionRequest request, boolean stream) {
		AgentsCompletionRequest effective = Objects.requireNonNull(request, "request")
			.toBuilder()
			.stream(stream ? Boolean.TRUE : null)
			.build();
		return ApiRequest.post(PATH).operation(OPERATION).json(effective).build();
	}

}
