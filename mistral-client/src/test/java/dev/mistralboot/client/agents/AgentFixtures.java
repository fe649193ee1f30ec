package dev.mistralboot.client.agents;

/**
 * Answers of the agents API, shaped as the API sends them.
 */
final class AgentFixtures {

	static final String AGENT_ID = "ag_0198a2b6c1d47e3f9a";

	static final String AGENT = """
			{"instructions":"Answer questions about French painters.",
			 "tools":[{"type":"function","function":{"name":"get_painter","description":"Finds a painter","parameters":{"type":"object","properties":{}}}},
			          {"type":"web_search"},{"type":"web_search_premium"},{"type":"code_interpreter"},{"type":"image_generation"},
			          {"type":"document_library","library_ids":["lib_1"]},
			          {"type":"connector","connector_id":"con_1"}],
			 "completion_args":{"stop":["\\n\\n"],"temperature":0.3,"max_tokens":500,"tool_choice":"auto","response_format":{"type":"text"}},
			 "model":"mistral-medium-latest","name":"painter-expert","description":"Knows painters",
			 "handoffs":["ag_0198a2b6c1d47e3f9b"],"metadata":{"team":"art"},
			 "object":"agent","id":"ag_0198a2b6c1d47e3f9a","version":2,"versions":[1,2],
			 "created_at":"2026-11-30T09:15:00Z","updated_at":"2026-12-01T10:00:30.5Z",
			 "deployment_chat":false,"source":"api","version_message":"Second version"}
			""";

	static final String MINIMAL_AGENT = """
			{"model":"mistral-small-latest","name":"helper","object":"agent","id":"ag_0198a2b6c1d47e3f9a","version":3,
			 "versions":[1,2,3],"created_at":"2026-11-30T09:15:00Z","updated_at":"2026-12-01T10:00:00Z",
			 "deployment_chat":false,"source":"api","tools":[]}
			""";

	static final String ALIAS = """
			{"alias":"production","version":2,"created_at":"2026-12-01T10:00:00Z","updated_at":"2026-12-01T11:00:00Z"}
			""";

	private AgentFixtures() {
	}

}
