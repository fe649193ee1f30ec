package dev.mistralboot.client.chat.tools;

import dev.mistralboot.client.core.MistralException;
import org.jspecify.annotations.Nullable;

/**
 * A tool call that failed: an unknown tool, arguments that do not convert, or an
 * exception thrown by the tool. A {@link ToolCallback} throws it with
 * {@link Reason#INVALID_ARGUMENTS} when it cannot read its arguments; a tool conversation
 * raises it under {@link ToolFailurePolicy#THROW}, with the tool's own exception as the
 * cause.
 */
public class MistralToolException extends MistralException {

	private static final long serialVersionUID = 1L;

	/**
	 * Why a tool call failed.
	 */
	public enum Reason {

		/** The model named a tool that is not registered. */
		UNKNOWN_TOOL,

		/** The arguments are not JSON, or do not convert to the tool's parameters. */
		INVALID_ARGUMENTS,

		/** The tool threw an exception. */
		TOOL_FAILED

	}

	private final Reason reason;

	private final String toolName;

	private final @Nullable String toolCallId;

	/**
	 * Creates the exception.
	 * @param reason why the call failed
	 * @param toolName the tool's name
	 * @param toolCallId the id of the call, when known
	 * @param message what went wrong (sent to the model under
	 * {@link ToolFailurePolicy#REPORT_TO_MODEL})
	 * @param cause the cause, if any
	 */
	public MistralToolException(Reason reason, String toolName, @Nullable String toolCallId, String message,
			@Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.toolName = toolName;
		this.toolCallId = toolCallId;
	}

	/**
	 * Arguments that could not be read, thrown by a {@link ToolCallback}.
	 * @param toolName the tool's name
	 * @param detail what is wrong with them, such as
	 * {@code missing required argument 'transaction_id'}
	 * @param cause the parse error, if any
	 * @return the exception
	 */
	public static MistralToolException invalidArguments(String toolName, String detail, @Nullable Throwable cause) {
		return new MistralToolException(Reason.INVALID_ARGUMENTS, toolName, null,
				"Invalid arguments for tool '" + toolName + "': " + detail, cause);
	}

	/**
	 * Why the call failed.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * The tool's name, as the model sent it.
	 * @return the name
	 */
	public String getToolName() {
		return this.toolName;
	}

	/**
	 * The id of the call.
	 * @return the id, or {@code null} when not known
	 */
	public @Nullable String getToolCallId() {
		return this.toolCallId;
	}

}
