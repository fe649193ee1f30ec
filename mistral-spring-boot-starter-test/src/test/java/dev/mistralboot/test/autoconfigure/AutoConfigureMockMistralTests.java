package dev.mistralboot.test.autoconfigure;

import java.util.Map;

import dev.mistralboot.client.chat.SystemMessage;
import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.test.MockMistral;
import dev.mistralboot.test.autoconfigure.TestApplication.Advisor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureMockMistral} on a user's {@code @SpringBootTest}: the
 * auto-configured clients talk to the mock, with a dummy key even when a real one is
 * configured, and the server is reset between test methods.
 */
@SpringBootTest(properties = "mistral.api-key=real-key-that-must-not-be-sent")
@AutoConfigureMockMistral
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureMockMistralTests {

	@Autowired
	private Advisor advisor;

	@Autowired
	private MockMistral mistral;

	@Autowired
	private MistralHttp http;

	@Value("${mistral.base-url}")
	private String baseUrl;

	@Test
	@Order(1)
	void clientsTalkToTheMockWithADummyKey() {
		this.mistral.chat().reply("Take an umbrella.");

		assertThat(this.advisor.advise("Will it rain today?")).isEqualTo("Take an umbrella.");

		assertThat(this.baseUrl).isEqualTo(this.mistral.baseUrl()).startsWith("http://127.0.0.1:");
		assertThat(this.http.baseUrl()).isEqualTo(this.mistral.baseUrl());
		assertThat(this.mistral.lastChatRequest().messages()).hasSize(2)
			.first()
			.isInstanceOfSatisfying(SystemMessage.class, (system) -> assertThat(system.content()).isNotNull());
		assertThat(this.mistral.requests().get(0).header("Authorization"))
			.isEqualTo("Bearer " + MockMistralContextCustomizer.DUMMY_API_KEY);
	}

	@Test
	@Order(2)
	void eachTestStartsFromAResetServer() {
		assertThat(this.mistral.requests()).isEmpty();
		assertThat(this.advisor.advise("Again?")).startsWith("This is MockMistral's default answer");
	}

	@Test
	@Order(3)
	void otherEndpointsAreSimulatedToo() {
		JsonNode embeddings = this.http
			.execute(ApiRequest.post("/v1/embeddings")
				.operation("embeddings")
				.json(Map.of("model", "mistral-embed", "input", "hello"))
				.build(), JsonNode.class)
			.body();

		assertThat(embeddings.path("data").get(0).path("embedding")).hasSize(1024);
	}

}
