package dev.mistralboot.autoconfigure.tools;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.client.chat.tools.MistralTool;
import dev.mistralboot.client.chat.tools.ToolParam;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.client.conversations.ConversationRequest;
import dev.mistralboot.client.conversations.MistralConversationsClient;
import dev.mistralboot.client.conversations.ReactiveMistralConversationsClient;
import dev.mistralboot.client.conversations.ReactiveToolCallingConversations;
import dev.mistralboot.client.conversations.ToolCallingConversations;
import dev.mistralboot.client.conversations.ToolCallingTurn;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation tool loop beans of {@link MistralToolsAutoConfiguration}: present with
 * a conversations client, answering function calls with the application's
 * {@link MistralTool} beans over HTTP (requests checked against the API description).
 */
class ConversationToolsAutoConfigurationTests {

	private static final String ID = "conv_0198a2b6c1d47e3f9a";

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralToolsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=sk-test-5e3a9c0f1d", "mistral.base-url=" + wireMock.baseUrl());

	@Test
	void theLoopsAreBeansWhenThereAreConversationsClients() {
		this.runner.withUserConfiguration(Clients.class).run((context) -> {
			assertThat(context).hasSingleBean(ToolCallingConversations.class)
				.hasSingleBean(ReactiveToolCallingConversations.class);
			assertThat(context.getBean(ToolCallingConversations.class).registry())
				.isSameAs(context.getBean(ToolRegistry.class));
		});
	}

	@Test
	void noLoopWithoutAConversationsClientAndNoReactiveLoopWithoutWebFlux() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ToolCallingConversations.class)
			.doesNotHaveBean(ReactiveToolCallingConversations.class));
		this.runner.withUserConfiguration(BlockingClient.class)
			.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive.function.client",
					"reactor.core.publisher"))
			.run((context) -> assertThat(context).hasSingleBean(ToolCallingConversations.class)
				.doesNotHaveBean(ReactiveToolCallingConversations.class));
	}

	@Test
	void theToolBeansAnswerTheFunctionCallsOfAConversation() {
		wireMock.stubJson(WireMock.post("/v1/conversations"), "agents_api_v1_conversations_start",
				"""
						{"object":"conversation.response","conversation_id":"%s","outputs":[
						 {"object":"entry","type":"function.call","created_at":"2026-12-02T10:00:02Z","id":"fc_1",
						  "tool_call_id":"D681PevKs","name":"retrieve_payment_status","arguments":"{\\"transaction_id\\":\\"T1001\\"}"}],
						 "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}"""
					.formatted(ID));
		wireMock.stubJson(WireMock.post("/v1/conversations/" + ID), "agents_api_v1_conversations_append", """
				{"object":"conversation.response","conversation_id":"%s","outputs":[
				 {"object":"entry","type":"message.output","created_at":"2026-12-02T10:00:03Z","id":"msg_1",
				  "role":"assistant","content":"T1001 is Paid."}],
				 "usage":{"prompt_tokens":20,"completion_tokens":5,"total_tokens":25}}""".formatted(ID));
		this.runner.withUserConfiguration(Clients.class).run((context) -> {
			ToolCallingTurn turn = context.getBean(ToolCallingConversations.class)
				.start(ConversationRequest.builder().model("mistral-medium-latest").inputs("T1001?").build());
			assertThat(turn.text()).isEqualTo("T1001 is Paid.");
			assertThat(context.getBean(Payments.class).calls).containsExactly("T1001");

			ToolCallingTurn reactive = context.getBean(ReactiveToolCallingConversations.class)
				.start(ConversationRequest.builder().model("mistral-medium-latest").inputs("T1001?").build())
				.block(Duration.ofSeconds(30));
			assertThat(reactive.text()).isEqualTo("T1001 is Paid.");
		});
		List<JsonNode> appends = wireMock.server()
			.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/v1/conversations/" + ID)))
			.stream()
			.map((request) -> MistralJson.defaultMapper().readTree(request.getBodyAsString()))
			.toList();
		assertThat(appends).hasSize(2)
			.allSatisfy((append) -> assertThat(append).isEqualTo(MistralJson.defaultMapper().readTree("""
					{"inputs":[{"tool_call_id":"D681PevKs","result":"{\\"status\\":\\"Paid\\"}",
					  "object":"entry","type":"function.result"}]}""")));
	}

	@Test
	void theAutoConfiguredConversationsClientsGetTheLoopWithTheirDefaults() {
		wireMock.stubJson(WireMock.post("/v1/conversations"), "agents_api_v1_conversations_start", """
				{"object":"conversation.response","conversation_id":"%s","outputs":[
				 {"object":"entry","type":"message.output","created_at":"2026-12-02T10:00:03Z","id":"msg_1",
				  "role":"assistant","content":"Hello."}],
				 "usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}""".formatted(ID));
		ApplicationContextRunner runner = this.runner
			.withConfiguration(AutoConfigurations.of(MistralClientsAutoConfiguration.class))
			.withUserConfiguration(Tools.class);
		runner.withPropertyValues("mistral.conversations.model=mistral-small-latest").run((context) -> {
			assertThat(context).hasSingleBean(ToolCallingConversations.class)
				.hasSingleBean(ReactiveToolCallingConversations.class);
			context.getBean(ToolCallingConversations.class)
				.start(ConversationRequest.builder().inputs("Hello").build());
		});
		runner.withPropertyValues("mistral.conversations.agent-id=ag_1")
			.run((context) -> context.getBean(ReactiveToolCallingConversations.class)
				.start(ConversationRequest.builder().inputs("Hello").build())
				.block(Duration.ofSeconds(30)));
		runner.withPropertyValues("mistral.conversations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ToolCallingConversations.class)
				.doesNotHaveBean(ReactiveToolCallingConversations.class));
		List<JsonNode> starts = wireMock.server()
			.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/v1/conversations")))
			.stream()
			.map((request) -> MistralJson.defaultMapper().readTree(request.getBodyAsString()))
			.toList();
		assertThat(starts).hasSize(2);
		// a model conversation gets the registry's tools, an agent's keeps the agent's
		// own
		assertThat(starts.get(0).get("model").asString()).isEqualTo("mistral-small-latest");
		assertThat(starts.get(0).get("tools").get(0).get("function").get("name").asString())
			.isEqualTo("retrieve_payment_status");
		assertThat(starts.get(1).get("agent_id").asString()).isEqualTo("ag_1");
		assertThat(starts.get(1).has("tools")).isFalse();
	}

	public static class Payments {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@MistralTool(name = "retrieve_payment_status", description = "Get payment status of a transaction")
		public Map<String, String> status(@ToolParam(name = "transaction_id") String transactionId) {
			this.calls.add(transactionId);
			return Map.of("status", "Paid");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Tools {

		@Bean
		Payments payments() {
			return new Payments();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BlockingClient {

		@Bean
		Payments payments() {
			return new Payments();
		}

		@Bean
		MistralConversationsClient conversations(MistralHttp http) {
			return new MistralConversationsClient(http);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Clients extends BlockingClient {

		@Bean
		ReactiveMistralConversationsClient reactiveConversations(ReactiveMistralHttp http) {
			return new ReactiveMistralConversationsClient(http);
		}

	}

}
