package dev.mistralboot.sample;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.FunctionTool;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.test.MockMistral;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample processed ahead of time ({@code spring-boot:process-aot} in the build) and
 * run on the JVM with {@code -Dspring.aot.enabled=true} (set by failsafe), in mock mode:
 * chat, a streamed answer, tool calling, structured output, embeddings, the agent
 * conversation, the document library and audio work from the generated bean definitions,
 * as they would in a native image.
 */
class SampleAotIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static ConfigurableApplicationContext context;

	private static String base;

	@BeforeAll
	static void start() {
		assertThat(AotDetector.useGeneratedArtifacts()).as("spring.aot.enabled=true (failsafe)").isTrue();
		SpringApplication application = new SpringApplication(SampleApplication.class);
		// the AOT initializer is looked up by the main class (here the test runner's
		// otherwise)
		application.setMainApplicationClass(SampleApplication.class);
		context = application.run("--server.port=0", "--mistral.api-key=", "--spring.main.banner-mode=off");
		base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void theGeneratedInitializerIsUsed() throws ClassNotFoundException {
		Class.forName(SampleApplication.class.getName() + "__ApplicationContextInitializer");
		assertThat(context.getBean(MockMistral.class).baseUrl()).startsWith("http://127.0.0.1:");
	}

	@Test
	void chatAndStream() throws Exception {
		JsonNode answer = post("/api/chat", "{\"message\":\"Why is the sky blue?\"}");
		assertThat(answer.toString()).isNotBlank();
		HttpResponse<String> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/stream"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Hi\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.body()).contains("event:token").contains("event:done").doesNotContain("event:failure");
	}

	@Test
	void toolsAreFoundAndCalled() throws Exception {
		MockMistral mock = context.getBean(MockMistral.class);
		int before = mock.chatRequests().size();
		JsonNode answer = post("/api/payments/ask", "{\"message\":\"What is the status of transaction T1002?\"}");
		assertThat(answer.path("toolCalls").get(0).asString()).startsWith("retrieve_payment_status");
		List<ChatCompletionRequest> sent = mock.chatRequests().subList(before, mock.chatRequests().size());
		assertThat(sent.get(0).tools()).hasSize(2)
			.allSatisfy((tool) -> assertThat(tool).isInstanceOf(FunctionTool.class));
	}

	@Test
	void structuredOutput() {
		MockMistral mock = context.getBean(MockMistral.class);
		mock.chat().reply("{\"transactionId\":\"T1001\",\"amount\":125.5,\"date\":\"2021-10-05\",\"status\":\"PAID\"}");
		Payment payment = context.getBean(MistralChatClient.class)
			.complete(ChatCompletionRequest.builder().user("Payment T1001?").build(), Payment.class);
		assertThat(payment)
			.isEqualTo(new Payment("T1001", new BigDecimal("125.5"), LocalDate.of(2021, 10, 5), Status.PAID));
		assertThat(mock.lastChatRequest().responseFormat()).isNotNull();
	}

	@Test
	void embeddingsSearch() throws Exception {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create(base + "/api/search?query=French%20cheese&top=3"))
				.timeout(Duration.ofSeconds(60))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body())).hasSize(3);
		assertThat(context.getBean(MockMistral.class).requests("embeddings_v1_embeddings_post")).isNotEmpty();
	}

	@Test
	void agentConversationLibraryAndAudio() throws Exception {
		HttpResponse<String> conversation = postStream("/api/agent/conversation",
				"{\"message\":\"What is the status of transaction T1002?\"}");
		assertThat(conversation.body()).contains("event:call")
			.contains("retrieve_payment_status")
			.contains("event:result")
			.contains("Unpaid")
			.contains("event:done")
			.doesNotContain("event:failure");

		HttpResponse<String> library = postStream("/api/library/upload", "");
		assertThat(library.body()).contains("event:uploaded").contains("event:done").doesNotContain("event:failure");
		HttpResponse<String> answer = postStream("/api/library/ask",
				"{\"message\":\"Which cheese is made from sheep's milk?\"}");
		assertThat(answer.body()).contains("Roquefort").contains("event:done").doesNotContain("event:failure");

		HttpResponse<String> transcription = postStream("/api/audio/transcribe", "");
		assertThat(transcription.body()).contains("event:done").doesNotContain("event:failure");
		HttpResponse<byte[]> speech = http
			.send(HttpRequest.newBuilder(URI.create(base + "/api/audio/speech?text=Hello%20there"))
				.timeout(Duration.ofSeconds(60))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(speech.statusCode()).isEqualTo(200);
		assertThat(new String(speech.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
	}

	private static HttpResponse<String> postStream(String path, String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response;
	}

	private static JsonNode post(String path, String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	enum Status {

		PAID, PENDING

	}

	record Payment(String transactionId, BigDecimal amount, LocalDate date, Status status) {
	}

}
