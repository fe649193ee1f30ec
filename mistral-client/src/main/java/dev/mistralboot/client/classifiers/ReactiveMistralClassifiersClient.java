package dev.mistralboot.client.classifiers;

import java.util.Objects;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RequestOptions;
import reactor.core.publisher.Mono;

/**
 * Moderation and classification ({@code POST /v1/moderations},
 * {@code /v1/chat/moderations}, {@code /v1/classifications},
 * {@code /v1/chat/classifications}) on WebClient: the reactive twin of
 * {@link MistralClassifiersClient}, with the same requests, defaults and answers, as a
 * {@link Mono}.
 *
 * <pre>{@code
 * Mono<Boolean> flagged = classifiers.moderate(ClassificationRequest.of(comment))
 *     .map(ModerationResponse::flagged);
 * }</pre>
 *
 * Moderations without a model use the client's
 * {@link ClassifiersDefaults#moderationModel()}
 * ({@code mistral.classifiers.moderation-model}); classifications name their fine-tuned
 * classifier. Nothing is sent until subscription; failures are signalled as the
 * {@link dev.mistralboot.client.core.MistralException} hierarchy. Available when WebFlux
 * is on the classpath. Thread-safe.
 */
public class ReactiveMistralClassifiersClient {

	private final ReactiveMistralHttp http;

	private final ClassifiersDefaults defaults;

	/**
	 * Creates a client without defaults (every request names its model).
	 * @param http the reactive HTTP core
	 */
	public ReactiveMistralClassifiersClient(ReactiveMistralHttp http) {
		this(http, ClassifiersDefaults.NONE);
	}

	/**
	 * Creates a client.
	 * @param http the reactive HTTP core
	 * @param defaults values used when a request leaves them out
	 */
	public ReactiveMistralClassifiersClient(ReactiveMistralHttp http, ClassifiersDefaults defaults) {
		this.http = Objects.requireNonNull(http, "http");
		this.defaults = Objects.requireNonNull(defaults, "defaults");
	}

	/**
	 * This client with options applied to each of its calls: a timeout, the number of
	 * attempts, extra headers, a listener for the answers' metadata. The returned client
	 * shares its connections, observations and rate-limit budget with this one; deriving
	 * it is cheap.
	 * @param options the options, applied over the ones this client already applies
	 * @return a client applying the options
	 */
	public ReactiveMistralClassifiersClient withOptions(RequestOptions options) {
		return new ReactiveMistralClassifiersClient(this.http.withOptions(options), this.defaults);
	}

	/**
	 * Moderates texts against Mistral's policy categories ({@code POST /v1/moderations}).
	 * @param request the texts
	 * @return one result per text; an {@link IllegalArgumentException} signal when no
	 * model is named by the request or the defaults, a
	 * {@link dev.mistralboot.client.core.MistralApiException} for an error status (after
	 * retries)
	 */
	public Mono<ModerationResponse> moderate(ClassificationRequest request) {
		return Mono.defer(() -> {
			ClassificationRequest effective = Objects.requireNonNull(request, "request")
				.withModel(this.defaults.resolveModerationModel(request.model()));
			return call(post("/v1/moderations", "moderations", effective.model(), effective), ModerationResponse.class);
		});
	}

	/**
	 * Moderates the last message of conversations, in their context
	 * ({@code POST /v1/chat/moderations}).
	 * @param request the conversations
	 * @return one result per conversation; an {@link IllegalArgumentException} signal
	 * when no model is named by the request or the defaults
	 */
	public Mono<ModerationResponse> moderateChat(ChatModerationRequest request) {
		return Mono.defer(() -> {
			ChatModerationRequest effective = Objects.requireNonNull(request, "request")
				.withModel(this.defaults.resolveModerationModel(request.model()));
			return call(post("/v1/chat/moderations", "chat.moderations", effective.model(), effective),
					ModerationResponse.class);
		});
	}

	/**
	 * Classifies texts with a fine-tuned classifier ({@code POST /v1/classifications}).
	 * @param request the texts and the classifier model
	 * @return per text, the scores of each target; an {@link IllegalArgumentException}
	 * signal when the request names no model
	 */
	public Mono<ClassificationResponse> classify(ClassificationRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			if (request.model() == null) {
				return Mono.error(new IllegalArgumentException("A classification request needs the classifier model "
						+ "(a fine-tuned classifier id): use ClassificationRequest.of(model, inputs)"));
			}
			return call(post("/v1/classifications", "classifications", request.model(), request),
					ClassificationResponse.class);
		});
	}

	/**
	 * Classifies conversations with a fine-tuned classifier
	 * ({@code POST /v1/chat/classifications}).
	 * @param request the conversations and the classifier model
	 * @return per conversation, the scores of each target
	 */
	public Mono<ClassificationResponse> classifyChat(ChatClassificationRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return call(post("/v1/chat/classifications", "chat.classifications", request.model(), request),
					ClassificationResponse.class);
		});
	}

	/**
	 * The defaults this client applies.
	 * @return the defaults
	 */
	public ClassifiersDefaults defaults() {
		return this.defaults;
	}

	private <T> Mono<T> call(ApiRequest request, Class<T> type) {
		return this.http.execute(request, type).map(MistralResponse::body);
	}

	private static ApiRequest post(String path, String operation, String model, Object body) {
		return ApiRequest.post(path).operation(operation).model(model).json(body).build();
	}

}
