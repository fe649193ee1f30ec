package dev.mistralboot.test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mistralboot.client.agents.Agent;
import dev.mistralboot.client.agents.AgentAlias;
import dev.mistralboot.client.agents.AgentPage;
import dev.mistralboot.client.agents.CreateAgentRequest;
import dev.mistralboot.client.agents.ListAgentsRequest;
import dev.mistralboot.client.agents.MistralAgentsClient;
import dev.mistralboot.client.agents.ReactiveMistralAgentsClient;
import dev.mistralboot.client.agents.UpdateAgentRequest;
import dev.mistralboot.client.chat.DocumentLibraryTool;
import dev.mistralboot.client.chat.Tool;
import dev.mistralboot.client.chat.WebSearchTool;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.reactive.JdkClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MockMistral}'s agents API: agents created, read, listed, updated into new
 * versions, switched between versions, aliased and deleted behave consistently, through
 * the typed clients; every request and JSON answer is checked against the OpenAPI
 * description.
 */
class MockMistralAgentsTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private OpenApiContract contract;

	private MockMistral mock;

	private MistralAgentsClient agents;

	private final List<String> responseViolations = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		this.contract = OpenApiContract.get();
		this.mock = MockMistral.start(this.contract);
		this.mock.wireMock().addMockServiceRequestListener((request, response) -> {
			if (response.getStatus() != 204
					&& "application/json".equals(response.getHeaders().getContentTypeHeader().mimeTypePart())) {
				String path = request.getUrl().split("\\?", 2)[0];
				List<String> errors = this.contract.validateResponse(request.getMethod().getName(), path,
						response.getStatus(), response.getBodyAsString());
				errors.forEach((error) -> this.responseViolations
					.add(request.getMethod() + " " + path + " " + response.getStatus() + ": " + error));
			}
		});
		this.agents = new MistralAgentsClient(MistralHttp.builder()
			.baseUrl(this.mock.baseUrl())
			.apiKey("test-key")
			.retryPolicy(RetryPolicy.NONE)
			.build());
	}

	@AfterEach
	void conforms() {
		try {
			this.mock.assertAllRequestsConform();
			assertThat(this.responseViolations).as("answers that do not conform to the response schemas").isEmpty();
		}
		finally {
			this.mock.close();
		}
	}

	private Agent createPainter() {
		return this.agents.create(CreateAgentRequest.builder()
			.model("mistral-medium-latest")
			.name("painter-expert")
			.instructions("Answer questions about French painters.")
			.tools(Tool.webSearch(), new DocumentLibraryTool(null, List.of("lib_1")))
			.build());
	}

	@Test
	void createdAgentsAreReadListedAndPaged() {
		Agent painter = createPainter();
		Agent helper = this.agents
			.create(CreateAgentRequest.builder().model("mistral-small-latest").name("helper").build());

		assertThat(painter.id()).startsWith("ag_").isNotEqualTo(helper.id());
		assertThat(painter.version()).isZero();
		assertThat(painter.versions()).containsExactly(0);
		assertThat(painter.tools()).hasExactlyElementsOfTypes(WebSearchTool.class, DocumentLibraryTool.class);
		assertThat(painter.createdAt()).isNotNull();
		assertThat(this.agents.get(painter.id())).isEqualTo(painter);

		AgentPage first = this.agents.listPages(ListAgentsRequest.builder().pageSize(1).build());
		AgentPage second = this.agents
			.listPages(ListAgentsRequest.builder().pageSize(1).pageToken(first.nextPageToken()).build());
		assertThat(first.data()).extracting(Agent::id).containsExactly(painter.id());
		assertThat(second.data()).extracting(Agent::id).containsExactly(helper.id());
		assertThat(second.nextPageToken()).isNull();
		assertThat(this.agents.listPages(ListAgentsRequest.builder().search("paint").build()).data())
			.extracting(Agent::id)
			.containsExactly(painter.id());
		@SuppressWarnings("deprecation")
		List<Agent> listed = this.agents.list(ListAgentsRequest.builder().page(0).pageSize(5).build());
		assertThat(listed).extracting(Agent::name).containsExactly("painter-expert", "helper");
	}

	@Test
	void updatesMakeVersionsThatCanBeSwitchedAndAliased() {
		Agent painter = createPainter();

		Agent renamed = this.agents.update(painter.id(),
				UpdateAgentRequest.builder().name("painters").versionMessage("Renamed").build());
		assertThat(renamed.version()).isEqualTo(1);
		assertThat(renamed.versions()).containsExactly(0, 1);
		assertThat(renamed.name()).isEqualTo("painters");
		assertThat(renamed.instructions()).isEqualTo(painter.instructions());
		assertThat(renamed.versionMessage()).isEqualTo("Renamed");
		assertThat(this.agents.listVersions(painter.id())).extracting(Agent::name)
			.containsExactly("painter-expert", "painters");
		assertThat(this.agents.getVersion(painter.id(), 0).name()).isEqualTo("painter-expert");

		AgentAlias alias = this.agents.createOrUpdateAlias(painter.id(), "production", 0);
		assertThat(alias.version()).isZero();
		assertThat(this.agents.get(painter.id(), "production").name()).isEqualTo("painter-expert");
		assertThat(this.agents.createOrUpdateAlias(painter.id(), "production", 1).createdAt())
			.isEqualTo(alias.createdAt());
		assertThat(this.agents.listVersionAliases(painter.id())).singleElement()
			.extracting(AgentAlias::version)
			.isEqualTo(1);
		this.agents.deleteAlias(painter.id(), "production");
		assertThat(this.agents.listVersionAliases(painter.id())).isEmpty();
		assertThatThrownBy(() -> this.agents.deleteAlias(painter.id(), "production"))
			.isInstanceOf(MistralNotFoundException.class);

		Agent switched = this.agents.updateVersion(painter.id(), 0);
		assertThat(switched.version()).isZero();
		assertThat(this.agents.get(painter.id()).name()).isEqualTo("painter-expert");
		assertThatThrownBy(() -> this.agents.updateVersion(painter.id(), 7))
			.isInstanceOf(MistralNotFoundException.class);
	}

	@Test
	void deletedAgentsAreGone() {
		Agent painter = createPainter();

		this.agents.delete(painter.id());

		assertThatThrownBy(() -> this.agents.get(painter.id())).isInstanceOf(MistralNotFoundException.class)
			.hasMessageContaining(painter.id());
		assertThat(this.agents.listPages().data()).isEmpty();
	}

	@Test
	void theReactiveClientSeesTheSameAgents() {
		ReactiveMistralAgentsClient reactive = new ReactiveMistralAgentsClient(ReactiveMistralHttp.builder()
			.baseUrl(this.mock.baseUrl())
			.apiKey("test-key")
			.retryPolicy(RetryPolicy.NONE)
			.connector(new JdkClientHttpConnector(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()))
			.build());
		Agent painter = createPainter();

		assertThat(reactive.get(painter.id()).block(WAIT)).isEqualTo(painter);
		reactive.delete(painter.id()).block(WAIT);
		assertThatThrownBy(() -> reactive.get(painter.id()).block(WAIT)).isInstanceOf(MistralNotFoundException.class);
	}

}
