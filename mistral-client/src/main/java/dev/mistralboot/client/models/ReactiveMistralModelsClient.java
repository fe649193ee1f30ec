package dev.mistralboot.client.models;

import java.util.Objects;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RequestOptions;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

/**
 * Models on WebClient: the reactive twin of {@link MistralModelsClient}, with the model
 * cards of {@code /v1/models} (base and fine-tuned) and the management of fine-tuned
 * models ({@code /v1/fine_tuning/models}), each answer as a {@link Mono}.
 *
 * <pre>{@code
 * Flux<String> toolModels = models.list()
 *     .flatMapIterable(ModelList::data)
 *     .filter((card) -> card.capabilities().functionCalling())
 *     .map(ModelCard::id);
 * }</pre>
 *
 * Nothing is sent until subscription; failures are signalled as the
 * {@link dev.mistralboot.client.core.MistralException} hierarchy (an unknown model is a
 * {@link dev.mistralboot.client.core.MistralNotFoundException} or, for some endpoints, a
 * {@link dev.mistralboot.client.core.MistralBadRequestException}). Available when WebFlux
 * is on the classpath. Thread-safe.
 */
public class ReactiveMistralModelsClient {

	private final ReactiveMistralHttp http;

	/**
	 * Creates a client.
	 * @param http the reactive HTTP core
	 */
	public ReactiveMistralModelsClient(ReactiveMistralHttp http) {
		this.http = Objects.requireNonNull(http, "http");
	}

	/**
	 * This client with options applied to each of its calls: a timeout, the number of
	 * attempts, extra headers, a listener for the answers' metadata. The returned client
	 * shares its connections, observations and rate-limit budget with this one; deriving
	 * it is cheap.
	 * @param options the options, applied over the ones this client already applies
	 * @return a client applying the options
	 */
	public ReactiveMistralModelsClient withOptions(RequestOptions options) {
		return new ReactiveMistralModelsClient(this.http.withOptions(options));
	}

	/**
	 * Lists every model available to the key ({@code GET /v1/models}).
	 * @return the model cards
	 */
	public Mono<ModelList> list() {
		return list(ListModelsRequest.ALL);
	}

	/**
	 * Lists models with filters ({@code GET /v1/models}).
	 * @param request the filters
	 * @return the model cards
	 */
	public Mono<ModelList> list(ListModelsRequest request) {
		return listWithResponse(request).map(MistralResponse::body);
	}

	/**
	 * Lists models with filters, with the response's status and headers.
	 * @param request the filters
	 * @return the model cards and the response metadata
	 */
	public Mono<MistralResponse<ModelList>> listWithResponse(ListModelsRequest request) {
		return Mono.defer(() -> {
			Objects.requireNonNull(request, "request");
			return this.http.execute(ApiRequest.get("/v1/models")
				.operation("models.list")
				.query("provider", request.provider())
				.query("model", request.model())
				.build(), ModelList.class);
		});
	}

	/**
	 * Reads one model card ({@code GET /v1/models/{model_id}}).
	 * @param modelId the model id, such as {@code mistral-small-latest}
	 * @return the card: a {@link BaseModelCard} or a {@link FineTunedModelCard}; an
	 * {@link IllegalArgumentException} signal when the id is blank
	 */
	public Mono<ModelCard> get(String modelId) {
		return call(
				() -> ApiRequest.get("/v1/models/{model_id}", modelId).operation("models.get").model(modelId).build(),
				ModelCard.class);
	}

	/**
	 * Deletes a fine-tuned model ({@code DELETE /v1/models/{model_id}}).
	 * @param modelId the model id
	 * @return the confirmation; an {@link IllegalArgumentException} signal when the id is
	 * blank
	 */
	public Mono<DeleteModelResponse> delete(String modelId) {
		return call(() -> ApiRequest.of(HttpMethod.DELETE, "/v1/models/{model_id}", modelId)
			.operation("models.delete")
			.model(modelId)
			.build(), DeleteModelResponse.class);
	}

	/**
	 * Changes the name or description of a fine-tuned model ({@code PATCH
	 * /v1/fine_tuning/models/{model_id}}).
	 * @param modelId the model id
	 * @param request the new values
	 * @return the updated model: a {@link CompletionFineTunedModel} or a
	 * {@link ClassifierFineTunedModel}; an {@link IllegalArgumentException} signal when
	 * the id is blank
	 */
	public Mono<FineTunedModel> update(String modelId, UpdateModelRequest request) {
		return call(() -> ApiRequest.of(HttpMethod.PATCH, "/v1/fine_tuning/models/{model_id}", modelId)
			.operation("models.update")
			.model(modelId)
			.json(Objects.requireNonNull(request, "request"))
			.build(), FineTunedModel.class);
	}

	/**
	 * Archives a fine-tuned model ({@code POST
	 * /v1/fine_tuning/models/{model_id}/archive}).
	 * @param modelId the model id
	 * @return the new state; an {@link IllegalArgumentException} signal when the id is
	 * blank
	 */
	public Mono<ArchiveModelResponse> archive(String modelId) {
		return call(() -> ApiRequest.post("/v1/fine_tuning/models/{model_id}/archive", modelId)
			.operation("models.archive")
			.model(modelId)
			.build(), ArchiveModelResponse.class);
	}

	/**
	 * Unarchives a fine-tuned model ({@code DELETE
	 * /v1/fine_tuning/models/{model_id}/archive}).
	 * @param modelId the model id
	 * @return the new state; an {@link IllegalArgumentException} signal when the id is
	 * blank
	 */
	public Mono<UnarchiveModelResponse> unarchive(String modelId) {
		return call(() -> ApiRequest.of(HttpMethod.DELETE, "/v1/fine_tuning/models/{model_id}/archive", modelId)
			.operation("models.unarchive")
			.model(modelId)
			.build(), UnarchiveModelResponse.class);
	}

	private <T> Mono<T> call(java.util.function.Supplier<ApiRequest> request, Class<T> type) {
		return Mono.defer(() -> this.http.execute(request.get(), type)).map(MistralResponse::body);
	}

}
