package dev.mistralboot.client.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The Mistral API answered with an error status. Subclasses exist for every status family
 * the API uses (400, 401, 402, 403, 404, 410, 422, 429, 5xx); other statuses raise this
 * type itself.
 * <p>
 * The exception keeps everything needed for diagnosis: status, response headers, raw
 * body, the parsed {@code type}/{@code code}/{@code message}/{@code param}, and the
 * {@code mistral-correlation-id} header that Mistral support asks for.
 */
public class MistralApiException extends MistralException {

	private static final long serialVersionUID = 1L;

	private final int statusCode;

	private final transient HttpHeaders headers;

	private final String rawBody;

	private final ApiError error;

	/**
	 * Creates an API exception.
	 * @param message the full message (see {@link ErrorResponses} for how it is built)
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param rawBody the response body as received
	 * @param error the parsed error
	 */
	public MistralApiException(String message, int statusCode, HttpHeaders headers, String rawBody, ApiError error) {
		super(message);
		this.statusCode = statusCode;
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
		this.rawBody = rawBody;
		this.error = error;
	}

	/**
	 * The HTTP status code.
	 * @return the status, such as 429
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * The response headers (read-only).
	 * @return the headers
	 */
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	/**
	 * The response body exactly as received (possibly empty, plain text or HTML).
	 * @return the raw body
	 */
	public String getRawBody() {
		return this.rawBody;
	}

	/**
	 * The parsed error.
	 * @return the error (its message is never {@code null})
	 */
	public ApiError getError() {
		return this.error;
	}

	/**
	 * The error type the API sent, such as {@code invalid_request_error}.
	 * @return the type, or {@code null}
	 */
	public @Nullable String getType() {
		return this.error.type();
	}

	/**
	 * The error code the API sent, such as {@code 1300}.
	 * @return the code, or {@code null}
	 */
	public @Nullable String getCode() {
		return this.error.code();
	}

	/**
	 * The request parameter the API blamed.
	 * @return the parameter, or {@code null}
	 */
	public @Nullable String getParam() {
		return this.error.param();
	}

	/**
	 * The validation errors of the answer (non-empty mostly for 422).
	 * @return the details
	 */
	public List<ApiError.ValidationDetail> getDetails() {
		return this.error.details();
	}

	/**
	 * The {@code mistral-correlation-id} response header: quote it to Mistral support.
	 * @return the correlation id, or {@code null}
	 */
	public @Nullable String getCorrelationId() {
		return this.headers.getFirst(ResponseMetadata.CORRELATION_ID_HEADER);
	}

}
