package dev.mistralboot.client.chat.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mistralboot.client.chat.Content;
import dev.mistralboot.client.chat.ToolCall;
import dev.mistralboot.client.chat.ToolMessage;
import dev.mistralboot.client.core.MistralJson;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the tool calls of one answer, in order, and turns each result or failure into the
 * {@code tool} message that answers it.
 */
final class ToolExecutor {

	private static final Log logger = LogFactory.getLog(ToolExecutor.class);

	private final ToolRegistry registry;

	private final ToolFailurePolicy policy;

	private static final JsonMapper MAPPER = MistralJson.defaultMapper();

	ToolExecutor(ToolRegistry registry, ToolFailurePolicy policy) {
		this.registry = registry;
		this.policy = policy;
	}

	List<ToolMessage> execute(List<ToolCall> calls) {
		List<ToolMessage> results = new ArrayList<>(calls.size());
		for (ToolCall call : calls) {
			String name = call.function().name();
			results.add(new ToolMessage(Content.of(run(call, name)), call.id(), name));
		}
		return results;
	}

	private String run(ToolCall call, String name) {
		ToolCallback callback = this.registry.get(name);
		if (callback == null) {
			return failed(new MistralToolException(MistralToolException.Reason.UNKNOWN_TOOL, name, call.id(),
					"Unknown tool '" + name + "'. Available tools: " + String.join(", ", this.registry.names()), null));
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Calling tool '" + name + "' (call " + call.id() + ") with " + call.function().arguments());
		}
		try {
			return callback.call(call.function().arguments());
		}
		catch (MistralToolException ex) {
			return failed(new MistralToolException(ex.getReason(), name, call.id(), ex.getMessage(),
					(ex.getCause() != null) ? ex.getCause() : ex));
		}
		catch (RuntimeException ex) {
			return failed(new MistralToolException(MistralToolException.Reason.TOOL_FAILED, name, call.id(),
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
