package dev.mistralboot.client.classifiers;

import java.util.Objects;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.RequestOptions;

/**
 * Moderation and classification ({@code POST /v1/moderations},
 * {@code /v1/chat/moderations}, {@code /v1/classifications},
 * {@code /v1/chat/classifications}) over a blocking connection.
 *
 * <pre>{@code
 * if (classifiers.moderate(ClassificationRequest.of(comment)).flagged()) { ... }
 * ModerationResponse chat = classifiers.moderateChat(ChatModerationRequest.builder()
 *     .conversation(ChatMessage.user(question), ChatMessage.assistant(answer))
 *     .build());
 * }</pre>
 *
 * Moderations without a model use the client's
 * {@link ClassifiersDefaults#moderationModel()}
 * ({@code mistral.classifiers.moderation-model}); classifications name their fine-tuned
 * classifier. Failures raise the {@link dev.mistralboot.client.core.MistralException}
 * hierarchy. Thread-safe.
 */
public class MistralClassifiersClient {

	private final MistralHttp http;

	private final ClassifiersDefaults defaults;

	/**
	 * Creates a client without defaults (every request names its model).
	 * @param http the HTTP core
	 */
	public MistralClassifiersClient(MistralHttp http) {
		this(http, ClassifiersDefaults.NONE);
	}

	/**
	 * Creates a client.
	 * @param http the HTTP core
	 * @param defaults values used when a request leaves them out
	 */
	public MistralClassifiersClient(MistralHttp http, ClassifiersDefaults defaults) {
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
	public MistralClassifiersClient withOptions(RequestOptions options) {
		return new MistralClassifiersClient(this.http.withOptions(options), this.defaults);
	}

	/**
	 * Moderates texts against Mistral's policy categories ({@code POST /v1/moderations}).
	 * @param request the texts
	 * @return one result per text
	 * @throws IllegalArgumentException when no model is named by the request or the
	 * defaults
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 */
	public ModerationResponse moderate(ClassificationRequest request) {
		ClassificationRequest effective = Objects.requireNonNull(request, "request")
			.withModel(this.defaults.resolveModerationModel(request.model()));
		return this.http
			.execute(post("/v1/moderations", "moderations", effective.model(), effective), ModerationResponse.class)
			.body();
	}

	/**
	 * Moderates the last message of conversations, in their context
	 * ({@code POST /v1/chat/moderations}).
	 * @param request the conversations
	 * @return one result per conversation
	 * @throws IllegalArgumentException when no model is named by the request or the
	 * defaults
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 */
	public ModerationResponse moderateChat(ChatModerationRequest request) {
		ChatModerationRequest effective = Objects.requireNonNull(request, "request")
			.withModel(this.defaults.resolveModerationModel(request.model()));
		return this.http
			.execute(post("/v1/chat/moderations", "chat.moderations", effective.model(), effective),
					ModerationResponse.class)
			.body();
	}

	/**
	 * Classifies texts with a fine-tuned classifier ({@code POST /v1/classifications}).
	 * @param request the texts and the classifier model
	 * @return per text, the scores of each target
	 * @throws IllegalArgumentException when the request names no model
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 */
	public ClassificationResponse classify(ClassificationRequest request) {
		Objects.requireNonNull(request, "request");
		if (request.model() == null) {
			throw new IllegalArgumentException("A classification request needs the classifier model (a fine-tuned "
					+ "classifier id): use ClassificationRequest.of(model, inputs)");
		}
		return this.http
			.execute(post("/v1/classifications", "classifications", request.model(), request),
					ClassificationResponse.class)
			.body();
	}

	/**
	 * Classifies conversations with a fine-tuned classifier
	 * ({@code POST /v1/chat/classifications}).
	 * @param request the conversations and the classifier model
	 * @return per conversation, the scores of each target
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 */
	public ClassificationResponse classifyChat(ChatClassificationRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http
			.execute(post("/v1/chat/classifications", "chat.classifications", request.model(), request),
					ClassificationResponse.class)
			.body();
	}

	/**
	 * The defaults this client applies.
	 * @return the defaults
	 */
	public ClassifiersDefaults defaults() {
		return this.defaults;
	}

	private static ApiRequest post(String path, String operation, String model, Object body) {
		return ApiRequest.post(path).operation(operation).model(model).json(body).build();
	}

}
