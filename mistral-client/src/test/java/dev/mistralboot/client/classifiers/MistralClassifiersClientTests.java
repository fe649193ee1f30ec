package dev.mistralboot.client.classifiers;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.core.MistralRateLimitException;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MistralClassifiersClientTests {

	static final String MODERATION = """
			{"id":"4d3a5d8f1c0e4b6a","model":"mistral-moderation-2411","results":[
			 {"categories":{"sexual":false,"hate_and_discrimination":false,"violence_and_threats":true,"dangerous_and_criminal_content":false,"selfharm":false,"health":false,"financial":false,"law":false,"pii":false},
			  "category_scores":{"sexual":0.0001,"hate_and_discrimination":0.002,"violence_and_threats":0.91,"dangerous_and_criminal_content":0.04,"selfharm":0.0003,"health":0.0001,"financial":0.0001,"law":0.0002,"pii":0.0005}},
			 {"categories":{"sexual":false,"violence_and_threats":false,"brand_new_category":false},
			  "category_scores":{"sexual":0.0002,"violence_and_threats":0.01,"brand_new_category":0.0}}]}
			""";

	static final String CLASSIFICATION = """
			{"id":"9b1e0c7d","model":"ft:classifier:ministral-3b-latest:82e41a52:20250213:7a4d8b1c","results":[
			 {"sentiment":{"scores":{"positive":0.91,"neutral":0.07,"negative":0.02}},
			  "topic":{"scores":{"food":0.8,"travel":0.2}}}]}
			""";

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	WireMockServer server;

	MistralClassifiersClient client;

	@BeforeEach
	void start() {
		this.server = wireMock.server();
		this.client = new MistralClassifiersClient(wireMock.retryingHttp(),
				new ClassifiersDefaults("mistral-moderation-latest"));
	}

	@Test
	void moderateSendsTextsWithTheDefaultModel() {
		this.server.stubFor(post("/v1/moderations")
			.willReturn(okJson(MistralWireMock.conformingResponse("moderations_v1_moderations_post", MODERATION))));

		ModerationResponse response = this.client.moderate(new ClassificationRequest(null, Map.of("app", "forum"),
				java.util.List.of("I will hurt you", "Nice weather")));

		assertThat(response.flagged()).isTrue();
		assertThat(response.results()).hasSize(2);
		assertThat(response.results().get(0).flaggedCategories()).containsExactly("violence_and_threats");
		assertThat(response.results().get(0).categoryScores()).containsEntry("violence_and_threats", 0.91);
		assertThat(response.results().get(1).flagged()).isFalse();
		assertThat(response.results().get(1).categories()).containsKey("brand_new_category");
		this.server.verify(postRequestedFor(urlEqualTo("/v1/moderations"))
			.withHeader("Authorization", equalTo("Bearer " + MistralWireMock.API_KEY))
			.withRequestBody(equalToJson(
					"""
							{"model":"mistral-moderation-latest","metadata":{"app":"forum"},"input":["I will hurt you","Nice weather"]}""")));
	}

	@Test
	void moderateChatSendsConversations() {
		this.server.stubFor(post("/v1/chat/moderations").willReturn(
				okJson(MistralWireMock.conformingResponse("chat_moderations_v1_chat_moderations_post", MODERATION))));

		ModerationResponse response = this.client.moderateChat(ChatModerationRequest.builder()
			.conversation(ChatMessage.user("How do I hurt someone?"), ChatMessage.assistant("I can't help with that."))
			.conversation(ChatMessage.user("Nice weather today"))
			.model("mistral-moderation-2411")
			.build());

		assertThat(response.model()).isEqualTo("mistral-moderation-2411");
		this.server.verify(postRequestedFor(urlEqualTo("/v1/chat/moderations")).withRequestBody(equalToJson(
				"""
						{"model":"mistral-moderation-2411","input":[
						  [{"role":"user","content":"How do I hurt someone?"},{"role":"assistant","content":"I can't help with that."}],
						  [{"role":"user","content":"Nice weather today"}]]}""")));
	}

	@Test
	void classifySendsTextsToTheClassifier() {
		this.server.stubFor(post("/v1/classifications").willReturn(
				okJson(MistralWireMock.conformingResponse("classifications_v1_classifications_post", CLASSIFICATION))));
		String model = "ft:classifier:ministral-3b-latest:82e41a52:20250213:7a4d8b1c";

		ClassificationResponse response = this.client
			.classify(ClassificationRequest.of(model, java.util.List.of("Loved the pasta in Rome")));

		assertThat(response.results()).singleElement().satisfies((result) -> {
			assertThat(result.get("sentiment").topLabel()).isEqualTo("positive");
			assertThat(result.get("topic").scores()).containsEntry("travel", 0.2);
		});
		this.server.verify(postRequestedFor(urlEqualTo("/v1/classifications"))
			.withRequestBody(equalToJson("{\"model\":\"" + model + "\",\"input\":[\"Loved the pasta in Rome\"]}")));
	}

	@Test
	void classifyChatSendsInstructRequests() {
		this.server.stubFor(post("/v1/chat/classifications").willReturn(okJson(MistralWireMock
			.conformingResponse("chat_classifications_v1_chat_classifications_post", CLASSIFICATION))));

		ClassificationResponse response = this.client.classifyChat(ChatClassificationRequest.of("ft:classifier:x",
				InstructRequest.of(ChatMessage.user("Loved it"), ChatMessage.assistant("Glad to hear!"))));

		assertThat(response.results().get(0)).containsKeys("sentiment", "topic");
		this.server.verify(postRequestedFor(urlEqualTo("/v1/chat/classifications")).withRequestBody(equalToJson(
				"""
						{"model":"ft:classifier:x","input":[{"messages":[{"role":"user","content":"Loved it"},{"role":"assistant","content":"Glad to hear!"}]}]}""")));
	}

	@Test
	void rateLimitIsTypedAfterRetries() {
		this.server.stubFor(post("/v1/moderations").willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("Retry-After", "1")
			.withBody("{\"message\":\"Requests rate limit exceeded\"}")));
		MistralClassifiersClient limited = new MistralClassifiersClient(
				dev.mistralboot.client.core.MistralHttp.builder()
					.baseUrl(this.server.baseUrl())
					.apiKey(MistralWireMock.API_KEY)
					.retryPolicy(new RetryPolicy(2, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1),
							java.time.Duration.ofSeconds(5)))
					.sleeper((delay) -> {
					})
					.build(),
				new ClassifiersDefaults("mistral-moderation-latest"));

		assertThatThrownBy(() -> limited.moderate(ClassificationRequest.of("x")))
			.isInstanceOf(MistralRateLimitException.class)
			.hasMessageContaining("Requests rate limit exceeded")
			.hasMessageNotContaining(MistralWireMock.API_KEY);
		assertThat(this.server.getAllServeEvents()).hasSize(2);
	}

	@Test
	void badInputIsRejectedBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClassificationRequest.of())
			.withMessageContaining("at least one input");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.classify(ClassificationRequest.of("x")))
			.withMessageContaining("classifier model");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatModerationRequest.builder().build())
			.withMessageContaining("at least one conversation");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new MistralClassifiersClient(wireMock.retryingHttp()).moderate(ClassificationRequest.of("x")))
			.withMessageContaining("mistral.classifiers.moderation-model");
		assertThat(this.server.getAllServeEvents()).isEmpty();
	}

}
