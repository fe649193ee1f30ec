package dev.mistralboot.contract;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One operation of the Mistral OpenAPI description.
 *
 * @param method the HTTP method, upper case ({@code GET}, {@code POST}, ...)
 * @param path the path exactly as written in the description, for example
 * {@code /v1/files/{file_id}} or {@code /v1/conversations#stream}
 * @param operationId the operation id
 * @param tags the operation's tags, in the description's order
 * @param streaming {@code true} for the {@code #stream} variants: the same HTTP path with
 * {@code "stream": true} in the body, answered with server-sent events
 */
public record Operation(String method, String path, String operationId, List<String> tags, boolean streaming) {

	/** Suffix that marks the streaming variant of a path in the description. */
	static final String STREAM_SUFFIX = "#stream";

	/**
	 * Normalises the method to upper case and copies the tags.
	 * @param method the HTTP method
	 * @param path the path as written in the description
	 * @param operationId the operation id
	 * @param tags the tags
	 * @param streaming whether this is a {@code #stream} variant
	 */
	public Operation {
		method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(operationId, "operationId");
		tags = List.copyOf(tags);
	}

	/**
	 * The HTTP path template a client calls, without the {@code #stream} marker.
	 * @return for example {@code /v1/conversations/{conversation_id}}
	 */
	public String httpPath() {
		return this.path.endsWith(STREAM_SUFFIX) ? this.path.substring(0, this.path.length() - STREAM_SUFFIX.length())
				: this.path;
	}

	/**
	 * Readable form, {@code METHOD path operationId}, as in the description's
	 * {@code operations.txt}.
	 * @return the readable form
	 */
	@Override
	public String toString() {
		return this.method + " " + this.path + " " + this.operationId;
	}
}
