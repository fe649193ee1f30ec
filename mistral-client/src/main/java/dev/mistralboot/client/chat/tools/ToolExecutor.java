package dev.mistralboot.client.chat.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.mistralboot.client.chat.Content;
import dev.mistralboot.client.chat.ToolCall;
import dev.mistralboot.client.chat.ToolMessage;
import dev.mistralboot.client.core.MistralJson;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs tool calls with a registry's tools under a {@link ToolFailurePolicy}: the piece
 * the chat tool loop ({@link ToolCallingChat}) and the conversation tool loop
 * ({@code dev.mistralboot.client.conversations.ToolCallingConversations}) share, public
 * for loops written by hand. A call of an unknown tool, arguments that do not convert and
 * an exception of the tool are logged and either answered with {@code {"error":"..."}}
 * ({@link ToolFailurePolicy#REPORT_TO_MODEL}) or raised as a {@link MistralToolException}
 * ({@link ToolFailurePolicy#THROW}). Thread-safe when the tools are.
 */
public final class ToolExecutor {

	private static final Log logger = LogFactory.getLog(ToolExecutor.class);

	private final ToolRegistry registry;

	private final ToolFailurePolicy policy;

	private static final JsonMapper MAPPER = MistralJson.defaultMapper();

	/**
	 * Creates an executor.
	 * @param registry the tools
	 * @param policy what to do when a call fails
	 */
	public ToolExecutor(ToolRegistry registry, ToolFailurePolicy policy) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.policy = Objects.requireNonNull(policy, "policy");
	}

	List<ToolMessage> execute(List<ToolCall> calls) {
		List<ToolMessage> results = new ArrayList<>(calls.size());
		for (ToolCall call : calls) {
			String name = call.function().name();
			results
				.add(new ToolMessage(Content.of(call(call.id(), name, call.function().arguments())), call.id(), name));
		}
		return results;
	}

	/**
	 * Runs one tool call.
	 * @param toolCallId the call's id, for logs and exceptions ({@code null} when not
	 * known)
	 * @param name the tool the model named
	 * @param arguments the arguments the model sent, as JSON text
	 * @return the result to send back to the model: the tool's result, or
	 * {@code {"error":"..."}} when the call failed under
	 * {@link ToolFailurePolicy#REPORT_TO_MODEL}
	 * @throws MistralToolException when the call failed under
	 * {@link ToolFailurePolicy#THROW}
	 */
	public String call(@Nullable String toolCallId, String name, String arguments) {
		ToolCallback callback = this.registry.get(name);
		if (callback == null) {
			return failed(new MistralToolException(MistralToolException.Reason.UNKNOWN_TOOL, name, toolCallId,
					"Unknown tool '" + name + "'. Available tools: " + String.join(", ", this.registry.names()), null));
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Calling tool '" + name + "' (call " + toolCallId + ") with " + arguments);
		}
		try {
			return callback.call(arguments);
		}
		catch (MistralToolException ex) {
			return failed(new MistralToolException(ex.getReason(), name, toolCallId, ex.getMessage(),
					(ex.getCause() != null) ? ex.getCause() : ex));
		}
		catch (RuntimeException ex) {
			return failed(new MistralToolException(MistralToolException.Reason.TOOL_FAILED, name, toolCallId,
					"Tool '" + name + "' failed: " + summary(ex), ex));
		}
	}

	private String failed(MistralToolException failure) {
		String where = "Tool call " + failure.getToolCallId() + " of '" + failure.getToolName() + "' failed ("
				+ failure.getReason() + ")";
		if (this.policy == ToolFailurePolicy.THROW) {
			logger.warn(where + "; ending the conversation: " + failure.getMessage(), causeToLog(failure));
			throw failure;
		}
		logger.warn(where + "; the error is sent back to the model: " + failure.getMessage(), causeToLog(failure));
		return MAPPER.writeValueAsString(Map.of("error", failure.getMessage()));
	}

	private static @Nullable Throwable causeToLog(MistralToolException failure) {
		return (failure.getReason() == MistralToolException.Reason.TOOL_FAILED) ? failure.getCause() : null;
	}

	private static String summary(Throwable ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null && !message.isBlank()) ? ": " + message : "");
	}

}
