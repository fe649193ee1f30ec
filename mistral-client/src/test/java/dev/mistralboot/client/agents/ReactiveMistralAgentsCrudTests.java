package dev.mistralboot.client.agents;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mistralboot.client.chat.Tool;
import dev.mistralboot.client.chat.UnknownTool;
import dev.mistralboot.client.chat.WebSearchTool;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the agents API through {@link ReactiveMistralAgentsClient}: the same
 * requests as the blocking client, nothing sent before subscription.
 */
class ReactiveMistralAgentsCrudTests {

	static final String AGENT_PATH = MistralAgentsCrudTests.AGENT_PATH;

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	WireMockServer server;

	ReactiveMistralAgentsClient client;

	@BeforeEach
	void start() {
		this.server = wireMock.server();
		this.client = new ReactiveMistralAgentsClient(wireMock.reactiveHttp());
	}

	@Test
	void createSendsTheAgentOnSubscription() {
		wireMock.stubJson(post("/v1/agents"), "agents_api_v1_agents_create", AgentFixtures.AGENT);

		Mono<Agent> created = this.client.create(CreateAgentRequest.builder()
			.model("mistral-medium-latest")
			.name("painter-expert")
			.tools(Tool.webSearch())
			.handoffs("ag_0198a2b6c1d47e3f9b")
			.build());
		assertThat(wireMock.requestCount()).isZero();

		StepVerifier.create(created).assertNext((agent) -> assertThat(agent.tools()).hasSize(7)).verifyComplete();
		this.server.verify(postRequestedFor(urlPathEqualTo("/v1/agents")).withRequestBody(equalToJson(
				"{\"model\":\"mistral-medium-latest\",\"name\":\"painter-expert\",\"tools\":[{\"type\":\"web_search\"}],\"handoffs\":[\"ag_0198a2b6c1d47e3f9b\"]}")));
	}

	@Test
	@SuppressWarnings("deprecation")
	void listsSendTheirPagingAndFilters() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/agents/pages")), "agents_api_v1_agents_list_pages",
				"{\"object\":\"list\",\"data\":[" + AgentFixtures.MINIMAL_AGENT + "],\"next_page_token\":null}");
		wireMock.stubJson(get(urlPathEqualTo("/v1/agents")), "agents_api_v1_agents_list",
				"[" + AgentFixtures.MINIMAL_AGENT + "]");

		AgentPage page = this.client
			.listPages(ListAgentsRequest.builder().pageToken("cursor-1").metadata(Map.of("team", "art")).build())
			.block();
		List<Agent> agents = this.client.list(ListAgentsRequest.builder().page(1).build()).block();

		assertThat(page.data()).hasSize(1);
		assertThat(page.nextPageToken()).isNull();
		assertThat(agents).singleElement().extracting(Agent::name).isEqualTo("helper");
		this.server.verify(
				getRequestedFor(urlPathEqualTo("/v1/agents/pages")).withQueryParam("page_token", equalTo("cursor-1"))
					.withQueryParam("metadata", equalToJson("{\"team\":\"art\"}")));
		this.server.verify(getRequestedFor(urlPathEqualTo("/v1/agents")).withQueryParam("page", equalTo("1")));
	}

	@Test
	void getUpdateAndVersionsReadTheAgent() {
		this.server.stubFor(get(urlPathEqualTo(AGENT_PATH))
			.willReturn(okJson(AgentFixtures.AGENT.replace("{\"type\":\"web_search\"}",
					"{\"type\":\"web_search\"},{\"type\":\"video_generation\",\"fps\":24}"))));
		wireMock.stubJson(patch(urlPathEqualTo(AGENT_PATH)), "agents_api_v1_agents_update",
				AgentFixtures.MINIMAL_AGENT);
		wireMock.stubJson(patch(urlPathEqualTo(AGENT_PATH + "/version")), "agents_api_v1_agents_update_version",
				AgentFixtures.AGENT);
		wireMock.stubJson(get(urlPathEqualTo(AGENT_PATH + "/versions")), "agents_api_v1_agents_list_versions",
				"[" + AgentFixtures.AGENT + "]");
		wireMock.stubJson(get(urlPathEqualTo(AGENT_PATH + "/versions/3")), "agents_api_v1_agents_get_version",
				AgentFixtures.MINIMAL_AGENT);

		Agent agent = this.client.get(AgentFixtures.AGENT_ID, "2").block();
		Agent updated = this.client
			.update(AgentFixtures.AGENT_ID, UpdateAgentRequest.builder().tools(new WebSearchTool(null)).build())
			.block();
		Agent switched = this.client.updateVersion(AgentFixtures.AGENT_ID, 2).block();
		List<Agent> versions = this.client.listVersions(AgentFixtures.AGENT_ID, 0, 10).block();
		Agent third = this.client.getVersion(AgentFixtures.AGENT_ID, 3).block();

		assertThat(agent.tools()).hasSize(8).element(2).isInstanceOf(UnknownTool.class);
		assertThat(updated.version()).isEqualTo(3);
		assertThat(switched.version()).isEqualTo(2);
		assertThat(versions).singleElement().extracting(Agent::version).isEqualTo(2);
		assertThat(third.name()).isEqualTo("helper");
		this.server.verify(getRequestedFor(urlPathEqualTo(AGENT_PATH)).withQueryParam("agent_version", equalTo("2")));
		this.server.verify(patchRequestedFor(urlPathEqualTo(AGENT_PATH))
			.withRequestBody(equalToJson("{\"tools\":[{\"type\":\"web_search\"}]}")));
		this.server
			.verify(patchRequestedFor(urlPathEqualTo(AGENT_PATH + "/version")).withQueryParam("version", equalTo("2")));
		this.server
			.verify(getRequestedFor(urlPathEqualTo(AGENT_PATH + "/versions")).withQueryParam("page", equalTo("0"))
				.withQueryParam("page_size", equalTo("10")));
	}

	@Test
	void deletesCompleteEmptyAndErrorsAreTyped() {
		this.server.stubFor(delete(urlPathEqualTo(AGENT_PATH)).willReturn(aResponse().withStatus(204)));
		this.server.stubFor(delete(urlPathEqualTo(AGENT_PATH + "/aliases")).willReturn(aResponse().withStatus(204)));
		this.server.stubFor(delete(urlPathEqualTo("/v1/agents/ag_missing")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"object\":\"error\",\"message\":\"Agent not found\",\"type\":\"not_found\"}")));

		StepVerifier.create(this.client.deleteAlias(AgentFixtures.AGENT_ID, "production")).verifyComplete();
		StepVerifier.create(this.client.delete(AgentFixtures.AGENT_ID)).verifyComplete();
		StepVerifier.create(this.client.delete("ag_missing")).verifyError(MistralNotFoundException.class);

		this.server.verify(1, deleteRequestedFor(urlPathEqualTo(AGENT_PATH)));
		this.server.verify(deleteRequestedFor(urlPathEqualTo(AGENT_PATH + "/aliases")).withQueryParam("alias",
				equalTo("production")));
	}

	@Test
	void aliasesAreCreatedAndListed() {
		wireMock.stubJson(put(urlPathEqualTo(AGENT_PATH + "/aliases")), "agents_api_v1_agents_create_or_update_alias",
				AgentFixtures.ALIAS);
		wireMock.stubJson(get(urlPathEqualTo(AGENT_PATH + "/aliases")), "agents_api_v1_agents_list_version_aliases",
				"[" + AgentFixtures.ALIAS + "]");

		AgentAlias alias = this.client.createOrUpdateAlias(AgentFixtures.AGENT_ID, "production", 2).block();
		List<AgentAlias> aliases = this.client.listVersionAliases(AgentFixtures.AGENT_ID).block();

		assertThat(aliases).containsExactly(alias);
		this.server.verify(
				putRequestedFor(urlPathEqualTo(AGENT_PATH + "/aliases")).withQueryParam("alias", equalTo("production"))
					.withQueryParam("version", equalTo("2")));
	}

	@Test
	void invalidArgumentsFailOnSubscriptionWithoutARequest() {
		StepVerifier.create(this.client.createOrUpdateAlias(AgentFixtures.AGENT_ID, "9lives", 1))
			.verifyError(IllegalArgumentException.class);
		StepVerifier.create(this.client.get("")).verifyError(IllegalArgumentException.class);
		assertThat(wireMock.requestCount()).isZero();
	}

}
