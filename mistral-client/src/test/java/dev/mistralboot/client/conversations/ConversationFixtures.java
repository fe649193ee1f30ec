package dev.mistralboot.client.conversations;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mistralboot.client.test.MistralWireMock;

/**
 * Answers of the conversations API, shaped as the API sends them, and streams of
 * conversation events ({@code event:} and {@code data:} lines, no {@code [DONE]}).
 */
final class ConversationFixtures {

	static final String CONVERSATION_ID = "conv_0198a2b6c1d47e3f9a";

	/**
	 * A turn with every kind of output: a tool execution, a handoff, a call, a message.
	 */
	static final String RESPONSE = """
			{"object":"conversation.response","conversation_id":"conv_0198a2b6c1d47e3f9a",
			 "outputs":[
			  {"object":"entry","type":"tool.execution","created_at":"2026-12-02T10:00:00Z","completed_at":"2026-12-02T10:00:01Z",
			   "id":"tool_exec_1","name":"web_search","arguments":"{\\"query\\":\\"payment T1001\\"}","info":{"results":3},
			   "agent_id":"ag_1","model":"mistral-medium-latest"},
			  {"object":"entry","type":"agent.handoff","created_at":"2026-12-02T10:00:01Z","completed_at":null,"id":"handoff_1",
			   "previous_agent_id":"ag_1","previous_agent_name":"triage","next_agent_id":"ag_2","next_agent_name":"payments"},
			  {"object":"entry","type":"function.call","created_at":"2026-12-02T10:00:02Z","completed_at":null,"id":"fc_1",
			   "tool_call_id":"D681PevKs","name":"retrieve_payment_status","arguments":{"transaction_id":"T1001"},
			   "agent_id":"ag_2","model":"mistral-medium-latest","confirmation_status":null},
			  {"object":"entry","type":"message.output","created_at":"2026-12-02T10:00:03Z","completed_at":"2026-12-02T10:00:04Z",
			   "id":"msg_1","agent_id":"ag_2","model":"mistral-medium-latest","role":"assistant",
			   "content":[{"type":"text","text":"Found it. "},
			              {"type":"tool_reference","tool":"web_search","title":"Payments FAQ","url":"https://example.com/faq","favicon":null,"description":null},
			              {"type":"tool_file","tool":"code_interpreter","file_id":"file_1","file_name":"chart.png","file_type":"png"}]}
			 ],
			 "usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150,"connector_tokens":12,"connectors":{"web_search":1}},
			 "guardrails":null}
			""";

	/** A plain text answer. */
	static final String TEXT_RESPONSE = """
			{"object":"conversation.response","conversation_id":"conv_0198a2b6c1d47e3f9a",
			 "outputs":[{"object":"entry","type":"message.output","created_at":"2026-12-02T10:00:03Z","completed_at":"2026-12-02T10:00:04Z",
			   "id":"msg_2","agent_id":null,"model":"mistral-medium-latest","role":"assistant","content":"Your payment was made."}],
			 "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}
			""";

	static final String MODEL_CONVERSATION = """
			{"instructions":"Be brief.","tools":[{"type":"web_search"}],"completion_args":{"temperature":0.2},
			 "guardrails":null,"name":"payments","description":"Payment questions","metadata":{"team":"billing"},
			 "object":"conversation","id":"conv_0198a2b6c1d47e3f9a","created_at":"2026-12-02T10:00:00Z",
			 "updated_at":"2026-12-02T10:05:00Z","model":"mistral-medium-latest"}
			""";

	static final String AGENT_CONVERSATION = """
			{"name":null,"description":null,"metadata":null,"object":"conversation","id":"conv_0198a2b6c1d47e3f9b",
			 "created_at":"2026-12-02T11:00:00Z","updated_at":"2026-12-02T11:05:00Z","agent_id":"ag_2","agent_version":3}
			""";

	static final String HISTORY = """
			{"object":"conversation.history","conversation_id":"conv_0198a2b6c1d47e3f9a",
			 "entries":[
			  {"object":"entry","type":"message.input","created_at":"2026-12-02T10:00:00Z","completed_at":null,"id":"in_1",
			   "role":"user","content":"Where is my payment T1001?","prefix":false},
			  {"object":"entry","type":"function.call","created_at":"2026-12-02T10:00:02Z","completed_at":null,"id":"fc_1",
			   "tool_call_id":"D681PevKs","name":"retrieve_payment_status","arguments":"{\\"transaction_id\\":\\"T1001\\"}"},
			  {"object":"entry","type":"function.result","created_at":"2026-12-02T10:00:03Z","completed_at":null,"id":"fr_1",
			   "tool_call_id":"D681PevKs","result":"{\\"status\\":\\"Paid\\"}"},
			  {"object":"entry","type":"message.output","created_at":"2026-12-02T10:00:04Z","completed_at":null,"id":"msg_1",
			   "role":"assistant","content":"It was paid.","model":"mistral-medium-latest"}
			 ]}
			""";

	static final String MESSAGES = """
			{"object":"conversation.messages","conversation_id":"conv_0198a2b6c1d47e3f9a",
			 "messages":[
			  {"object":"entry","type":"message.input","created_at":"2026-12-02T10:00:00Z","id":"in_1","role":"user",
			   "content":[{"type":"text","text":"Where is my payment T1001?"}]},
			  {"object":"entry","type":"message.output","created_at":"2026-12-02T10:00:04Z","id":"msg_1","role":"assistant",
			   "content":"It was paid."}
			 ]}
			""";

	static final String STARTED = """
			{"type":"conversation.response.started","created_at":"2026-12-02T10:00:00Z","conversation_id":"conv_0198a2b6c1d47e3f9a"}""";

	static final String TOOL_STARTED = """
			{"type":"tool.execution.started","created_at":"2026-12-02T10:00:00Z","output_index":0,"id":"tool_1","name":"web_search",
			 "arguments":"{\\"query\\":","model":"mistral-medium-latest","agent_id":"ag_1"}""";

	static final String TOOL_DELTA = """
			{"type":"tool.execution.delta","output_index":0,"id":"tool_1","name":"web_search","arguments":"\\"T1001\\"}"}""";

	static final String TOOL_DONE = """
			{"type":"tool.execution.done","output_index":0,"id":"tool_1","name":"web_search","info":{"results":3}}""";

	static final String HANDOFF_STARTED = """
			{"type":"agent.handoff.started","output_index":1,"id":"handoff_1","previous_agent_id":"ag_1","previous_agent_name":"triage"}""";

	static final String HANDOFF_DONE = """
			{"type":"agent.handoff.done","output_index":1,"id":"handoff_1","next_agent_id":"ag_2","next_agent_name":"payments"}""";

	static final String CALL_PIECE_1 = """
			{"type":"function.call.delta","output_index":2,"id":"fc_1","tool_call_id":"D681PevKs","name":"retrieve_payment_status",
			 "arguments":"{\\"transaction_","model":"mistral-medium-latest","agent_id":"ag_2"}""";

	static final String CALL_PIECE_2 = """
			{"type":"function.call.delta","output_index":2,"id":"fc_1","tool_call_id":"D681PevKs","name":"retrieve_payment_status",
			 "arguments":"id\\":\\"T1001\\"}"}""";

	static final String TEXT_1 = """
			{"type":"message.output.delta","output_index":3,"id":"msg_1","content_index":0,"role":"assistant",
			 "content":"Paid ","model":"mistral-medium-latest","agent_id":"ag_2"}""";

	static final String TEXT_2 = """
			{"type":"message.output.delta","output_index":3,"id":"msg_1","content_index":0,"content":"on time."}""";

	static final String REFERENCE = """
			{"type":"message.output.delta","output_index":3,"id":"msg_1","content_index":1,
			 "content":{"type":"tool_reference","tool":"web_search","title":"Payments FAQ"}}""";

	static final String UNKNOWN = """
			{"type":"conversation.response.thinking","created_at":"2026-12-02T10:00:05Z","budget":{"left":3}}""";

	static final String DONE = """
			{"type":"conversation.response.done","created_at":"2026-12-02T10:00:06Z",
			 "usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150,"connector_tokens":12,"connectors":{"web_search":1}}}""";

	static final String ERROR = """
			{"type":"conversation.response.error","created_at":"2026-12-02T10:00:06Z","message":"Tool execution failed","code":3001}""";

	/** The schema of each event type, to check the fixtures against. */
	private static final Map<String, String> SCHEMAS = Map.of("conversation.response.started", "ResponseStartedEvent",
			"conversation.response.done", "ResponseDoneEvent", "conversation.response.error", "ResponseErrorEvent",
			"message.output.delta", "MessageOutputEvent", "function.call.delta", "FunctionCallEvent",
			"tool.execution.started", "ToolExecutionStartedEvent", "tool.execution.delta", "ToolExecutionDeltaEvent",
			"tool.execution.done", "ToolExecutionDoneEvent", "agent.handoff.started", "AgentHandoffStartedEvent",
			"agent.handoff.done", "AgentHandoffDoneEvent");

	private static final Pattern TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");

	private ConversationFixtures() {
	}

	/**
	 * A conversation stream: one event per JSON text (its {@code event:} line named after
	 * its type), each known one checked against its schema; no {@code [DONE]}.
	 */
	static String events(String... events) {
		StringBuilder body = new StringBuilder();
		for (String event : events) {
			Matcher type = TYPE.matcher(event);
			if (!type.find()) {
				throw new IllegalArgumentException("No type in " + event);
			}
			String schema = SCHEMAS.get(type.group(1));
			String json = event.replace("\n", "");
			if (schema != null) {
				MistralWireMock.conformingSchema(schema, json);
			}
			body.append("event: ").append(type.group(1)).append("\ndata: ").append(json).append("\n\n");
		}
		return body.toString();
	}

	/** Every event type, a split call and an unknown event, ended by the done event. */
	static String everyEvent() {
		return events(STARTED, TOOL_STARTED, TOOL_DELTA, TOOL_DONE, HANDOFF_STARTED, HANDOFF_DONE, CALL_PIECE_1,
				CALL_PIECE_2, TEXT_1, TEXT_2, REFERENCE, UNKNOWN, DONE);
	}

}
