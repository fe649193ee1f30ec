package dev.mistralboot.client.chat;

import java.lang.reflect.Type;
import java.util.Objects;

import dev.mistralboot.client.chat.tools.JsonSchemaGenerator;
import dev.mistralboot.client.chat.tools.ToolCallingChat;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.RequestOptions;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Chat completions ({@code POST /v1/chat/completions}) over a blocking connection: whole
 * answers, and streams that need no WebFlux.
 *
 * <pre>{@code
 * ChatCompletionResponse answer = chat.complete(ChatCompletionRequest.builder()
 *     .model("mistral-small-latest")
 *     .user("What is the best French cheese?")
 *     .build());
 * System.out.println(answer.text());
 * }</pre>
 *
 * Requests that leave out the model, temperature, max tokens or safe prompt get the
 * client's {@link ChatDefaults} ({@code mistral.chat.*}). Failures raise the
 * {@link dev.mistralboot.client.core.MistralException} hierarchy. Thread-safe.
 */
public class MistralChatClient {

	static final String PATH = "/v1/chat/completions";

	private final MistralHttp http;

	private final ChatDefaults defaults;

	private final StructuredOutput structured;

	/**
	 * Creates a client without defaults (every request names its model).
	 * @param http the HTTP core
	 */
	public MistralChatClient(MistralHttp http) {
		this(http, ChatDefaults.NONE);
	}

	/**
	 * Creates a client.
	 * @param http the HTTP core
	 * @param defaults values used when a request leaves them out
	 */
	public MistralChatClient(MistralHttp http, ChatDefaults defaults) {
		this.http = Objects.requireNonNull(http, "http");
		this.defaults = Objects.requireNonNull(defaults, "defaults");
		this.structured = new StructuredOutput(http.jsonMapper());
	}

	/**
	 * This client with options applied to each of its calls: a timeout, the number of
	 * attempts, extra headers, a listener for the answers' metadata. The returned client
	 * shares its connections, observations and rate-limit budget with this one; deriving
	 * it is cheap.
	 * @param options the options, applied over the ones this client already applies
	 * @return a client applying the options
	 */
	public MistralChatClient withOptions(RequestOptions options) {
		return new MistralChatClient(this.http.withOptions(options), this.defaults);
	}

	/**
	 * Asks for a whole answer.
	 * @param request the request
	 * @return the answer
	 * @throws IllegalArgumentException when no model is named by the request or the
	 * defaults
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 * @throws dev.mistralboot.client.core.MistralIoException when the API cannot be
	 * reached in time
	 */
	public ChatCompletionResponse complete(ChatCompletionRequest request) {
		return completeWithResponse(request).body();
	}

	/**
	 * Asks for a whole answer, with the response's status, headers and rate limits.
	 * @param request the request
	 * @return the answer and its metadata
	 */
	public MistralResponse<ChatCompletionResponse> completeWithResponse(ChatCompletionRequest request) {
		return this.http.execute(apiRequest(request, false), ChatCompletionResponse.class);
	}

	/**
	 * Streams the answer as it is generated. Use the result in try-with-resources; fold
	 * chunks with {@link ChatCompletionAccumulator}.
	 * @param request the request
	 * @return the open stream of chunks
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 */
	public MistralStream<ChatCompletionChunk> stream(ChatCompletionRequest request) {
		return this.http.stream(apiRequest(request, true), ChatCompletionChunk.class);
	}

	/**
	 * Asks for an answer in the shape of a type, usually a record, and reads it. Unless
	 * the request sets its own {@code response_format}, it is set to a strict
	 * {@code json_schema} generated from the type (see {@link JsonSchemaGenerator}); for
	 * {@link JsonNode} or {@code Object}, to {@code json_object} (JSON mode: any JSON
	 * object, so say in the prompt what it should hold).
	 *
	 * <pre>{@code
	 * record Invoice(String number, LocalDate date, List<Line> lines) { }
	 * Invoice invoice = chat.complete(ChatCompletionRequest.builder().user("Extract the invoice: " + text).build(),
	 *         Invoice.class);
	 * }</pre>
	 * @param <T> the type
	 * @param request the request
	 * @param type the type to read the answer as
	 * @return the answer, read as the type
	 * @throws MistralStructuredOutputException when the answer's text cannot be read as
	 * the type; it holds the text
	 */
	public <T> T complete(ChatCompletionRequest request, Class<T> type) {
		Objects.requireNonNull(type, "type");
		return structured(request, type, this.structured.constructType(type));
	}

	/**
	 * Asks for an answer in the shape of a generic type, such as {@code List<Invoice>},
	 * and reads it; see {@link #complete(ChatCompletionRequest, Class)}.
	 * @param <T> the type
	 * @param request the request
	 * @param type the type to read the answer as
	 * @return the answer, read as the type
	 * @throws MistralStructuredOutputException when the answer's text cannot be read as
	 * the type; it holds the text
	 */
	public <T> T complete(ChatCompletionRequest request, ParameterizedTypeReference<T> type) {
		Objects.requireNonNull(type, "type");
		return structured(request, type.getType(), this.structured.constructType(type.getType()));
	}

	/**
	 * A chat that runs the registry's tools when the model calls them, until the model
	 * answers.
	 * @param tools the tools (in Spring Boot, inject the {@code ToolRegistry} bean)
	 * @return the tool-calling chat, with the registry's limit of rounds and failure
	 * policy
	 */
	public ToolCallingChat withTools(ToolRegistry tools) {
		return new ToolCallingChat(this, tools);
	}

	/**
	 * The defaults this client applies.
	 * @return the defaults
	 */
	public ChatDefaults defaults() {
		return this.defaults;
	}

	private <T> T structured(ChatCompletionRequest request, Type type, JavaType javaType) {
		ChatCompletionResponse response = complete(this.structured.request(request, type, javaType));
		return this.structured.read(response, javaType);
	}

	private ApiRequest apiRequest(ChatCompletionRequest request, boolean stream) {
		ChatCompletionRequest effective = this.defaults.apply(Objects.requireNonNull(request, "request"), stream);
		return ApiRequest.post(PATH).operation("chat").model(effective.model()).json(effective).build();
	}

}
