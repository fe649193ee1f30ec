package dev.mistralboot.client.core;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * One call to the Mistral API, described by an endpoint family and executed by
 * {@link MistralHttp} or {@link ReactiveMistralHttp}: method, path template and
 * variables, query parameters, and a JSON or multipart body.
 * <p>
 * {@code operation} names the API operation for logs and observations (such as
 * {@code chat} or {@code files.upload}); {@code model} is the requested model, when the
 * call has one.
 */
public final class ApiRequest {

	private final HttpMethod method;

	private final String path;

	private final Object[] uriVariables;

	private final MultiValueMap<String, String> query;

	private final @Nullable Object jsonBody;

	private final @Nullable MultiValueMap<String, ?> multipartBody;

	private final boolean repeatable;

	private final String operation;

	private final @Nullable String model;

	private final HttpHeaders headers;

	private final RequestOptions options;

	private final @Nullable Predicate<Object> streamEnd;

	private ApiRequest(Builder builder) {
		this.method = builder.method;
		this.path = builder.path;
		this.uriVariables = builder.uriVariables;
		this.query = builder.query;
		this.jsonBody = builder.jsonBody;
		this.multipartBody = builder.multipartBody;
		this.repeatable = builder.repeatable;
		this.operation = Objects.requireNonNull(builder.operation, "operation");
		this.model = builder.model;
		this.headers = builder.headers;
		this.options = RequestOptions.NONE;
		this.streamEnd = builder.streamEnd;
	}

	private ApiRequest(ApiRequest request, RequestOptions options) {
		this.method = request.method;
		this.path = request.path;
		this.uriVariables = request.uriVariables;
		this.query = request.query;
		this.jsonBody = request.jsonBody;
		this.multipartBody = request.multipartBody;
		this.repeatable = request.repeatable;
		this.operation = request.operation;
		this.model = request.model;
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(request.headers);
		headers.putAll(options.headers());
		this.headers = headers;
		this.options = options;
		this.streamEnd = request.streamEnd;
	}

	/**
	 * Starts a GET request.
	 * @param path the path template such as {@code /v1/files/{file_id}}
	 * @param uriVariables values for the template's variables, in order (encoded)
	 * @return a builder
	 */
	public static Builder get(String path, Object... uriVariables) {
		return new Builder(HttpMethod.GET, path, uriVariables);
	}

	/**
	 * Starts a POST request.
	 * @param path the path template
	 * @param uriVariables values for the template's variables, in order (encoded)
	 * @return a builder
	 */
	public static Builder post(String path, Object... uriVariables) {
		return new Builder(HttpMethod.POST, path, uriVariables);
	}

	/**
	 * Starts a request with any method.
	 * @param method the method
	 * @param path the path template
	 * @param uriVariables values for the template's variables, in order (encoded)
	 * @return a builder
	 */
	public static Builder of(HttpMethod method, String path, Object... uriVariables) {
		return new Builder(method, path, uriVariables);
	}

	/**
	 * Returns the HTTP method.
	 * @return the HTTP method
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * Returns the path template.
	 * @return the path template
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Returns the template variables.
	 * @return the template variables
	 */
	public Object[] uriVariables() {
		return this.uriVariables.clone();
	}

	/**
	 * Returns the query parameters.
	 * @return the query parameters
	 */
	public MultiValueMap<String, String> query() {
		return this.query;
	}

	/**
	 * Returns the object serialised as the JSON body, or {@code null}.
	 * @return the object serialised as the JSON body, or {@code null}
	 */
	public @Nullable Object jsonBody() {
		return this.jsonBody;
	}

	/**
	 * Returns the multipart parts, or {@code null}.
	 * @return the multipart parts, or {@code null}
	 */
	public @Nullable MultiValueMap<String, ?> multipartBody() {
		return this.multipartBody;
	}

	/**
	 * Returns whether the body can be sent again, which a retry needs.
	 * @return whether the body can be sent again, which a retry needs
	 */
	public boolean repeatable() {
		return this.repeatable;
	}

	/**
	 * Returns the operation name, such as {@code chat}.
	 * @return the operation name, such as {@code chat}
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * Returns the requested model, or {@code null}.
	 * @return the requested model, or {@code null}
	 */
	public @Nullable String model() {
		return this.model;
	}

	/**
	 * Returns extra request headers.
	 * @return extra request headers
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * The per-call options this request carries (its headers are already in
	 * {@link #headers()}).
	 * @return the options, {@link RequestOptions#NONE} when none
	 */
	public RequestOptions options() {
		return this.options;
	}

	/**
	 * How a stream of this request ends: {@code null} for {@code data: [DONE]} (chat and
	 * the other completions), else the test of the last chunk (a conversation's
	 * {@code conversation.response.done} or {@code conversation.response.error} event).
	 * Either way a stream that ends before its end is cut.
	 * @return the test of the last chunk, or {@code null} for {@code [DONE]}
	 */
	public @Nullable Predicate<Object> streamEnd() {
		return this.streamEnd;
	}

	/**
	 * This request with options applied over the ones it carries.
	 * @param options the options
	 * @return the request with the options, or this request when they are empty
	 */
	public ApiRequest withOptions(RequestOptions options) {
		if (options.isEmpty()) {
			return this;
		}
		return new ApiRequest(this, this.options.and(options));
	}

	@Override
	public String toString() {
		return this.method + " " + this.path + " (" + this.operation + ")";
	}

	/**
	 * Builds an {@link ApiRequest}.
	 */
	public static final class Builder {

		private final HttpMethod method;

		private final String path;

		private final Object[] uriVariables;

		private final MultiValueMap<String, String> query = new LinkedMultiValueMap<>();

		private @Nullable Object jsonBody;

		private @Nullable MultiValueMap<String, ?> multipartBody;

		private boolean repeatable = true;

		private @Nullable String operation;

		private @Nullable String model;

		private final HttpHeaders headers = new HttpHeaders();

		private @Nullable Predicate<Object> streamEnd;

		private Builder(HttpMethod method, String path, Object[] uriVariables) {
			this.method = method;
			this.path = path;
			this.uriVariables = Arrays.copyOf(uriVariables, uriVariables.length);
		}

		/**
		 * Adds a query parameter unless the value is {@code null}.
		 * @param name the parameter name
		 * @param value the value; collections add one parameter per element
		 * @return this builder
		 */
		public Builder query(String name, @Nullable Object value) {
			if (value instanceof Iterable<?> values) {
				for (Object element : values) {
					this.query.add(name, String.valueOf(element));
				}
			}
			else if (value != null) {
				this.query.add(name, String.valueOf(value));
			}
			return this;
		}

		/**
		 * Sets the object serialised as the JSON body.
		 * @param body the body
		 * @return this builder
		 */
		public Builder json(Object body) {
			this.jsonBody = body;
			return this;
		}

		/**
		 * Sets a multipart body, written by Spring's form converter (files stream from
		 * their {@link org.springframework.core.io.Resource}).
		 * @param parts the parts
		 * @param repeatable whether every part can be read again (for retries)
		 * @return this builder
		 */
		public Builder multipart(MultiValueMap<String, ?> parts, boolean repeatable) {
			this.multipartBody = parts;
			this.repeatable = repeatable;
			return this;
		}

		/**
		 * Names the API operation, for logs and observations.
		 * @param operation the name, such as {@code chat}
		 * @return this builder
		 */
		public Builder operation(String operation) {
			this.operation = operation;
			return this;
		}

		/**
		 * Records the requested model, for observations.
		 * @param model the model
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Adds a request header.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			this.headers.add(name, value);
			return this;
		}

		/**
		 * Marks the end of a stream that has no {@code data: [DONE]}: the stream is
		 * complete after the first chunk the test accepts, and cut when it ends before.
		 * @param lastChunk the test of the last chunk
		 * @return this builder
		 */
		public Builder streamEnd(Predicate<Object> lastChunk) {
			this.streamEnd = Objects.requireNonNull(lastChunk, "lastChunk");
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ApiRequest build() {
			return new ApiRequest(this);
		}

	}

}
