package dev.mistralboot.client.core;

import org.jspecify.annotations.Nullable;

/**
 * A server-sent event stream failed after it started: it was cut before
 * {@code data: [DONE]}, or the server sent an error inside the stream. Chunks delivered
 * before the failure are valid, but the answer is incomplete.
 */
public class MistralStreamException extends MistralException {

	private static final long serialVersionUID = 1L;

	private final int chunksDelivered;

	private final @Nullable ApiError error;

	/**
	 * Creates a stream exception.
	 * @param message what happened
	 * @param chunksDelivered how many chunks the caller received before the failure
	 * @param error the error the server sent inside the stream, if any
	 * @param cause the underlying error, if any
	 */
	public MistralStreamException(String message, int chunksDelivered, @Nullable ApiError error,
			@Nullable Throwable cause) {
		super(message, cause);
		this.chunksDelivered = chunksDelivered;
		this.error = error;
	}

	/**
	 * How many chunks the caller received before the stream failed.
	 * @return the number of chunks
	 */
	public int getChunksDelivered() {
		return this.chunksDelivered;
	}

	/**
	 * The error event the server sent inside the stream, if that is why it failed.
	 * @return the parsed error, or {@code null} when the stream was cut
	 */
	public @Nullable ApiError getError() {
		return this.error;
	}

}
