package dev.mistralboot.test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A request {@link MockMistral} received, to verify what the application sent. Immutable.
 *
 * <p>
 * {@link #toString()} shows the method and URL only: headers (which carry the API key)
 * and the body stay out.
 */
public final class RecordedRequest {

	private final String method;

	private final String url;

	private final @Nullable String operationId;

	private final Map<String, String> headers;

	private final byte[] body;

	RecordedRequest(String method, String url, @Nullable String operationId, Map<String, String> headers, byte[] body) {
		this.method = method;
		this.url = url;
		this.operationId = operationId;
		this.headers = Map.copyOf(headers);
		this.body = body.clone();
	}

	/**
	 * The HTTP method.
	 * @return for example {@code POST}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The path and query string.
	 * @return for example {@code /v1/fine_tuning/jobs?dry_run=true}
	 */
	public String url() {
		return this.url;
	}

	/**
	 * The path without the query string.
	 * @return for example {@code /v1/fine_tuning/jobs}
	 */
	public String path() {
		int query = this.url.indexOf('?');
		return (query < 0) ? this.url : this.url.substring(0, query);
	}

	/**
	 * The operation id of the OpenAPI description the request corresponds to, such as
	 * {@code chat_completion_v1_chat_completions_post}.
	 * @return the id, or {@code null} when the request matches no operation
	 */
	public @Nullable String operationId() {
		return this.operationId;
	}

	/**
	 * A request header.
	 * @param name the header name, any case
	 * @return the first value, or {@code null}
	 */
	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * The body bytes.
	 * @return a copy; empty when the request had no body
	 */
	public byte[] body() {
		return this.body.clone();
	}

	/**
	 * The body as UTF-8 text.
	 * @return the text; empty when the request had no body
	 */
	public String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * The JSON body as a tree.
	 * @return the tree
	 * @throws IllegalStateException when the body is not JSON
	 */
	public JsonNode json() {
		try {
			return MockResponses.JSON.readTree(this.body);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(this + " does not have a JSON body: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * The JSON body read as one of the client's request types, for example
	 * {@code bodyAs(ChatCompletionRequest.class)}.
	 * @param <T> the type
	 * @param type the type
	 * @return the body
	 * @throws IllegalStateException when the body is not JSON of that type
	 */
	public <T> T bodyAs(Class<T> type) {
		try {
			return MockResponses.JSON.readValue(this.body, type);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(this + " does not have a JSON body of type " + type.getSimpleName() + ": "
					+ ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return this.method + " " + this.url;
	}

}
