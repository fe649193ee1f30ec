package dev.mistralboot.client.agents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mistralboot.client.chat.CodeInterpreterTool;
import dev.mistralboot.client.chat.ConnectorAuthorization;
import dev.mistralboot.client.chat.ConnectorTool;
import dev.mistralboot.client.chat.DocumentLibraryTool;
import dev.mistralboot.client.chat.FunctionTool;
import dev.mistralboot.client.chat.ImageGenerationTool;
import dev.mistralboot.client.chat.ResponseFormat;
import dev.mistralboot.client.chat.Tool;
import dev.mistralboot.client.chat.ToolChoice;
import dev.mistralboot.client.chat.UnknownTool;
import dev.mistralboot.client.chat.WebSearchPremiumTool;
import dev.mistralboot.client.chat.WebSearchTool;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every operation of the agents API ({@code beta.agents}) through
 * {@link MistralAgentsClient}, on a loopback server that checks each request against the
 * API description.
 */
class MistralAgentsCrudTests {

	static final String AGENT_PATH = "/v1/agents/" + AgentFixtures.AGENT_ID;

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	WireMockServer server;

	MistralAgentsClient client;

	@BeforeEach
	void start() {
		this.server = wireMock.server();
		this.client = new MistralAgentsClient(wireMock.retryingHttp());
	}

	@Test
	void createSendsEveryFieldAndReadsTheAgentWithItsTools() {
		wireMock.stubJson(post("/v1/agents"), "agents_api_v1_agents_create", AgentFixtures.AGENT);
		CreateAgentRequest request = CreateAgentRequest.builder()
			.model("mistral-medium-latest")
			.name("painter-expert")
			.description("Knows painters")
			.instructions("Answer questions about French painters.")
			.tools(Tool.function("get_painter", "Finds a painter", Map.of("type", "object", "properties", Map.of())),
					new WebSearchTool(null), new WebSearchPremiumTool(null), new CodeInterpreterTool(null),
					new ImageGenerationTool(null), new DocumentLibraryTool(null, List.of("lib_1")),
					new ConnectorTool("con_1", ConnectorAuthorization.apiKey("connector-5ecret"), null))
			.completionArgs(CompletionArgs.builder()
				.stop("\n\n")
				.presencePenalty(0.1)
				.frequencyPenalty(0.2)
				.temperature(0.3)
				.topP(0.9)
				.maxTokens(500)
				.randomSeed(7L)
				.responseFormat(ResponseFormat.TEXT)
				.toolChoice(ToolChoice.AUTO)
				.build())
			.handoffs("ag_0198a2b6c1d47e3f9b")
			.metadata(Map.of("team", "art"))
			.versionMessage("First version")
			.build();

		Agent agent = this.client.create(request);

		this.server.verify(postRequestedFor(urlPathEqualTo("/v1/agents")).withRequestBody(equalToJson(
				"""
						{"model":"mistral-medium-latest","name":"painter-expert","description":"Knows painters",
						 "instructions":"Answer questions about French painters.",
						 "tools":[{"type":"function","function":{"name":"get_painter","description":"Finds a painter","parameters":{"type":"object","properties":{}}}},
						          {"type":"web_search"},{"type":"web_search_premium"},{"type":"code_interpreter"},
						          {"type":"image_generation"},{"type":"document_library","library_ids":["lib_1"]},
						          {"type":"connector","connector_id":"con_1","authorization":{"type":"api-key","value":"connector-5ecret"}}],
						 "completion_args":{"stop":["\\n\\n"],"presence_penalty":0.1,"frequency_penalty":0.2,"temperature":0.3,
						                    "top_p":0.9,"max_tokens":500,"random_seed":7,"response_format":{"type":"text"},
						                    "tool_choice":"auto"},
						 "handoffs":["ag_0198a2b6c1d47e3f9b"],"metadata":{"team":"art"},"version_message":"First version"}
						""")));
		assertThat(request.toString()).doesNotContain("connector-5ecret");
		assertThat(agent.id()).isEqualTo(AgentFixtures.AGENT_ID);
		assertThat(agent.version()).isEqualTo(2);
		assertThat(agent.versions()).containsExactly(1, 2);
		assertThat(agent.handoffs()).containsExactly("ag_0198a2b6c1d47e3f9b");
		assertThat(agent.createdAt()).isEqualTo(OffsetDateTime.of(2026, 11, 30, 9, 15, 0, 0, ZoneOffset.UTC));
		assertThat(agent.updatedAt()).isEqualTo(OffsetDateTime.of(2026, 12, 1, 10, 0, 30, 500_000_000, ZoneOffset.UTC));
		assertThat(agent.tools()).hasExactlyElementsOfTypes(FunctionTool.class, WebSearchTool.class,
				WebSearchPremiumTool.class, CodeInterpreterTool.class, ImageGenerationTool.class,
				DocumentLibraryTool.class, ConnectorTool.class);
		assertThat(((FunctionTool) agent.tools().get(0)).function().name()).isEqualTo("get_painter");
		assertThat(((DocumentLibraryTool) agent.tools().get(5)).libraryIds()).containsExactly("lib_1");
		assertThat(agent.completionArgs().stop()).containsExactly("\n\n");
		assertThat(agent.completionArgs().toolChoice()).isEqualTo(ToolChoice.AUTO);
		assertThat(agent.metadata()).containsEntry("team", "art");
		assertThat(agent.deploymentChat()).isFalse();
		assertThat(agent.source()).isEqualTo("api");
		assertThat(agent.versionMessage()).isEqualTo("Second version");
	}

	@Test
	void unknownPropertiesToolsAndAStopStringAreKept() {
		this.server.stubFor(get(urlPathEqualTo(AGENT_PATH)).willReturn(
				okJson("""
						{"model":"mistral-small-latest","name":"helper","object":"agent","id":"ag_0198a2b6c1d47e3f9a","version":1,
						 "versions":[1],"created_at":"2026-11-30T09:15:00Z","updated_at":"2026-11-30T09:15:00Z",
						 "deployment_chat":false,"source":"api","sharing":{"scope":"workspace"},
						 "completion_args":{"stop":"END","verbosity":"low"},
						 "tools":[{"type":"code_interpreter"},{"type":"video_generation","fps":24}]}
						""")));

		Agent agent = this.client.get(AgentFixtures.AGENT_ID);

		assertThat(agent.additionalProperties()).containsEntry("sharing", Map.of("scope", "workspace"));
		assertThat(agent.completionArgs().stop()).containsExactly("END");
		assertThat(agent.completionArgs().additionalProperties()).containsEntry("verbosity", "low");
		assertThat(agent.tools()).hasSize(2);
		assertThat(agent.tools().get(1)).isInstanceOfSatisfying(UnknownTool.class, (tool) -> {
			assertThat(tool.type()).isEqualTo("video_generation");
			assertThat(tool.additionalProperties()).containsEntry("fps", 24);
		});
		assertThat(agent.handoffs()).isNull();
	}

	@Test
	void listPagesSendsEveryFilterAndTheCursor() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/agents/pages")), "agents_api_v1_agents_list_pages",
				"{\"object\":\"list\",\"data\":[" + AgentFixtures.AGENT + "],\"next_page_token\":\"cursor-2\"}");

		AgentPage page = this.client.listPages(ListAgentsRequest.builder()
			.pageSize(10)
			.pageToken("cursor-1")
			.page(4)
			.deploymentChat(false)
			.sources(AgentSource.API, AgentSource.PLAYGROUND)
			.name("painter-expert")
			.search("painter")
			.id(AgentFixtures.AGENT_ID)
			.metadata(Map.of("team", "art"))
			.build());

		assertThat(page.data()).singleElement().extracting(Agent::name).isEqualTo("painter-expert");
		assertThat(page.nextPageToken()).isEqualTo("cursor-2");
		this.server
			.verify(getRequestedFor(urlPathEqualTo("/v1/agents/pages")).withQueryParam("page_size", equalTo("10"))
				.withQueryParam("page_token", equalTo("cursor-1"))
				.withQueryParam("deployment_chat", equalTo("false"))
				.withQueryParam("sources", havingExactly("api", "playground"))
				.withQueryParam("name", equalTo("painter-expert"))
				.withQueryParam("search", equalTo("painter"))
				.withQueryParam("id", equalTo(AgentFixtures.AGENT_ID))
				.withQueryParam("metadata", equalToJson("{\"team\":\"art\"}")));
		assertThat(this.server.getAllServeEvents().get(0).getRequest().getUrl()).doesNotContain("page=4");
	}

	@Test
	@SuppressWarnings("deprecation")
	void deprecatedListSendsThePageNumber() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/agents")), "agents_api_v1_agents_list",
				"[" + AgentFixtures.MINIMAL_AGENT + "]");

		List<Agent> agents = this.client.list(ListAgentsRequest.builder().page(2).pageSize(5).pageToken("x").build());

		assertThat(agents).singleElement().extracting(Agent::version).isEqualTo(3);
		this.server.verify(getRequestedFor(urlPathEqualTo("/v1/agents")).withQueryParam("page", equalTo("2"))
			.withQueryParam("page_size", equalTo("5")));
		assertThat(this.server.getAllServeEvents().get(0).getRequest().getUrl()).doesNotContain("page_token");
	}

	@Test
	void getReadsTheAgentAtAVersionOrAlias() {
		wireMock.stubJson(get(urlPathEqualTo(AGENT_PATH)), "agents_api_v1_agents_get", AgentFixtures.MINIMAL_AGENT);

		assertThat(this.client.get(AgentFixtures.AGENT_ID).name()).isEqualTo("helper");
		assertThat(this.client.get(AgentFixtures.AGENT_ID, "production").version()).isEqualTo(3);

		this.server.verify(1, getRequestedFor(urlPathEqualTo(AGENT_PATH)).withoutQueryParam("agent_version"));
		this.server.verify(1,
				getRequestedFor(urlPathEqualTo(AGENT_PATH)).withQueryParam("agent_version", equalTo("production")));
	}

	@Test
	void updatePatchesOnlyTheGivenFields() {
		wireMock.stubJson(patch(urlPathEqualTo(AGENT_PATH)), "agents_api_v1_agents_update", AgentFixtures.AGENT);

		Agent agent = this.client.update(AgentFixtures.AGENT_ID,
				UpdateAgentRequest.builder()
					.name("painters")
					.deploymentChat(true)
					.tools(new WebSearchTool(null))
					.versionMessage("Renamed")
					.build());

		assertThat(agent.version()).isEqualTo(2);
		this.server.verify(patchRequestedFor(urlPathEqualTo(AGENT_PATH)).withRequestBody(equalToJson(
				"{\"name\":\"painters\",\"deployment_chat\":true,\"tools\":[{\"type\":\"web_search\"}],\"version_message\":\"Renamed\"}")));
	}

	@Test
	void deleteSendsDeleteAndUnknownIdsAreNotFound() {
		this.server.stubFor(delete(urlPathEqualTo(AGENT_PATH)).willReturn(aResponse().withStatus(204)));
		this.server.stubFor(delete(urlPathEqualTo("/v1/agents/ag_missing")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"object\":\"error\",\"message\":\"Agent not found\",\"type\":\"not_found\"}")));

		this.client.delete(AgentFixtures.AGENT_ID);

		this.server.verify(1, deleteRequestedFor(urlPathEqualTo(AGENT_PATH)));
		assertThatThrownBy(() -> this.client.delete("ag_missing")).isInstanceOf(MistralNotFoundException.class)
			.hasMessageContaining("Agent not found");
	}

	@Test
	void updateVersionSwitchesTheCurrentVersion() {
		wireMock.stubJson(patch(urlPathEqualTo(AGENT_PATH + "/version")), "agents_api_v1_agents_update_version",
				AgentFixtures.AGENT);

		assertThat(this.client.updateVersion(AgentFixtures.AGENT_ID, 1).id()).isEqualTo(AgentFixtures.AGENT_ID);

		this.server
			.verify(patchRequestedFor(urlPathEqualTo(AGENT_PATH + "/version")).withQueryParam("version", equalTo("1")));
	}

	@Test
	void listVersionsSendsThePage() {
		wireMock.stubJson(get(urlPathEqualTo(AGENT_PATH + "/versions")), "agents_api_v1_agents_list_versions",
				"[" + AgentFixtures.AGENT + "," + AgentFixtures.MINIMAL_AGENT + "]");

		assertThat(this.client.listVersions(AgentFixtures.AGENT_ID, 1, 2)).extracting(Agent::version)
			.containsExactly(2, 3);
		assertThat(this.client.listVersions(AgentFixtures.AGENT_ID)).hasSize(2);

		this.server.verify(1,
				getRequestedFor(urlPathEqualTo(AGENT_PATH + "/versions")).withQueryParam("page", equalTo("1"))
					.withQueryParam("page_size", equalTo("2")));
		this.server.verify(1, getRequestedFor(urlPathEqualTo(AGENT_PATH + "/versions")).withoutQueryParam("page"));
	}

	@Test
	void getVersionReadsOneVersion() {
		wireMock.stubJson(get(urlPathEqualTo(AGENT_PATH + "/versions/2")), "agents_api_v1_agents_get_version",
				AgentFixtures.AGENT);

		assertThat(this.client.getVersion(AgentFixtures.AGENT_ID, 2).versionMessage()).isEqualTo("Second version");
	}

	@Test
	void aliasesAreCreatedListedAndDeleted() {
		wireMock.stubJson(put(urlPathEqualTo(AGENT_PATH + "/aliases")), "agents_api_v1_agents_create_or_update_alias",
				AgentFixtures.ALIAS);
		wireMock.stubJson(get(urlPathEqualTo(AGENT_PATH + "/aliases")), "agents_api_v1_agents_list_version_aliases",
				"[" + AgentFixtures.ALIAS + "]");
		this.server.stubFor(delete(urlPathEqualTo(AGENT_PATH + "/aliases")).willReturn(aResponse().withStatus(204)));

		AgentAlias alias = this.client.createOrUpdateAlias(AgentFixtures.AGENT_ID, "production", 2);
		List<AgentAlias> aliases = this.client.listVersionAliases(AgentFixtures.AGENT_ID);
		this.client.deleteAlias(AgentFixtures.AGENT_ID, "production");

		assertThat(alias.alias()).isEqualTo("production");
		assertThat(alias.version()).isEqualTo(2);
		assertThat(alias.updatedAt()).isEqualTo(OffsetDateTime.of(2026, 12, 1, 11, 0, 0, 0, ZoneOffset.UTC));
		assertThat(aliases).containsExactly(alias);
		this.server.verify(
				putRequestedFor(urlPathEqualTo(AGENT_PATH + "/aliases")).withQueryParam("alias", equalTo("production"))
					.withQueryParam("version", equalTo("2")));
		this.server.verify(deleteRequestedFor(urlPathEqualTo(AGENT_PATH + "/aliases")).withQueryParam("alias",
				equalTo("production")));
	}

	@Test
	void invalidRequestsFailBeforeAnythingIsSent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateAgentRequest.builder().model("mistral-small-latest").build())
			.withMessageContaining("needs a name");
		assertThatIllegalArgumentException().isThrownBy(() -> CreateAgentRequest.builder().name("x").build())
			.withMessageContaining("needs a model");
		assertThatIllegalArgumentException().isThrownBy(() -> UpdateAgentRequest.builder().handoffs(List.of()).build())
			.withMessageContaining("handoffs");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CompletionArgs.builder().toolChoice(ToolChoice.function("get_painter")).build())
			.withMessageContaining("not a named function");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UpdateAgentRequest.builder().versionMessage("x".repeat(501)).build())
			.withMessageContaining("500");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.createOrUpdateAlias(AgentFixtures.AGENT_ID, "Production", 1))
			.withMessageContaining("lower-case");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.deleteAlias(AgentFixtures.AGENT_ID, "a-"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.get(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.listVersions(AgentFixtures.AGENT_ID, 0, 101));
		assertThat(wireMock.requestCount()).isZero();
	}

	@Test
	void readmeExampleCompilesAndWorks() {
		wireMock.stubJson(post("/v1/agents"), "agents_api_v1_agents_create", AgentFixtures.MINIMAL_AGENT);
		wireMock.stubJson(patch(urlPathEqualTo(AGENT_PATH)), "agents_api_v1_agents_update", AgentFixtures.AGENT);
		wireMock.stubJson(put(urlPathEqualTo(AGENT_PATH + "/aliases")), "agents_api_v1_agents_create_or_update_alias",
				AgentFixtures.ALIAS);
		wireMock.stubJson(get(urlPathEqualTo(AGENT_PATH)), "agents_api_v1_agents_get", AgentFixtures.AGENT);
		wireMock.stubJson(get(urlPathEqualTo("/v1/agents/pages")), "agents_api_v1_agents_list_pages",
				"{\"object\":\"list\",\"data\":[],\"next_page_token\":null}");
		MistralAgentsClient agents = this.client;
		String libraryId = "lib_1";

		// README: "Agents"
		Agent agent = agents.create(CreateAgentRequest.builder()
			.model("mistral-medium-latest")
			.name("painter-expert")
			.instructions("Answer questions about French painters.")
			.tools(Tool.webSearch(), new DocumentLibraryTool(null, List.of(libraryId)))
			.completionArgs(CompletionArgs.builder().temperature(0.3).build())
			.build());
		Agent renamed = agents.update(agent.id(), UpdateAgentRequest.builder().name("painters").build());
		agents.createOrUpdateAlias(agent.id(), "production", renamed.version());
		Agent production = agents.get(agent.id(), "production"); // a version number or an
																	// alias
		AgentPage page = agents.listPages(ListAgentsRequest.builder().search("paint").pageSize(50).build());

		assertThat(production.version()).isEqualTo(2);
		assertThat(page.data()).isEmpty();
		this.server
			.verify(putRequestedFor(urlPathEqualTo(AGENT_PATH + "/aliases")).withQueryParam("version", equalTo("2")));
	}

}
