package dev.mistralboot.client.chat.tools;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.mistralboot.client.chat.ChatDefaults;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.chat.ReactiveMistralChatClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.test.MistralWireMock;
import dev.mistralboot.contract.OpenApiContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat conversations scripted on the test class's {@link MistralWireMock}: answers
 * {@code POST /v1/chat/completions} with a sequence of answers (one per request, in
 * order), a chat client pointed at it, and the request bodies it got. Every fixture is
 * checked against the response schemas of the API description; the requests are checked
 * by {@link MistralWireMock} after each test.
 */
public final class ChatTestServer {

	static final String OPERATION = "chat_completion_v1_chat_completions_post";

	/** The key the client sends; it must never show up in messages. */
	public static final String API_KEY = MistralWireMock.API_KEY;

	private final WireMockServer server;

	private final JsonMapper mapper = MistralJson.defaultMapper();

	private final MistralChatClient chat;

	private final MistralWireMock wireMock;

	private int stubs;

	/**
	 * Scripts conversations on the given server.
	 * @param wireMock the test class's server
	 */
	public ChatTestServer(MistralWireMock wireMock) {
		this.server = wireMock.server();
		this.wireMock = wireMock;
		MistralHttp http = MistralHttp.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey(API_KEY)
			.retryPolicy(RetryPolicy.NONE)
			.build();
		this.chat = new MistralChatClient(http, ChatDefaults.ofModel("mistral-large-latest"));
	}

	public String baseUrl() {
		return this.server.baseUrl();
	}

	public MistralChatClient chat() {
		return this.chat;
	}

	/**
	 * A reactive chat client pointed at the server (JDK connector, no retries), with the
	 * same default model as {@link #chat()}.
	 * @return the client
	 */
	public ReactiveMistralChatClient reactiveChat() {
		return new ReactiveMistralChatClient(this.wireMock.reactiveHttp(),
				ChatDefaults.ofModel("mistral-large-latest"));
	}

	/**
	 * Answers the next requests, one answer each, in order.
	 * @param bodies chat completion responses
	 */
	public void answers(String... bodies) {
		for (String body : bodies) {
			OpenApiContract.ifAvailable((contract) -> contract.assertResponseValid(OPERATION, 200, body));
			stub(WireMock.okJson(body));
		}
	}

	/**
	 * Streams the next requests' answers, one event stream each, in order.
	 * @param chunkLists per answer, its chunks ({@code data: [DONE]} is added)
	 */
	public void streams(List<?>... chunkLists) {
		for (List<?> chunks : chunkLists) {
			StringBuilder body = new StringBuilder();
			for (Object chunk : chunks) {
				String json = chunk.toString();
				OpenApiContract.ifAvailable((contract) -> contract.assertSchemaValid("CompletionChunk", json,
						OpenApiContract.Mode.LIVE_API));
				body.append("data: ").append(json).append("\n\n");
			}
			body.append("data: [DONE]\n\n");
			stub(WireMock.aResponse()
				.withStatus(200)
				.withHeader("Content-Type", "text/event-stream")
				.withBody(body.toString()));
		}
	}

	/**
	 * Streams the next request's answer cut before its end: the chunks, then the
	 * connection closes without {@code data: [DONE]}.
	 * @param chunks the chunks sent
	 */
	public void cutStream(List<?> chunks) {
		StringBuilder body = new StringBuilder();
		for (Object chunk : chunks) {
			body.append("data: ").append(chunk).append("\n\n");
		}
		stub(WireMock.aResponse()
			.withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(body.toString()));
	}

	private void stub(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
		String state = (this.stubs == 0) ? Scenario.STARTED : "answer-" + this.stubs;
		this.server.stubFor(WireMock.post("/v1/chat/completions")
			.inScenario("conversation")
			.whenScenarioStateIs(state)
			.willReturn(response)
			.willSetStateTo("answer-" + (this.stubs + 1)));
		this.stubs++;
	}

	/**
	 * The bodies of the requests received, oldest first.
	 * @return the bodies
	 */
	public List<JsonNode> requests() {
		List<ServeEvent> events = new ArrayList<>(this.server.getAllServeEvents());
		Collections.reverse(events);
		return events.stream().map((event) -> this.mapper.readTree(event.getRequest().getBodyAsString())).toList();
	}

	// Fixtures shaped like recordings of the live API

	/**
	 * A final answer.
	 * @param text the text
	 * @return the response JSON
	 */
	public static String answer(String text) {
		return answer(text, "stop");
	}

	/**
	 * A final answer with a finish reason.
	 * @param text the text
	 * @param finishReason the finish reason
	 * @return the response JSON
	 */
	public static String answer(String text, String finishReason) {
		return """
				{"id":"cmpl-e5cc70bb28c444948073e77776eb30ef","object":"chat.completion","created":1702256327,
				 "model":"mistral-large-latest",
				 "usage":{"prompt_tokens":120,"completion_tokens":20,"total_tokens":140},
				 "choices":[{"index":0,"finish_reason":"%s",
				   "message":{"role":"assistant","content":%s,"tool_calls":null}}]}
				""".formatted(finishReason, quote(text));
	}

	/**
	 * An answer asking for tool calls.
	 * @param calls the calls, made with {@link #call(String, String, String)}
	 * @return the response JSON
	 */
	public static String toolCalls(String... calls) {
		return """
				{"id":"cmpl-7a3f2b8c9d0e4f1a","object":"chat.completion","created":1702256327,
				 "model":"mistral-large-latest",
				 "usage":{"prompt_tokens":150,"completion_tokens":25,"total_tokens":175},
				 "choices":[{"index":0,"finish_reason":"tool_calls",
				   "message":{"role":"assistant","content":"","tool_calls":[%s]}}]}
				""".formatted(String.join(",", calls));
	}

	/**
	 * A tool call whose arguments are sent as a JSON string (what Mistral's models do).
	 * @param id the call id
	 * @param name the function
	 * @param arguments the arguments as JSON text
	 * @return the call JSON
	 */
	public static String call(String id, String name, String arguments) {
		return """
				{"id":"%s","type":"function","function":{"name":"%s","arguments":%s}}""".formatted(id, name,
				quote(arguments));
	}

	/**
	 * A tool call whose arguments are sent as a JSON object (the API allows both).
	 * @param id the call id
	 * @param name the function
	 * @param arguments the arguments object
	 * @return the call JSON
	 */
	public static String callWithObject(String id, String name, String arguments) {
		return """
				{"id":"%s","type":"function","function":{"name":"%s","arguments":%s}}""".formatted(id, name, arguments);
	}

	/**
	 * The first chunk of a stream: role only (with the padding field the live API adds).
	 * @return the chunk JSON
	 */
	public static String roleChunk() {
		return chunk("{\"role\":\"assistant\",\"content\":\"\"}", null, false);
	}

	/**
	 * A text chunk.
	 * @param text the text
	 * @return the chunk JSON
	 */
	public static String textChunk(String text) {
		return chunk("{\"content\":" + quote(text) + "}", null, false);
	}

	/**
	 * The last chunk: text, the finish reason and usage.
	 * @param text the text
	 * @param finishReason the finish reason
	 * @return the chunk JSON
	 */
	public static String lastChunk(String text, String finishReason) {
		return chunk("{\"content\":" + quote(text) + "}", finishReason, true);
	}

	/**
	 * A chunk with tool call fragments (a whole call, Mistral-style, or a fragment,
	 * OpenAI-style).
	 * @param finishReason the finish reason, or {@code null}
	 * @param fragments the tool call JSON objects
	 * @return the chunk JSON
	 */
	public static String toolCallChunk(String finishReason, String... fragments) {
		return chunk("{\"content\":\"\",\"tool_calls\":[" + String.join(",", fragments) + "]}", finishReason,
				finishReason != null);
	}

	private static String chunk(String delta, String finishReason, boolean usage) {
		return "{\"id\":\"0f5b2d1c7e8a4b3c9d6e\",\"object\":\"chat.completion.chunk\",\"created\":1750000000,"
				+ "\"model\":\"mistral-large-latest\",\"choices\":[{\"index\":0,\"delta\":" + delta
				+ ",\"finish_reason\":" + ((finishReason != null) ? quote(finishReason) : "null") + "}]"
				+ (usage ? ",\"usage\":{\"prompt_tokens\":90,\"completion_tokens\":12,\"total_tokens\":102}" : "")
				+ ",\"p\":\"abcdefgh\"}";
	}

	static String quote(String text) {
		return MistralJson.defaultMapper().writeValueAsString(text);
	}

}
