package dev.mistralboot.autoconfigure.agents;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.autoconfigure.observation.MistralObservationAutoConfiguration;
import dev.mistralboot.client.agents.Agent;
import dev.mistralboot.client.agents.CreateAgentRequest;
import dev.mistralboot.client.agents.MistralAgentsClient;
import dev.mistralboot.client.test.MistralWireMock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured agents client is observed like the other clients: creating an agent
 * is {@code create_agent} (the GenAI conventions' name), the other agents operations keep
 * their own names.
 */
class MistralAgentsObservationTests {

	static final String AGENT = """
			{"model":"mistral-medium-latest","name":"painter-expert","object":"agent","id":"ag_0198a2b6c1d47e3f9a",
			 "version":0,"versions":[0],"created_at":"2026-11-30T09:15:00Z","updated_at":"2026-11-30T09:15:00Z",
			 "deployment_chat":false,"source":"api","tools":[]}
			""";

	@RegisterExtension
	static final MistralWireMock mistral = new MistralWireMock();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class,
				MistralObservationAutoConfiguration.class));

	@Test
	void createIsCreateAgentAndGetKeepsItsName() {
		mistral.stubJson(post("/v1/agents"), "agents_api_v1_agents_create", AGENT);
		mistral.stubJson(get(urlPathEqualTo("/v1/agents/ag_0198a2b6c1d47e3f9a")), "agents_api_v1_agents_get", AGENT);
		this.runner.withPropertyValues("mistral.api-key=test-key-abc", "mistral.base-url=" + mistral.baseUrl())
			.run((context) -> {
				MistralAgentsClient agents = context.getBean(MistralAgentsClient.class);
				Agent agent = agents
					.create(CreateAgentRequest.builder().model("mistral-medium-latest").name("painter-expert").build());
				agents.get(agent.id());

				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("gen_ai.client.operation")
					.tag("gen_ai.operation.name", "create_agent")
					.tag("gen_ai.request.model", "mistral-medium-latest")
					.timer()
					.count()).isEqualTo(1);
				assertThat(meters.get("gen_ai.client.operation")
					.tag("gen_ai.operation.name", "agents.get")
					.timer()
					.count()).isEqualTo(1);
			});
	}

}
