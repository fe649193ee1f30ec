package dev.mistralboot.autoconfigure.conversations;

import java.util.List;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.autoconfigure.observation.MistralObservationAutoConfiguration;
import dev.mistralboot.client.conversations.AppendConversationRequest;
import dev.mistralboot.client.conversations.ConversationEvent;
import dev.mistralboot.client.conversations.ConversationRequest;
import dev.mistralboot.client.conversations.ConversationResponse;
import dev.mistralboot.client.conversations.MistralConversationsClient;
import dev.mistralboot.client.conversations.ReactiveMistralConversationsClient;
import dev.mistralboot.client.conversations.RestartConversationRequest;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralStream;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Auto-configuration of the conversations clients: beans, {@code mistral.conversations.*}
 * settings applied to the conversations a real request starts, and observations: start,
 * append and restart (whole or streamed, blocking or reactive) are {@code invoke_agent}
 * with the turn's token usage, the other operations keep their own names.
 */
class MistralConversationsAutoConfigurationTests {

	static final String CONVERSATION_ID = "conv_0198a2b6c1d47e3f9a";

	static final String PATH = "/v1/conversations/" + CONVERSATION_ID;

	static final String RESPONSE = """
			{"object":"conversation.response","conversation_id":"conv_0198a2b6c1d47e3f9a",
			 "outputs":[{"object":"entry","type":"message.output","created_at":"2026-12-02T10:00:03Z",
			   "completed_at":"2026-12-02T10:00:04Z","id":"msg_2","agent_id":"ag_support","model":"mistral-medium-latest",
			   "role":"assistant","content":"Your payment was made."}],
			 "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}""";

	static final String STARTED = """
			{"type":"conversation.response.started","created_at":"2026-12-02T10:00:00Z","conversation_id":"conv_0198a2b6c1d47e3f9a"}""";

	static final String TEXT = """
			{"type":"message.output.delta","output_index":0,"id":"msg_3","content_index":0,"role":"assistant",
			 "content":"Paid.","model":"mistral-medium-latest","agent_id":"ag_support"}""";

	static final String DONE = """
			{"type":"conversation.response.done","created_at":"2026-12-02T10:00:06Z",
			 "usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120}}""";

	@RegisterExtension
	static final MistralWireMock mistral = new MistralWireMock();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=sk-test");

	@Test
	void createsBothClients() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(MistralConversationsClient.class)
			.hasSingleBean(ReactiveMistralConversationsClient.class)
			.hasSingleBean(MistralConversationsProperties.class));
	}

	@Test
	void bindsEverySetting() {
		this.runner
			.withPropertyValues("mistral.conversations.agent-id=ag_support",
					"mistral.conversations.model=mistral-medium-latest")
			.run((context) -> {
				MistralConversationsProperties properties = context.getBean(MistralConversationsProperties.class);
				assertThat(properties.isEnabled()).isTrue();
				assertThat(properties.getAgentId()).isEqualTo("ag_support");
				assertThat(properties.getModel()).isEqualTo("mistral-medium-latest");
			});
	}

	/**
	 * A family is created, and its settings checked, when the application first uses it:
	 * here, at start-up.
	 */
	@Test
	void rejectsABlankSettingNamingIt() {
		this.runner.withBean(UsesConversations.class)
			.withPropertyValues("mistral.conversations.agent-id= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("defaultAgentId (mistral.conversations.agent-id) must not be blank: "
						+ "give a value or leave it null"));
		this.runner.withBean(UsesConversations.class)
			.withPropertyValues("mistral.conversations.model=")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("mistral.conversations.model"));
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("mistral.conversations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MistralConversationsClient.class)
				.doesNotHaveBean(ReactiveMistralConversationsClient.class)
				.doesNotHaveBean(MistralConversationsProperties.class)
				.hasSingleBean(MistralHttp.class));
	}

	@Test
	void backsOffForTheApplicationsOwnClient() {
		MistralConversationsClient own = new MistralConversationsClient(MistralHttp.builder().apiKey("sk-own").build());
		this.runner.withBean(MistralConversationsClient.class, () -> own)
			.run((context) -> assertThat(context).getBean(MistralConversationsClient.class).isSameAs(own));
	}

	@Test
	void withoutDefaultsAConversationMustNameItsAgentOrModel() {
		this.runner.withPropertyValues("mistral.base-url=" + mistral.baseUrl())
			.run((context) -> assertThatIllegalArgumentException()
				.isThrownBy(() -> context.getBean(MistralConversationsClient.class)
					.start(ConversationRequest.builder().inputs("Hi").build()))
				.withMessageContaining("mistral.conversations.agent-id")
				.withMessageContaining("mistral.conversations.model"));
		assertThat(mistral.requestCount()).isZero();
	}

	@Test
	void theDefaultAgentStartsConversationsThatNameNobody() {
		mistral.stubJson(post("/v1/conversations"), "agents_api_v1_conversations_start", RESPONSE);
		this.runner
			.withPropertyValues("mistral.base-url=" + mistral.baseUrl(), "mistral.conversations.agent-id=ag_support",
					"mistral.conversations.model=mistral-medium-latest")
			.run((context) -> {
				MistralConversationsClient conversations = context.getBean(MistralConversationsClient.class);
				conversations.start(ConversationRequest.builder().inputs("Where is T1001?").build());
				// a request that names its model keeps it
				conversations
					.start(ConversationRequest.builder().model("mistral-large-latest").inputs("And T1002?").build());
				context.getBean(ReactiveMistralConversationsClient.class)
					.start(ConversationRequest.builder().inputs("And T1003?").build())
					.block();
			});
		mistral.server()
			.verify(postRequestedFor(urlPathEqualTo("/v1/conversations")).withRequestBody(equalToJson(
					"{\"agent_id\":\"ag_support\",\"inputs\":[{\"role\":\"user\",\"content\":\"Where is T1001?\","
							+ "\"object\":\"entry\",\"type\":\"message.input\"}]}")));
		mistral.server()
			.verify(postRequestedFor(urlPathEqualTo("/v1/conversations")).withRequestBody(equalToJson(
					"{\"model\":\"mistral-large-latest\",\"inputs\":[{\"role\":\"user\",\"content\":\"And T1002?\","
							+ "\"object\":\"entry\",\"type\":\"message.input\"}]}")));
		mistral.server()
			.verify(postRequestedFor(urlPathEqualTo("/v1/conversations")).withRequestBody(equalToJson(
					"{\"agent_id\":\"ag_support\",\"inputs\":[{\"role\":\"user\",\"content\":\"And T1003?\","
							+ "\"object\":\"entry\",\"type\":\"message.input\"}]}")));
	}

	@Test
	void theDefaultModelStartsConversationsWhenNoAgentIsSet() {
		mistral.stubJson(post("/v1/conversations"), "agents_api_v1_conversations_start", RESPONSE);
		this.runner
			.withPropertyValues("mistral.base-url=" + mistral.baseUrl(),
					"mistral.conversations.model=mistral-medium-latest")
			.run((context) -> {
				context.getBean(MistralConversationsClient.class)
					.start(ConversationRequest.builder().inputs("Hi").build());
				context.getBean(ReactiveMistralConversationsClient.class)
					.start(ConversationRequest.builder().inputs("Hi").build())
					.block();
			});
		mistral.server()
			.verify(2,
					postRequestedFor(urlPathEqualTo("/v1/conversations")).withRequestBody(equalToJson(
							"{\"model\":\"mistral-medium-latest\",\"inputs\":[{\"role\":\"user\",\"content\":\"Hi\","
									+ "\"object\":\"entry\",\"type\":\"message.input\"}]}")));
	}

	@Test
	void startAppendAndRestartAreInvokeAgentWithTheirTokenUsage() {
		mistral.stubJson(post("/v1/conversations"), "agents_api_v1_conversations_start", RESPONSE);
		mistral.stubJson(post(PATH), "agents_api_v1_conversations_append", RESPONSE);
		mistral.stubJson(post(PATH + "/restart"), "agents_api_v1_conversations_restart", RESPONSE);
		String events = events("ResponseStartedEvent", STARTED, "MessageOutputEvent", TEXT, "ResponseDoneEvent", DONE);
		for (String path : List.of("/v1/conversations", PATH, PATH + "/restart")) {
			mistral.server()
				.stubFor(post(path).withRequestBody(containing("\"stream\":true"))
					.atPriority(1)
					.willReturn(aResponse().withStatus(200)
						.withHeader("Content-Type", "text/event-stream")
						.withBody(events)));
		}
		mistral.stubJson(get(urlPathEqualTo("/v1/conversations")), "agents_api_v1_conversations_list", "[]");
		this.runner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					MistralObservationAutoConfiguration.class))
			.withPropertyValues("mistral.base-url=" + mistral.baseUrl(), "mistral.conversations.agent-id=ag_support")
			.run((context) -> {
				MistralConversationsClient conversations = context.getBean(MistralConversationsClient.class);
				ReactiveMistralConversationsClient reactive = context.getBean(ReactiveMistralConversationsClient.class);
				ConversationRequest start = ConversationRequest.builder().inputs("Where is T1001?").build();
				AppendConversationRequest append = AppendConversationRequest.builder().inputs("Thanks").build();
				RestartConversationRequest restart = RestartConversationRequest.builder()
					.fromEntryId("msg_2")
					.inputs("Again, in French.")
					.build();
				// whole: 3 turns of 10 + 5 tokens
				ConversationResponse started = conversations.start(start);
				conversations.append(started.conversationId(), append);
				conversations.restart(started.conversationId(), restart);
				// streamed, blocking and reactive: 6 turns of 100 + 20 tokens
				try (MistralStream<ConversationEvent> stream = conversations.startStream(start)) {
					assertThat(stream.stream().count()).isEqualTo(3);
				}
				try (MistralStream<ConversationEvent> stream = conversations.appendStream(CONVERSATION_ID, append)) {
					assertThat(stream.stream().count()).isEqualTo(3);
				}
				try (MistralStream<ConversationEvent> stream = conversations.restartStream(CONVERSATION_ID, restart)) {
					assertThat(stream.stream().count()).isEqualTo(3);
				}
				assertThat(reactive.startStream(start).collectList().block()).hasSize(3);
				assertThat(reactive.appendStream(CONVERSATION_ID, append).collectList().block()).hasSize(3);
				assertThat(reactive.restartStream(CONVERSATION_ID, restart).collectList().block()).hasSize(3);
				conversations.list();

				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("gen_ai.client.operation")
					.tag("gen_ai.operation.name", "invoke_agent")
					.tag("gen_ai.response.model", "mistral-medium-latest")
					.tag("error.type", "none")
					.timers()
					.stream()
					.mapToLong((timer) -> timer.count())
					.sum()).isEqualTo(9);
				assertThat(meters.get("gen_ai.client.token.usage")
					.tag("gen_ai.operation.name", "invoke_agent")
					.tag("gen_ai.token.type", "input")
					.summary()
					.totalAmount()).isEqualTo(3 * 10 + 6 * 100);
				assertThat(meters.get("gen_ai.client.token.usage")
					.tag("gen_ai.operation.name", "invoke_agent")
					.tag("gen_ai.token.type", "output")
					.summary()
					.totalAmount()).isEqualTo(3 * 5 + 6 * 20);
				assertThat(meters.get("gen_ai.client.operation.time_to_first_chunk")
					.tag("gen_ai.operation.name", "invoke_agent")
					.timers()
					.stream()
					.mapToLong((timer) -> timer.count())
					.sum()).isEqualTo(6);
				assertThat(meters.get("gen_ai.client.operation")
					.tag("gen_ai.operation.name", "conversations.list")
					.timer()
					.count()).isEqualTo(1);
			});
	}

	/**
	 * A server-sent event stream of typed conversation events, each checked against its
	 * schema.
	 * @param schemasAndEvents pairs of schema name and event JSON
	 */
	static String events(String... schemasAndEvents) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < schemasAndEvents.length; i += 2) {
			String json = MistralWireMock.conformingSchema(schemasAndEvents[i],
					schemasAndEvents[i + 1].replace("\n", ""));
			String type = json.replaceAll(".*\"type\":\"([^\"]+)\".*", "$1");
			body.append("event: ").append(type).append("\ndata: ").append(json).append("\n\n");
		}
		return body.toString();
	}

	/**
	 * An application bean that uses the conversations client.
	 *
	 * @param client the client
	 */
	record UsesConversations(MistralConversationsClient client) {
	}

}
