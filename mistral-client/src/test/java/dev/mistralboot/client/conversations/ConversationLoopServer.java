package dev.mistralboot.client.conversations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.test.MistralWireMock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversation turns scripted on a test class's {@link MistralWireMock}, for the tool
 * loop: the answer of the start ({@code POST /v1/conversations}) and the answers of the
 * appends to {@link ConversationFixtures#CONVERSATION_ID}, in order, whole (checked
 * against the response schemas) or streamed (checked event by event); and the request
 * bodies, in order. The requests are checked by {@link MistralWireMock} after each test.
 */
final class ConversationLoopServer {

	static final String APPEND_PATH = "/v1/conversations/" + ConversationFixtures.CONVERSATION_ID;

	private final MistralWireMock wireMock;

	private final JsonMapper mapper = MistralJson.defaultMapper();

	ConversationLoopServer(MistralWireMock wireMock) {
		this.wireMock = wireMock;
	}

	/** Scripts whole answers: the start's, then one per append. */
	void answers(String start, String... appends) {
		this.wireMock.stubJson(WireMock.post("/v1/conversations"), "agents_api_v1_conversations_start", start);
		appends(appends);
	}

	/**
	 * Scripts a restart of {@code from} answered whole (the answer names
	 * {@link ConversationFixtures#CONVERSATION_ID}, the new conversation), then one whole
	 * answer per append.
	 */
	void restart(String from, String restart, String... appends) {
		this.wireMock.stubJson(WireMock.post("/v1/conversations/" + from + "/restart"),
				"agents_api_v1_conversations_restart", restart);
		appends(appends);
	}

	/** Scripts a restart of {@code from} and the appends, streamed. */
	void restartStreams(String from, String restart, String... appends) {
		this.wireMock.server()
			.stubFor(WireMock.post("/v1/conversations/" + from + "/restart").willReturn(sse(restart)));
		ResponseDefinitionBuilder[] responses = new ResponseDefinitionBuilder[appends.length];
		for (int i = 0; i < appends.length; i++) {
			responses[i] = sse(appends[i]);
		}
		if (responses.length > 0) {
			this.wireMock.postAnswersInTurn(APPEND_PATH, responses);
		}
	}

	/** Scripts whole answers of appends only. */
	void appends(String... appends) {
		ResponseDefinitionBuilder[] responses = new ResponseDefinitionBuilder[appends.length];
		for (int i = 0; i < appends.length; i++) {
			responses[i] = WireMock
				.okJson(MistralWireMock.conformingResponse("agents_api_v1_conversations_append", appends[i]));
		}
		if (responses.length > 0) {
			this.wireMock.postAnswersInTurn(APPEND_PATH, responses);
		}
	}

	/** Scripts streamed answers (bodies of {@link ConversationFixtures#events}). */
	void streams(String start, String... appends) {
		this.wireMock.server().stubFor(WireMock.post("/v1/conversations").willReturn(sse(start)));
		ResponseDefinitionBuilder[] responses = new ResponseDefinitionBuilder[appends.length];
		for (int i = 0; i < appends.length; i++) {
			responses[i] = sse(appends[i]);
		}
		if (responses.length > 0) {
			this.wireMock.postAnswersInTurn(APPEND_PATH, responses);
		}
	}

	/** The bodies of the requests received, oldest first. */
	List<JsonNode> requests() {
		List<ServeEvent> events = new ArrayList<>(this.wireMock.server().getAllServeEvents());
		Collections.reverse(events);
		return events.stream().map((event) -> this.mapper.readTree(event.getRequest().getBodyAsString())).toList();
	}

	/** The paths of the requests received, oldest first. */
	List<String> paths() {
		List<ServeEvent> events = new ArrayList<>(this.wireMock.server().getAllServeEvents());
		Collections.reverse(events);
		return events.stream().map((event) -> event.getRequest().getUrl()).toList();
	}

	/** A whole answer whose outputs are function calls ({@code id, name, arguments}). */
	static String calls(String... idNameArguments) {
		StringBuilder outputs = new StringBuilder();
		for (int i = 0; i < idNameArguments.length; i += 3) {
			if (i > 0) {
				outputs.append(',');
			}
			outputs.append("""
					{"object":"entry","type":"function.call","created_at":"2026-12-02T10:00:02Z","completed_at":null,
					 "id":"fc_%d","tool_call_id":"%s","name":"%s","arguments":%s,"model":"mistral-medium-latest"}"""
				.formatted(i / 3, idNameArguments[i], idNameArguments[i + 1], quote(idNameArguments[i + 2])));
		}
		return """
				{"object":"conversation.response","conversation_id":"%s","outputs":[%s],
				 "usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120}}"""
			.formatted(ConversationFixtures.CONVERSATION_ID, outputs);
	}

	/** A whole text answer. */
	static String text(String text) {
		return """
				{"object":"conversation.response","conversation_id":"%s",
				 "outputs":[{"object":"entry","type":"message.output","created_at":"2026-12-02T10:00:03Z",
				   "completed_at":"2026-12-02T10:00:04Z","id":"msg_9","model":"mistral-medium-latest","role":"assistant",
				   "content":%s}],
				 "usage":{"prompt_tokens":150,"completion_tokens":15,"total_tokens":165}}"""
			.formatted(ConversationFixtures.CONVERSATION_ID, quote(text));
	}

	static String quote(String text) {
		return MistralJson.defaultMapper().writeValueAsString(text);
	}

	private static ResponseDefinitionBuilder sse(String body) {
		return WireMock.aResponse().withHeader("Content-Type", "text/event-stream").withBody(body);
	}

}
