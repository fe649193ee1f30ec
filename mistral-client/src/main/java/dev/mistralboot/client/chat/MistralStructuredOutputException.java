package dev.mistralboot.client.chat;

import dev.mistralboot.client.core.MistralInvalidResponseException;
import org.jspecify.annotations.Nullable;

/**
 * A structured answer ({@link MistralChatClient#complete(ChatCompletionRequest, Class)})
 * whose text could not be read as the type asked for: not JSON, cut short by
 * {@code max_tokens}, or of another shape. {@link #getRawBody()} holds the answer's text
 * as the model wrote it.
 */
public class MistralStructuredOutputException extends MistralInvalidResponseException {

	private static final long serialVersionUID = 1L;

	private final transient ChatCompletionResponse response;

	/**
	 * Creates the exception.
	 * @param message what could not be read, and what to do
	 * @param text the answer's text
	 * @param response the whole answer
	 * @param cause the parse error, if any
	 */
	public MistralStructuredOutputException(String message, String text, ChatCompletionResponse response,
			@Nullable Throwable cause) {
		super(message, text, cause);
		this.response = response;
	}

	/**
	 * The whole answer, with its finish reason and usage.
	 * @return the answer
	 */
	public ChatCompletionResponse getResponse() {
		return this.response;
	}

}
