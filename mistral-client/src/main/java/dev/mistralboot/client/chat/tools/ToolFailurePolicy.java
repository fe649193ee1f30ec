package dev.mistralboot.client.chat.tools;

/**
 * What a tool conversation does when a tool call fails: the model named an unknown tool,
 * sent arguments that do not convert to the tool's parameters, or the tool threw an
 * exception.
 */
public enum ToolFailurePolicy {

	/**
	 * Log the failure and send it back to the model as the call's result,
	 * {@code {"error":"..."}}, so it can correct itself or tell the user (the default).
	 */
	REPORT_TO_MODEL,

	/**
	 * Log the failure and end the conversation with a {@link MistralToolException}.
	 */
	THROW

}
