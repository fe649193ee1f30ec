package dev.mistralboot.client.models;

import java.util.Objects;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.RequestOptions;

import org.springframework.http.HttpMethod;

/**
 * Models: the model cards of {@code /v1/models} (base and fine-tuned) and the management
 * of fine-tuned models ({@code /v1/fine_tuning/models}).
 *
 * <pre>{@code
 * for (ModelCard card : models.list().data()) {
 *     if (card.capabilities().functionCalling()) {
 *         System.out.println(card.id());
 *     }
 * }
 * models.archive("ft:open-mistral-7b:587a6b29:20240514:7e773925");
 * }</pre>
 *
 * Failures raise the {@link dev.mistralboot.client.core.MistralException} hierarchy (an
 * unknown model is a {@link dev.mistralboot.client.core.MistralNotFoundException} or, for
 * some endpoints, a {@link dev.mistralboot.client.core.MistralBadRequestException}).
 * Thread-safe.
 */
public class MistralModelsClient {

	private final MistralHttp http;

	/**
	 * Creates a client.
	 * @param http the HTTP core
	 */
	public MistralModelsClient(MistralHttp http) {
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
	public MistralModelsClient withOptions(RequestOptions options) {
		return new MistralModelsClient(this.http.withOptions(options));
	}

	/**
	 * Lists every model available to the key ({@code GET /v1/models}).
	 * @return the model cards
	 */
	public ModelList list() {
		return list(ListModelsRequest.ALL);
	}

	/**
	 * Lists models with filters ({@code GET /v1/models}).
	 * @param request the filters
	 * @return the model cards
	 */
	public ModelList list(ListModelsRequest request) {
		return listWithResponse(request).body();
	}

	/**
	 * Lists models with filters, with the response's status and headers.
	 * @param request the filters
	 * @return the model cards and the response metadata
	 */
	public MistralResponse<ModelList> listWithResponse(ListModelsRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http.execute(ApiRequest.get("/v1/models")
			.operation("models.list")
			.query("provider", request.provider())
			.query("model", request.model())
			.build(), ModelList.class);
	}

	/**
	 * Reads one model card ({@code GET /v1/models/{model_id}}).
	 * @param modelId the model id, such as {@code mistral-small-latest}
	 * @return the card: a {@link BaseModelCard} or a {@link FineTunedModelCard}
	 * @throws IllegalArgumentException when the id is blank
	 */
	public ModelCard get(String modelId) {
		return this.http
			.execute(ApiRequest.get("/v1/models/{model_id}", modelId).operation("models.get").model(modelId).build(),
					ModelCard.class)
			.body();
	}

	/**
	 * Deletes a fine-tuned model ({@code DELETE /v1/models/{model_id}}).
	 * @param modelId the model id
	 * @return the confirmation
	 * @throws IllegalArgumentException when the id is blank
	 */
	public DeleteModelResponse delete(String modelId) {
		return this.http
			.execute(ApiRequest.of(HttpMethod.DELETE, "/v1/models/{model_id}", modelId)
				.operation("models.delete")
				.model(modelId)
				.build(), DeleteModelResponse.class)
			.body();
	}

	/**
	 * Changes the name or description of a fine-tuned model ({@code PATCH
	 * /v1/fine_tuning/models/{model_id}}).
	 * @param modelId the model id
	 * @param request the new values
	 * @return the updated model: a {@link CompletionFineTunedModel} or a
	 * {@link ClassifierFineTunedModel}
	 * @throws IllegalArgumentException when the id is blank
	 */
	public FineTunedModel update(String modelId, UpdateModelRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http
			.execute(ApiRequest.of(HttpMethod.PATCH, "/v1/fine_tuning/models/{model_id}", modelId)
				.operation("models.update")
				.model(modelId)
				.json(request)
				.build(), FineTunedModel.class)
			.body();
	}

	/**
	 * Archives a fine-tuned model ({@code POST
	 * /v1/fine_tuning/models/{model_id}/archive}).
	 * @param modelId the model id
	 * @return the new state
	 * @throws IllegalArgumentException when the id is blank
	 */
	public ArchiveModelResponse archive(String modelId) {
		return this.http
			.execute(ApiRequest.post("/v1/fine_tuning/models/{model_id}/archive", modelId)
				.operation("models.archive")
				.model(modelId)
				.build(), ArchiveModelResponse.class)
			.body();
	}

	/**
	 * Unarchives a fine-tuned model ({@code DELETE
	 * /v1/fine_tuning/models/{model_id}/archive}).
	 * @param modelId the model id
	 * @return the new state
	 * @throws IllegalArgumentException when the id is blank
	 */
	public UnarchiveModelResponse unarchive(String modelId) {
		return this.http
			.execute(ApiRequest.of(HttpMethod.DELETE, "/v1/fine_tuning/models/{model_id}/archive", modelId)
				.operation("models.unarchive")
				.model(modelId)
				.build(), UnarchiveModelResponse.class)
			.body();
	}

}
