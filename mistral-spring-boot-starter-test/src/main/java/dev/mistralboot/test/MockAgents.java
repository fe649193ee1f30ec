package dev.mistralboot.test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agents API of {@link MockMistral} ({@code /v1/agents...}): agents kept in memory
 * with their versions and version aliases. Create answers an agent with a new id at
 * version 0; each update adds a version; get, the lists, version switches and aliases
 * read and change the same agents; delete forgets them. Unknown ids, versions and aliases
 * are 404s. Called by {@link MockMistralHandler} under its lock.
 */
final class MockAgents {

	private static final String COMPLETIONS = "/v1/agents/completions";

	private static final Pattern AGENT = Pattern.compile("/v1/agents/([^/]+)");

	private static final Pattern VERSION = Pattern.compile("/v1/agents/([^/]+)/version");

	private static final Pattern VERSIONS = Pattern.compile("/v1/agents/([^/]+)/versions");

	private static final Pattern ONE_VERSION = Pattern.compile("/v1/agents/([^/]+)/versions/([^/]+)");

	private static final Pattern ALIASES = Pattern.compile("/v1/agents/([^/]+)/aliases");

	private final Map<String, StoredAgent> agents = new LinkedHashMap<>();

	void reset() {
		this.agents.clear();
	}

	/**
	 * The ids of the agents this server holds, oldest first.
	 * @return the ids
	 */
	List<String> ids() {
		return List.copyOf(this.agents.keySet());
	}

	/**
	 * The model of an agent at its current version, for the conversations that talk to
	 * it.
	 * @param agentId the agent id
	 * @return the model, or {@code null} for an agent this server does not hold
	 */
	@Nullable String model(String agentId) {
		StoredAgent agent = this.agents.get(agentId);
		return (agent != null) ? agent.current().path("model").asString(null) : null;
	}

	/**
	 * Serves a request of the agents API.
	 * @param method the HTTP method
	 * @param path the decoded path, without the query
	 * @param request the request
	 * @return the answer, or {@code null} when the request is not one of the agents API
	 */
	@Nullable ResponseDefinition serve(String method, String path, LoggedRequest request) {
		if (!path.startsWith("/v1/agents") || path.equals(COMPLETIONS)) {
			// agents completions are MockFamilies' (scripted answers)
			return null;
		}
		if (path.equals("/v1/agents")) {
			return switch (method) {
				case "POST" -> create(body(request));
				case "GET" -> json(list(request, integer(request, "page", 0) * integer(request, "page_size", 20)));
				default -> null;
			};
		}
		if (path.equals("/v1/agents/pages") && method.equals("GET")) {
			return pages(request);
		}
		Matcher matcher = VERSION.matcher(path);
		if (matcher.matches() && method.equals("PATCH")) {
			return withAgent(matcher.group(1), (agent) -> {
				int version = integer(request, "version", -1);
				if (!agent.versions.containsKey(version)) {
					return MockMistralHandler.notFound("Agent version", agent.id + " v" + version);
				}
				agent.current = version;
				return json(agent.snapshot(version));
			});
		}
		matcher = ONE_VERSION.matcher(path);
		if (matcher.matches() && method.equals("GET")) {
			String version = matcher.group(2);
			return withAgent(matcher.group(1), (agent) -> versionOrNotFound(agent, agent.resolve(version), version));
		}
		matcher = VERSIONS.matcher(path);
		if (matcher.matches() && method.equals("GET")) {
			return withAgent(matcher.group(1), (agent) -> {
				int pageSize = integer(request, "page_size", 20);
				int from = integer(request, "page", 0) * pageSize;
				ArrayNode versions = MockResponses.JSON.createArrayNode();
				agent.versions.keySet()
					.stream()
					.skip(from)
					.limit(pageSize)
					.forEach((version) -> versions.add(agent.snapshot(version)));
				return json(versions);
			});
		}
		matcher = ALIASES.matcher(path);
		if (matcher.matches()) {
			return withAgent(matcher.group(1), (agent) -> aliases(method, agent, request));
		}
		matcher = AGENT.matcher(path);
		if (matcher.matches()) {
			return withAgent(matcher.group(1), (agent) -> switch (method) {
				case "GET" -> {
					String version = query(request, "agent_version");
					yield (version != null) ? versionOrNotFound(agent, agent.resolve(version), version)
							: json(agent.snapshot(agent.current));
				}
				case "PATCH" -> json(agent.update(body(request)));
				case "DELETE" -> {
					this.agents.remove(agent.id);
					yield noContent();
				}
				default -> null;
			});
		}
		return null;
	}

	private ResponseDefinition create(JsonNode body) {
		StoredAgent agent = new StoredAgent("ag_" + UUID.randomUUID().toString().replace("-", ""));
		ObjectNode first = MockResponses.JSON.createObjectNode();
		body.properties().forEach((field) -> first.set(field.getKey(), field.getValue()));
		if (!first.has("tools")) {
			first.putArray("tools");
		}
		agent.versions.put(0, first);
		agent.current = 0;
		this.agents.put(agent.id, agent);
		return json(agent.snapshot(0));
	}

	private ResponseDefinition pages(LoggedRequest request) {
		int pageSize = integer(request, "page_size", 20);
		String token = query(request, "page_token");
		int from = 0;
		if (token != null) {
			try {
				from = Integer.parseInt(token.substring(token.indexOf('-') + 1));
			}
			catch (NumberFormatException | StringIndexOutOfBoundsException ex) {
				ObjectNode error = MockResponses.error(400);
				error.put("message", "Invalid page_token " + token);
				return MockMistralHandler.json(400, error);
			}
		}
		ArrayNode all = list(request, 0);
		ObjectNode page = MockResponses.JSON.createObjectNode();
		page.put("object", "list");
		ArrayNode data = page.putArray("data");
		for (int i = from; i < Math.min(all.size(), from + pageSize); i++) {
			data.add(all.get(i));
		}
		if (from + pageSize < all.size()) {
			page.put("next_page_token", "page-" + (from + pageSize));
		}
		else {
			page.putNull("next_page_token");
		}
		return json(page);
	}

	/**
	 * The agents that pass the filters, from an offset (page size applied by the list).
	 */
	private ArrayNode list(LoggedRequest request, int from) {
		Predicate<StoredAgent> filter = (agent) -> true;
		String name = query(request, "name");
		String search = query(request, "search");
		String id = query(request, "id");
		String deploymentChat = query(request, "deployment_chat");
		QueryParameter sources = request.queryParameter("sources");
		if (name != null) {
			filter = filter.and((agent) -> name.equals(agent.current().path("name").asString()));
		}
		if (search != null) {
			filter = filter.and(
					(agent) -> agent.id.contains(search) || agent.current().path("name").asString("").contains(search));
		}
		if (id != null) {
			filter = filter.and((agent) -> agent.id.equals(id));
		}
		if (deploymentChat != null) {
			filter = filter.and((agent) -> Boolean
				.parseBoolean(deploymentChat) == agent.current().path("deployment_chat").asBoolean(false));
		}
		if (sources.isPresent() && !sources.values().contains("api")) {
			filter = (agent) -> false;
		}
		boolean paged = request.getUrl().split("\\?", 2)[0].equals("/v1/agents");
		int limit = paged ? integer(request, "page_size", 20) : Integer.MAX_VALUE;
		ArrayNode list = MockResponses.JSON.createArrayNode();
		this.agents.values()
			.stream()
			.filter(filter)
			.skip(from)
			.limit(limit)
			.forEach((agent) -> list.add(agent.snapshot(agent.current)));
		return list;
	}

	private ResponseDefinition aliases(String method, StoredAgent agent, LoggedRequest request) {
		String alias = query(request, "alias");
		switch (method) {
			case "PUT" -> {
				int version = integer(request, "version", -1);
				if (alias == null || !agent.versions.containsKey(version)) {
					return MockMistralHandler.notFound("Agent version", agent.id + " v" + version);
				}
				String now = now();
				Alias previous = agent.aliases.get(alias);
				Alias updated = new Alias(alias, version, (previous != null) ? previous.createdAt : now, now);
				agent.aliases.put(alias, updated);
				return json(updated.json());
			}
			case "GET" -> {
				ArrayNode aliases = MockResponses.JSON.createArrayNode();
				agent.aliases.values().forEach((each) -> aliases.add(each.json()));
				return json(aliases);
			}
			case "DELETE" -> {
				if (alias == null || agent.aliases.remove(alias) == null) {
					return MockMistralHandler.notFound("Agent alias", agent.id + " " + alias);
				}
				return noContent();
			}
			default -> {
				return MockMistralHandler.notFound("Agent route", method);
			}
		}
	}

	private ResponseDefinition withAgent(String id, Function<StoredAgent, ResponseDefinition> then) {
		StoredAgent agent = this.agents.get(id);
		if (agent == null) {
			return MockMistralHandler.notFound("Agent", id);
		}
		ResponseDefinition answer = then.apply(agent);
		return (answer != null) ? answer : MockMistralHandler.notFound("Agent route", id);
	}

	private static ResponseDefinition versionOrNotFound(StoredAgent agent, @Nullable Integer version, String asked) {
		return (version != null) ? json(agent.snapshot(version))
				: MockMistralHandler.notFound("Agent version", agent.id + " " + asked);
	}

	private static @Nullable String query(LoggedRequest request, String name) {
		QueryParameter parameter = request.queryParameter(name);
		return parameter.isPresent() ? parameter.firstValue() : null;
	}

	private static int integer(LoggedRequest request, String name, int fallback) {
		String value = query(request, name);
		try {
			return (value != null) ? Integer.parseInt(value) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private static JsonNode body(LoggedRequest request) {
		try {
			byte[] body = request.getBody();
			return (body != null && body.length > 0) ? MockResponses.JSON.readTree(body)
					: MockResponses.JSON.createObjectNode();
		}
		catch (JacksonException ex) {
			return MockResponses.JSON.createObjectNode();
		}
	}

	private static String now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
	}

	private static ResponseDefinition json(JsonNode body) {
		return MockMistralHandler.json(200, body);
	}

	private static ResponseDefinition noContent() {
		return new ResponseDefinition(204, "");
	}

	/** One agent: the fields of each version, the current version and the aliases. */
	private static final class StoredAgent {

		final String id;

		final String createdAt = now();

		String updatedAt = this.createdAt;

		final TreeMap<Integer, ObjectNode> versions = new TreeMap<>();

		final Map<String, Alias> aliases = new LinkedHashMap<>();

		int current;

		StoredAgent(String id) {
			this.id = id;
		}

		ObjectNode current() {
			return this.versions.get(this.current);
		}

		@Nullable Integer resolve(String versionOrAlias) {
			Alias alias = this.aliases.get(versionOrAlias);
			if (alias != null) {
				return alias.version;
			}
			try {
				int version = Integer.parseInt(versionOrAlias);
				return this.versions.containsKey(version) ? version : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

		ObjectNode update(JsonNode changes) {
			ObjectNode next = this.versions.lastEntry().getValue().deepCopy();
			next.remove("version_message");
			changes.properties().forEach((field) -> {
				if (!field.getValue().isNull()) {
					next.set(field.getKey(), field.getValue());
				}
			});
			int version = this.versions.lastKey() + 1;
			this.versions.put(version, next);
			this.current = version;
			this.updatedAt = now();
			return snapshot(version);
		}

		ObjectNode snapshot(int version) {
			ObjectNode agent = this.versions.get(version).deepCopy();
			agent.put("object", "agent");
			agent.put("id", this.id);
			agent.put("version", version);
			ArrayNode versions = agent.putArray("versions");
			this.versions.keySet().forEach(versions::add);
			agent.put("created_at", this.createdAt);
			agent.put("updated_at", this.updatedAt);
			if (!agent.has("deployment_chat")) {
				agent.put("deployment_chat", false);
			}
			agent.put("source", "api");
			return agent;
		}

	}

	private record Alias(String alias, int version, String createdAt, String updatedAt) {

		ObjectNode json() {
			ObjectNode json = MockResponses.JSON.createObjectNode();
			json.put("alias", this.alias);
			json.put("version", this.version);
			json.put("created_at", this.createdAt);
			json.put("updated_at", this.updatedAt);
			return json;
		}

	}

}
