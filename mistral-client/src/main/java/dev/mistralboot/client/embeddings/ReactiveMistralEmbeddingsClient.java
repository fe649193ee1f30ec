package dev.mistralboot.client.embeddings;

import java.util.List;
import java.util.Objects;

import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RequestOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Embeddings ({@code POST /v1/embeddings}) on WebClient. Same vectors, defaults and
 * batching as {@link MistralEmbeddingsClient}: {@link #embedAll(EmbeddingRequest)} runs
 * at most {@code concurrency} requests at once and emits the vectors in input order.
 * Available when WebFlux is on the classpath. Thread-safe.
 */
public class ReactiveMistralEmbeddingsClient {

	private final ReactiveMistralHttp http;

	private final EmbeddingsDefaults defaults;

	/**
	 * Creates a client.
	 * @param http the reactive HTTP core
	 * @param defaults the default model and batching
	 */
	public ReactiveMistralEmbeddingsClient(ReactiveMistralHttp http, EmbeddingsDefaults defaults) {
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
	public ReactiveMistralEmbeddingsClient withOptions(RequestOptions options) {
		return new ReactiveMistralEmbeddingsClient(this.http.withOptions(options), this.defaults);
	}

	/**
	 * Embeds the request's inputs in one call.
	 * @param request the request
	 * @return the answer, its vectors decoded
	 */
	public Mono<EmbeddingResponse> embed(EmbeddingRequest request) {
		return embedWithResponse(request).map(MistralResponse::body);
	}

	/**
	 * Embeds the request's inputs in one call, with the response's metadata.
	 * @param request the request
	 * @return the answer, its vectors decoded, and its metadata
	 */
	public Mono<MistralResponse<EmbeddingResponse>> embedWithResponse(EmbeddingRequest request) {
		return Mono.defer(() -> {
			EmbeddingRequest effective = this.defaults.apply(request);
			return this.http.execute(MistralEmbeddingsClient.apiRequest(effective), EmbeddingResponse.class)
				.map((response) -> new MistralResponse<>(response.body().withDtype(effective.effectiveDtype()),
						response.metadata()));
		});
	}

	/**
	 * Embeds any number of texts with the default model, in batches, concurrently.
	 * @param inputs the texts
	 * @return one vector per text, in input order
	 */
	public Mono<List<Embedding>> embedAll(List<String> inputs) {
		if (inputs.isEmpty()) {
			return Mono.just(List.of());
		}
		return Mono.defer(() -> embedAll(EmbeddingRequest.builder().input(inputs).build()));
	}

	/**
	 * Embeds every input of the request in batches (see
	 * {@link MistralEmbeddingsClient#embedAll(EmbeddingRequest)}), at most
	 * {@code concurrency} at once. The first failure cancels the requests still running.
	 * @param request the request whose inputs to embed, with its model and options
	 * @return one vector per input, in input order
	 */
	public Mono<List<Embedding>> embedAll(EmbeddingRequest request) {
		return Mono.defer(() -> {
			EmbeddingRequest effective = this.defaults.apply(request);
			List<List<String>> batches = EmbeddingBatches.split(effective.input(), this.defaults.batchSize(),
					this.defaults.maxBatchCharacters());
			return Flux.fromIterable(batches)
				.flatMapSequential(
						(batch) -> embed(effective.toBuilder().input(batch).build())
							.map((response) -> MistralEmbeddingsClient.checkedVectors(response, batch.size())),
						this.defaults.concurrency(), 1)
				.<Embedding>concatMapIterable((vectors) -> vectors)
				.collectList();
		});
	}

}
