package dev.mistralboot.client.classifiers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.core.MistralRateLimitException;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReactiveMistralClassifiersClient} over HTTP: the four operations, the default
 * moderation model, a typed error, and requests that are rejected before anything is
 * sent.
 */
class ReactiveMistralClassifiersClientTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String CLASSIFIER = "ft:classifier:ministral-3b-latest:82e41a52:20250213:7a4d8b1c";

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ReactiveMistralClassifiersClient client = new ReactiveMistralClassifiersClient(
			wireMock.reactiveHttp(), new ClassifiersDefaults("mistral-moderation-latest"));

	@Test
	void moderatesTextsAndConversations() {
		wireMock.server()
			.stubFor(post("/v1/moderations").willReturn(okJson(MistralWireMock
				.conformingResponse("moderations_v1_moderations_post", MistralClassifiersClientTests.MODERATION))));
		wireMock.server()
			.stubFor(post("/v1/chat/moderations")
				.willReturn(okJson(MistralWireMock.conformingResponse("chat_moderations_v1_chat_moderations_post",
						MistralClassifiersClientTests.MODERATION))));

		ModerationResponse texts = this.client
			.moderate(
					new ClassificationRequest(null, Map.of("app", "forum"), List.of("I will hurt you", "Nice weather")))
			.block(WAIT);
		ModerationResponse chat = this.client
			.moderateChat(ChatModerationRequest.builder().conversation(ChatMessage.user("Nice weather today")).build())
			.block(WAIT);

		assertThat(texts.flagged()).isTrue();
		assertThat(texts.results().get(0).flaggedCategories()).containsExactly("violence_and_threats");
		assertThat(chat.results()).hasSize(2);
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/moderations")).withRequestBody(equalToJson(
					"{\"model\":\"mistral-moderation-latest\",\"metadata\":{\"app\":\"forum\"},\"input\":[\"I will hurt you\",\"Nice weather\"]}")));
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/chat/moderations")).withRequestBody(equalToJson(
					"{\"model\":\"mistral-moderation-latest\",\"input\":[[{\"role\":\"user\",\"content\":\"Nice weather today\"}]]}")));
	}

	@Test
	void classifiesTextsAndConversations() {
		wireMock.server()
			.stubFor(post("/v1/classifications")
				.willReturn(okJson(MistralWireMock.conformingResponse("classifications_v1_classifications_post",
						MistralClassifiersClientTests.CLASSIFICATION))));
		wireMock.server()
			.stubFor(post("/v1/chat/classifications").willReturn(
					okJson(MistralWireMock.conformingResponse("chat_classifications_v1_chat_classifications_post",
							MistralClassifiersClientTests.CLASSIFICATION))));

		ClassificationResponse texts = this.client
			.classify(ClassificationRequest.of(CLASSIFIER, List.of("Loved the pasta in Rome")))
			.block(WAIT);
		ClassificationResponse chat = this.client
			.classifyChat(ChatClassificationRequest.of(CLASSIFIER, InstructRequest.of(ChatMessage.user("Loved it"))))
			.block(WAIT);

		assertThat(texts.results()).singleElement()
			.satisfies((result) -> assertThat(result.get("sentiment").topLabel()).isEqualTo("positive"));
		assertThat(chat.results().get(0)).containsKeys("sentiment", "topic");
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/classifications")).withRequestBody(
					equalToJson("{\"model\":\"" + CLASSIFIER + "\",\"input\":[\"Loved the pasta in Rome\"]}")));
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/chat/classifications")).withRequestBody(equalToJson("{\"model\":\""
					+ CLASSIFIER + "\",\"input\":[{\"messages\":[{\"role\":\"user\",\"content\":\"Loved it\"}]}]}")));
	}

	@Test
	void aRateLimitIsSignalledTyped() {
		wireMock.server()
			.stubFor(post("/v1/moderations").willReturn(aResponse().withStatus(429)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"object\":\"error\",\"message\":\"Requests rate limit exceeded\",\"type\":\"rate_limited\","
								+ "\"param\":null,\"code\":\"1300\"}")));

		StepVerifier.create(this.client.moderate(ClassificationRequest.of("hi")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralRateLimitException.class)
				.hasMessageContaining("rate limit"))
			.verify(WAIT);
	}

	@Test
	void requestsWithoutAModelAreRejectedBeforeSending() {
		StepVerifier.create(this.client.classify(ClassificationRequest.of("no classifier named")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("ClassificationRequest.of(model, inputs)"))
			.verify(WAIT);
		StepVerifier
			.create(new ReactiveMistralClassifiersClient(wireMock.reactiveHttp())
				.moderate(ClassificationRequest.of("no default model")))
			.expectError(IllegalArgumentException.class)
			.verify(WAIT);
		assertThat(wireMock.requestCount()).isZero();
	}

}
