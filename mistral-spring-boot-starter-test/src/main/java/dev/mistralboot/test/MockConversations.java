package dev.mistralboot.test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mistralboot.client.conversations.ConversationEntry;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The conversations API of {@link MockMistral} ({@code /v1/conversations...}):
 * conversations kept in memory with their entries. Each start, append and restart turn is
 * answered with the next {@linkplain MockConversationReply scripted reply} (else the
 * responder's, else a default text), whole or as server-sent events; list, get, history,
 * messages and delete read and change the same conversations. A conversation with an
 * agent needs an agent this server holds (created through its agents API); a function
 * result must answer a function call of the conversation, and an append after a turn that
 * made calls must answer each of them once. Unknown ids are 404s. Called by
 * {@link MockMistralHandler} under its lock.
 */
final class MockConversations {

	private static final String CONVERSATIONS = "/v1/conversations";

	private static final Pattern CONVERSATION = Pattern.compile("/v1/conversations/([^/]+)");

	private static final Pattern ACTION = Pattern.compile("/v1/conversations/([^/]+)/(history|messages|restart)");

	private final Map<String, Stored> conversations = new LinkedHashMap<>();

	private final Deque<MockConversationReply> replies = new ArrayDeque<>();

	private final MockAgents agents;

	private @Nullable Function<List<ConversationEntry>, @Nullable MockConversationReply> responder;

	MockConversations(MockAgents agents) {
		this.agents = agents;
	}

	void reset() {
		this.conversations.clear();
		this.replies.clear();
		this.responder = null;
	}

	void enqueue(MockConversationReply reply) {
		this.replies.add(reply);
	}

	void responder(@Nullable Function<List<ConversationEntry>, @Nullable MockConversationReply> responder) {
		this.responder = responder;
	}

	List<String> ids() {
		return List.copyOf(this.conversations.keySet());
	}

	/**
	 * Serves a request of the conversations API.
	 * @return the answer, or {@code null} when the request is not one of this API
	 */
	@Nullable ResponseDefinition serve(String method, String path, LoggedRequest request, MockMistralHandler handler) {
		if (!path.startsWith(CONVERSATIONS)) {
			return null;
		}
		if (path.equals(CONVERSATIONS)) {
			return switch (method) {
				case "POST" -> start(body(request), handler);
				case "GET" -> list(request);
				default -> null;
			};
		}
		Matcher action = ACTION.matcher(path);
		if (action.matches()) {
			Stored conversation = this.conversations.get(action.group(1));
			if (conversation == null) {
				return MockMistralHandler.notFound("Conversation", action.group(1));
			}
			return switch (action.group(2) + " " + method) {
				case "history GET" -> json(history(conversation, false));
				case "messages GET" -> json(history(conversation, true));
				case "restart POST" -> restart(conversation, body(request), handler);
				default -> null;
			};
		}
		Matcher one = CONVERSATION.matcher(path);
		if (one.matches()) {
			Stored conversation = this.conversations.get(one.group(1));
			if (conversation == null) {
				return MockMistralHandler.notFound("Conversation", one.group(1));
			}
			return switch (method) {
				case "GET" -> json(conversation.json());
				case "DELETE" -> {
					this.conversations.remove(conversation.id);
					yield new ResponseDefinition(204, "");
				}
				case "POST" -> append(conversation, body(request), handler);
				default -> null;
			};
		}
		return null;
	}

	private ResponseDefinition start(JsonNode body, MockMistralHandler handler) {
		String agentId = body.path("agent_id").asString(null);
		String model = body.path("model").asString(null);
		if (agentId != null) {
			String agentModel = this.agents.model(agentId);
			if (agentModel == null) {
				return MockMistralHandler.notFound("Agent", agentId);
			}
			model = agentModel;
		}
		if (model == null) {
			return error(400, "A conversation needs an agent_id or a model");
		}
		Stored conversation = new Stored("conv_" + UUID.randomUUID().toString().replace("-", ""), agentId, model);
		conversation.agentVersion = body.path("agent_version").isNull() ? null : body.get("agent_version");
		for (String field : List.of("name", "description", "metadata", "instructions", "tools", "completion_args")) {
			if (body.hasNonNull(field)) {
				conversation.settings.set(field, body.get(field));
			}
		}
		this.conversations.put(conversation.id, conversation);
		return turn(conversation, body, handler);
	}

	private ResponseDefinition append(Stored conversation, JsonNode body, MockMistralHandler handler) {
		List<String> answered = new ArrayList<>();
		for (JsonNode input : inputs(body)) {
			if ("function.result".equals(input.path("type").asString(""))) {
				String callId = input.path("tool_call_id").asString("");
				if (!conversation.calls.contains(callId)) {
					return error(400, "No function call " + callId + " in conversation " + conversation.id
							+ " to answer (its calls: " + conversation.calls + ")");
				}
				if (!conversation.pending.contains(callId) || answered.contains(callId)) {
					return error(400,
							"Function call " + callId + " of conversation " + conversation.id + " is already answered");
				}
				answered.add(callId);
			}
		}
		if (!body.path("tool_confirmations").isEmpty() && answered.isEmpty()) {
			return turn(conversation, body, handler);
		}
		List<String> unanswered = new ArrayList<>(conversation.pending);
		unanswered.removeAll(answered);
		if (!unanswered.isEmpty()) {
			return error(400, "Function calls " + unanswered + " of conversation " + conversation.id
					+ " wait for their results: append a function.result entry with the tool_call_id of each");
		}
		conversation.pending.clear();
		return turn(conversation, body, handler);
	}

	private ResponseDefinition restart(Stored from, JsonNode body, MockMistralHandler handler) {
		String entryId = body.path("from_entry_id").asString("");
		int at = -1;
		for (int i = 0; i < from.entries.size(); i++) {
			if (entryId.equals(from.entries.get(i).path("id").asString(null))) {
				at = i;
			}
		}
		if (at < 0) {
			return MockMistralHandler.notFound("Entry", entryId + " of conversation " + from.id);
		}
		Stored conversation = new Stored("conv_" + UUID.randomUUID().toString().replace("-", ""), from.agentId,
				from.model);
		conversation.settings.setAll(from.settings);
		conversation.agentVersion = body.hasNonNull("agent_version") ? body.get("agent_version") : from.agentVersion;
		if (body.hasNonNull("metadata")) {
			conversation.settings.set("metadata", body.get("metadata"));
		}
		for (int i = 0; i <= at; i++) {
			conversation.add(from.entries.get(i));
		}
		this.conversations.put(conversation.id, conversation);
		return turn(conversation, body, handler);
	}

	/** Records the turn's inputs, answers with the next reply and records its output. */
	private ResponseDefinition turn(Stored conversation, JsonNode body, MockMistralHandler handler) {
		List<ConversationEntry> inputs = new ArrayList<>();
		StringBuilder prompt = new StringBuilder();
		for (JsonNode input : inputs(body)) {
			if (!(input instanceof ObjectNode object)) {
				continue;
			}
			ObjectNode entry = object.deepCopy();
			entry.put("object", "entry");
			entry.put("id", "entry_" + UUID.randomUUID().toString().replace("-", ""));
			entry.put("created_at", now());
			if (!entry.has("type")) {
				entry.put("type", "message.input");
			}
			conversation.add(entry);
			prompt.append(entry.path("content").toString()).append(entry.path("result").asString(""));
			try {
				inputs.add(MockResponses.JSON.treeToValue(entry, ConversationEntry.class));
			}
			catch (JacksonException | IllegalArgumentException ex) {
				// the contract check has judged the request; the responder sees what can
				// be read
			}
		}
		MockConversationReply reply = this.replies.poll();
		if (reply == null && this.responder != null) {
			reply = this.responder.apply(List.copyOf(inputs));
		}
		if (reply == null) {
			reply = MockConversationReply.text("This is MockMistral's default answer. Script another one with "
					+ "mockMistral.conversations().reply(...).");
		}
		List<ObjectNode> outputs = new ArrayList<>();
		if (reply.isFunctionCall()) {
			for (MockConversationReply.Call call : reply.calls()) {
				ObjectNode output = output(conversation, "fc_");
				String callId = MockResponses.toolCallId();
				output.put("type", "function.call");
				output.put("tool_call_id", callId);
				output.put("name", call.name());
				output.put("arguments", call.arguments());
				conversation.calls.add(callId);
				conversation.pending.add(callId);
				outputs.add(output);
			}
		}
		else {
			ObjectNode output = output(conversation, "msg_");
			output.put("type", "message.output");
			output.put("role", "assistant");
			output.put("content", reply.text());
			outputs.add(output);
		}
		outputs.forEach(conversation::add);
		int promptTokens = Math.max(1, MockResponses.tokens(prompt.toString()));
		int completionTokens = Math.max(1,
				MockResponses.tokens(reply.isFunctionCall()
						? String.join(" ", reply.calls().stream().map(MockConversationReply.Call::arguments).toList())
						: reply.text()));
		ObjectNode usage = MockResponses.JSON.createObjectNode();
		usage.put("prompt_tokens", promptTokens);
		usage.put("completion_tokens", completionTokens);
		usage.put("total_tokens", promptTokens + completionTokens);
		if (body.path("stream").asBoolean(false)) {
			return stream(conversation, outputs, reply, usage, handler);
		}
		ObjectNode response = MockResponses.JSON.createObjectNode();
		response.put("object", "conversation.response");
		response.put("conversation_id", conversation.id);
		response.putArray("outputs").addAll(outputs);
		response.set("usage", usage);
		return json(response);
	}

	private ResponseDefinition stream(Stored conversation, List<ObjectNode> outputs, MockConversationReply reply,
			ObjectNode usage, MockMistralHandler handler) {
		List<ObjectNode> events = new ArrayList<>();
		ObjectNode started = event("conversation.response.started");
		started.put("conversation_id", conversation.id);
		events.add(started);
		if (reply.isFunctionCall()) {
			for (int index = 0; index < outputs.size(); index++) {
				ObjectNode output = outputs.get(index);
				String arguments = output.path("arguments").asString();
				int half = arguments.length() / 2;
				for (String piece : List.of(arguments.substring(0, half), arguments.substring(half))) {
					ObjectNode delta = outputEvent("function.call.delta", output, index);
					delta.put("tool_call_id", output.path("tool_call_id").asString());
					delta.put("name", output.path("name").asString());
					delta.put("arguments", piece);
					events.add(delta);
				}
			}
		}
		else {
			for (String piece : reply.pieces()) {
				ObjectNode delta = outputEvent("message.output.delta", outputs.get(0), 0);
				delta.put("content_index", 0);
				delta.put("role", "assistant");
				delta.put("content", piece);
				events.add(delta);
			}
		}
		ObjectNode done = event("conversation.response.done");
		done.set("usage", usage);
		events.add(done);
		StringBuilder body = new StringBuilder();
		for (ObjectNode event : events) {
			body.append("event: ")
				.append(event.path("type").asString())
				.append("\ndata: ")
				.append(event)
				.append("\n\n");
		}
		ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
			.withStatus(200)
			.withHeader("Content-Type", "text/event-stream; charset=utf-8")
			.withHeader("Cache-Control", "no-cache")
			.withHeader("mistral-correlation-id", UUID.randomUUID().toString())
			.withBody(body.toString());
		long delay = handler.streamDelayValue().toMillis();
		if (delay > 0) {
			response.withChunkedDribbleDelay(events.size(), (int) delay * events.size());
		}
		return response.build();
	}

	private static ObjectNode event(String type) {
		ObjectNode event = MockResponses.JSON.createObjectNode();
		event.put("type", type);
		event.put("created_at", now());
		return event;
	}

	private static ObjectNode output(Stored conversation, String idPrefix) {
		ObjectNode output = MockResponses.JSON.createObjectNode();
		output.put("object", "entry");
		output.put("created_at", now());
		output.put("completed_at", now());
		output.put("id", idPrefix + UUID.randomUUID().toString().replace("-", ""));
		if (conversation.agentId != null) {
			output.put("agent_id", conversation.agentId);
		}
		output.put("model", conversation.model);
		return output;
	}

	private static ObjectNode outputEvent(String type, ObjectNode output, int outputIndex) {
		ObjectNode event = event(type);
		event.put("output_index", outputIndex);
		event.put("id", output.path("id").asString());
		event.put("model", output.path("model").asString());
		if (output.has("agent_id")) {
			event.put("agent_id", output.path("agent_id").asString());
		}
		return event;
	}

	private ResponseDefinition list(LoggedRequest request) {
		int page = integer(request, "page", 0);
		int pageSize = integer(request, "page_size", 100);
		List<Stored> newestFirst = new ArrayList<>(this.conversations.values());
		Collections.reverse(newestFirst);
		ArrayNode list = MockResponses.JSON.createArrayNode();
		newestFirst.stream().skip((long) page * pageSize).limit(pageSize).forEach((c) -> list.add(c.json()));
		return json(list);
	}

	private static ObjectNode history(Stored conversation, boolean messagesOnly) {
		ObjectNode history = MockResponses.JSON.createObjectNode();
		history.put("object", messagesOnly ? "conversation.messages" : "conversation.history");
		history.put("conversation_id", conversation.id);
		ArrayNode entries = history.putArray(messagesOnly ? "messages" : "entries");
		for (ObjectNode entry : conversation.entries) {
			String type = entry.path("type").asString("");
			if (!messagesOnly || type.equals("message.input") || type.equals("message.output")) {
				entries.add(entry);
			}
		}
		return history;
	}

	private static List<JsonNode> inputs(JsonNode body) {
		JsonNode inputs = body.path("inputs");
		List<JsonNode> list = new ArrayList<>();
		if (inputs.isString()) {
			ObjectNode message = MockResponses.JSON.createObjectNode();
			message.put("type", "message.input");
			message.put("role", "user");
			message.put("content", inputs.asString());
			list.add(message);
		}
		else {
			inputs.forEach(list::add);
		}
		return list;
	}

	private static int integer(LoggedRequest request, String name, int fallback) {
		try {
			String value = request.queryParameter(name).isPresent() ? request.queryParameter(name).firstValue() : null;
			return (value != null) ? Integer.parseInt(value) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private static JsonNode body(LoggedRequest request) {
		try {
			JsonNode body = MockResponses.JSON.readTree(request.getBodyAsString());
			return (body != null) ? body : MockResponses.JSON.createObjectNode();
		}
		catch (JacksonException ex) {
			return MockResponses.JSON.createObjectNode();
		}
	}

	private static ResponseDefinition error(int status, String message) {
		ObjectNode error = MockResponses.error(status);
		error.put("message", message);
		return MockMistralHandler.json(status, error);
	}

	private static ResponseDefinition json(JsonNode body) {
		return MockMistralHandler.json(200, body);
	}

	private static String now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
	}

	/**
	 * One conversation: its settings, entries, the ids of its function calls and of those
	 * still waiting for their results.
	 */
	private static final class Stored {

		final String id;

		final @Nullable String agentId;

		final String model;

		@Nullable JsonNode agentVersion;

		final ObjectNode settings = MockResponses.JSON.createObjectNode();

		final List<ObjectNode> entries = new ArrayList<>();

		final List<String> calls = new ArrayList<>();

		final List<String> pending = new ArrayList<>();

		final String createdAt = now();

		String updatedAt = this.createdAt;

		Stored(String id, @Nullable String agentId, String model) {
			this.id = id;
			this.agentId = agentId;
			this.model = model;
		}

		void add(ObjectNode entry) {
			this.entries.add(entry);
			this.updatedAt = now();
		}

		ObjectNode json() {
			ObjectNode json = MockResponses.JSON.createObjectNode();
			for (String field : List.of("name", "description", "metadata")) {
				if (this.settings.has(field)) {
					json.set(field, this.settings.get(field));
				}
			}
			if (this.agentId == null) {
				for (String field : List.of("instructions", "tools", "completion_args")) {
					if (this.settings.has(field)) {
						json.set(field, this.settings.get(field));
					}
				}
				if (!json.has("tools")) {
					json.putArray("tools");
				}
				json.put("model", this.model);
			}
			else {
				json.put("agent_id", this.agentId);
				if (this.agentVersion != null) {
					json.set("agent_version", this.agentVersion);
				}
			}
			json.put("object", "conversation");
			json.put("id", this.id);
			json.put("created_at", this.createdAt);
			json.put("updated_at", this.updatedAt);
			return json;
		}

	}

}
