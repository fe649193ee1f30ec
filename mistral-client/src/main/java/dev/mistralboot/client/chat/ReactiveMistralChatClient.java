package dev.mistralboot.client.chat;

import java.lang.reflect.Type;
import java.util.Objects;

import dev.mistralboot.client.chat.tools.JsonSchemaGenerator;
import dev.mistralboot.client.chat.tools.ReactiveToolCallingChat;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RequestOptions;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Chat completions ({@code POST /v1/chat/completions}) on WebClient: a {@link Mono} for
 * whole answers and a {@link Flux} of chunks for streams. Cancelling the {@code Flux}
 * closes the connection. Available when WebFlux is on the classpath. The twin of
 * {@link MistralChatClient}: the same defaults, structured output
 * ({@link #complete(ChatCompletionRequest, Class)}), tools
 * ({@link #withTools(ToolRegistry)}) and, for streams, {@link #fold(Publisher)} in place
 * of {@link ChatCompletionAccumulator#fold(Iterable)}. Thread-safe.
 */
public class ReactiveMistralChatClient {

	private final ReactiveMistralHttp http;

	private final ChatDefaults defaults;

	private final StructuredOutput structured;

	/**
	 * Creates a client.
	 * @param http the reactive HTTP core
	 * @param defaults values used when a request leaves them out
	 */
	public ReactiveMistralChatClient(ReactiveMistralHttp http, ChatDefaults defaults) {
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
	public ReactiveMistralChatClient withOptions(RequestOptions options) {
		return new ReactiveMistralChatClient(this.http.withOptions(options), this.defaults);
	}

	/**
	 * Asks for a whole answer.
	 * @param request the request
	 * @return the answer
	 */
	public Mono<ChatCompletionResponse> complete(ChatCompletionRequest request) {
		return completeWithResponse(request).map(MistralResponse::body);
	}

	/**
	 * Asks for a whole answer, with its metadata.
	 * @param request the request
	 * @return the answer and its metadata
	 */
	public Mono<MistralResponse<ChatCompletionResponse>> completeWithResponse(ChatCompletionRequest request) {
		return Mono.defer(() -> this.http.execute(apiRequest(request, false), ChatCompletionResponse.class));
	}

	/**
	 * Streams the answer as it is generated. The {@code Flux} completes only after the
	 * stream's {@code [DONE]}; a stream cut before it fails with a
	 * {@link dev.mistralboot.client.core.MistralStreamException}, after the chunks that
	 * did arrive. Fold the chunks into one answer with {@link #fold(Publisher)}.
	 * @param request the request
	 * @return the chunks
	 */
	public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request) {
		return Flux.defer(() -> this.http.stream(apiRequest(request, true), ChatCompletionChunk.class));
	}

	/**
	 * Folds a stream of chunks into one answer with a {@link ChatCompletionAccumulator}:
	 * the reactive twin of {@link ChatCompletionAccumulator#fold(Iterable)}. The answer
	 * is emitted only when the chunks complete; when they fail (a stream of
	 * {@link #stream(ChatCompletionRequest)} cut before its {@code [DONE]} fails with a
	 * {@link dev.mistralboot.client.core.MistralStreamException}, as the blocking stream
	 * does), the {@code Mono} fails with the same exception and no partial answer is
	 * emitted. Each subscription folds its own chunks.
	 *
	 * <pre>{@code
	 * Mono<ChatCompletionResponse> answer = ReactiveMistralChatClient.fold(chat.stream(request)
	 *     .doOnNext((chunk) -> sink.tryEmitNext(chunk.text())));
	 * }</pre>
	 * @param chunks the chunks of one answer, in order (such as those of
	 * {@link #stream(ChatCompletionRequest)}, or of the agents and FIM streams)
	 * @return the whole answer
	 */
	public static Mono<ChatCompletionResponse> fold(Publisher<ChatCompletionChunk> chunks) {
		Objects.requireNonNull(chunks, "chunks");
		return Flux.from(chunks)
			.collect(ChatCompletionAccumulator::new, ChatCompletionAccumulator::add)
			.map(ChatCompletionAccumulator::toResponse);
	}

	/**
	 * Asks for an answer in the shape of a type, usually a record, and reads it: the
	 * reactive twin of {@link MistralChatClient#complete(ChatCompletionRequest, Class)}.
	 * Unless the request sets its own {@code response_format}, it is set to a strict
	 * {@code json_schema} generated from the type (see {@link JsonSchemaGenerator}); for
	 * {@link JsonNode} or {@code Object}, to {@code json_object}.
	 * @param <T> the type
	 * @param request the request
	 * @param type the type to read the answer as
	 * @return the answer, read as the type; fails with a
	 * {@link MistralStructuredOutputException}, which holds the text, when the answer
	 * cannot be read as the type
	 */
	public <T> Mono<T> complete(ChatCompletionRequest request, Class<T> type) {
		Objects.requireNonNull(type, "type");
		return structured(request, type);
	}

	/**
	 * Asks for an answer in the shape of a generic type, such as {@code List<Invoice>},
	 * and reads it; see {@link #complete(ChatCompletionRequest, Class)}.
	 * @param <T> the type
	 * @param request the request
	 * @param type the type to read the answer as
	 * @return the answer, read as the type; fails with a
	 * {@link MistralStructuredOutputException}, which holds the text, when the answer
	 * cannot be read as the type
	 */
	public <T> Mono<T> complete(ChatCompletionRequest request, ParameterizedTypeReference<T> type) {
		Objects.requireNonNull(type, "type");
		return structured(request, type.getType());
	}

	/**
	 * A chat that runs the registry's tools when the model calls them, until the model
	 * answers: the reactive twin of {@link MistralChatClient#withTools(ToolRegistry)}.
	 * Tool methods are blocking code: they run on Reactor's bounded elastic scheduler,
	 * never on the event loop (see {@link ReactiveToolCallingChat}).
	 * @param tools the tools (in Spring Boot, inject the {@code ToolRegistry} bean)
	 * @return the tool-calling chat, with the registry's limit of rounds and failure
	 * policy
	 */
	public ReactiveToolCallingChat withTools(ToolRegistry tools) {
		return new ReactiveToolCallingChat(this, tools);
	}

	/**
	 * The defaults this client applies.
	 * @return the defaults
	 */
	public ChatDefaults defaults() {
		return this.defaults;
	}

	private <T> Mono<T> structured(ChatCompletionRequest request, Type type) {
		return Mono.defer(() -> {
			JavaType javaType = this.structured.constructType(type);
			ChatCompletionRequest effective = this.structured.request(request, type, javaType);
			return complete(effective).map((response) -> this.structured.<T>read(response, javaType));
		});
	}

	private ApiRequest apiRequest(ChatCompletionRequest request, boolean stream) {
		ChatCompletionRequest effective = this.defaults.apply(Objects.requireNonNull(request, "request"), stream);
		return ApiRequest.post(MistralChatClient.PATH)
			.operation("chat")
			.model(effective.model())
			.json(effective)
			.build();
	}

}
