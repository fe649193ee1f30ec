package dev.mistralboot.client.embeddings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralInvalidResponseException;
import dev.mistralboot.client.core.MistralIoException;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.RequestOptions;

/**
 * Embeddings ({@code POST /v1/embeddings}) over a blocking connection.
 *
 * <pre>{@code
 * float[] vector = embeddings.embed("Embed this sentence.").floats();
 * List<Embedding> vectors = embeddings.embedAll(tenThousandTexts); // batched, concurrent, in input order
 * }</pre>
 *
 * Vectors come back as primitive arrays ({@link Embedding}), whichever
 * {@code encoding_format} was asked for and whichever form the API answers with.
 * {@link #embedAll(EmbeddingRequest)} embeds any number of inputs: it splits them into
 * requests of at most {@code batchSize} inputs (and {@code maxBatchCharacters}
 * characters), runs at most {@code concurrency} of them at once (the calling thread runs
 * one, the others run on the executor), and returns the vectors in input order. In Spring
 * Boot the executor is the application's task executor ({@code applicationTaskExecutor},
 * virtual threads with {@code spring.threads.virtual.enabled}), and the observation
 * current on the calling thread is the parent of every batch's observation. Requests that
 * leave out the model get the client's {@link EmbeddingsDefaults}
 * ({@code mistral.embeddings.*}). Failures raise the
 * {@link dev.mistralboot.client.core.MistralException} hierarchy. Thread-safe.
 */
public class MistralEmbeddingsClient {

	static final String PATH = "/v1/embeddings";

	static final String OPERATION = "embeddings";

	private static final AtomicInteger threadNumber = new AtomicInteger();

	/**
	 * Starts each task on a new daemon thread: {@code embedAll} starts at most
	 * {@code concurrency - 1}.
	 */
	private static final Executor NEW_THREAD = (task) -> {
		Thread thread = new Thread(task, "mistral-embeddings-" + threadNumber.incrementAndGet());
		thread.setDaemon(true);
		thread.start();
	};

	private final MistralHttp http;

	private final EmbeddingsDefaults defaults;

	private final Executor executor;

	/**
	 * Creates a client without a default model and with the default batching.
	 * @param http the HTTP core
	 */
	public MistralEmbeddingsClient(MistralHttp http) {
		this(http, EmbeddingsDefaults.NONE);
	}

	/**
	 * Creates a client whose {@code embedAll} runs extra requests on threads of its own.
	 * @param http the HTTP core
	 * @param defaults the default model and batching
	 */
	public MistralEmbeddingsClient(MistralHttp http, EmbeddingsDefaults defaults) {
		this(http, defaults, NEW_THREAD);
	}

	/**
	 * Creates a client.
	 * @param http the HTTP core
	 * @param defaults the default model and batching
	 * @param executor where {@code embedAll} runs the requests beyond the calling
	 * thread's; a busy, queueing or rejecting executor only lowers the concurrency (the
	 * calling thread works through every batch left and does not wait for a task still
	 * queued). Tasks run as given: wrap the executor to carry thread-bound context
	 * (observations, logging context) to them
	 */
	public MistralEmbeddingsClient(MistralHttp http, EmbeddingsDefaults defaults, Executor executor) {
		this.http = Objects.requireNonNull(http, "http");
		this.defaults = Objects.requireNonNull(defaults, "defaults");
		this.executor = Objects.requireNonNull(executor, "executor");
	}

	/**
	 * This client with options applied to each of its calls: a timeout, the number of
	 * attempts, extra headers, a listener for the answers' metadata. The returned client
	 * shares its connections, observations and rate-limit budget with this one; deriving
	 * it is cheap.
	 * @param options the options, applied over the ones this client already applies
	 * @return a client applying the options
	 */
	public MistralEmbeddingsClient withOptions(RequestOptions options) {
		return new MistralEmbeddingsClient(this.http.withOptions(options), this.defaults, this.executor);
	}

	/**
	 * Embeds the request's inputs in one call.
	 * @param request the request
	 * @return the answer, its vectors decoded
	 * @throws IllegalArgumentException when no model is named by the request or the
	 * defaults
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 * @throws dev.mistralboot.client.core.MistralIoException when the API cannot be
	 * reached in time
	 */
	public EmbeddingResponse embed(EmbeddingRequest request) {
		return embedWithResponse(request).body();
	}

	/**
	 * Embeds the request's inputs in one call, with the response's status, headers and
	 * rate limits.
	 * @param request the request
	 * @return the answer, its vectors decoded, and its metadata
	 * @throws IllegalArgumentException when no model is named by the request or the
	 * defaults
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 */
	public MistralResponse<EmbeddingResponse> embedWithResponse(EmbeddingRequest request) {
		EmbeddingRequest effective = this.defaults.apply(request);
		MistralResponse<EmbeddingResponse> response = this.http.execute(apiRequest(effective), EmbeddingResponse.class);
		return new MistralResponse<>(response.body().withDtype(effective.effectiveDtype()), response.metadata());
	}

	/**
	 * Embeds one text with the default model.
	 * @param input the text
	 * @return its vector
	 * @throws IllegalArgumentException when no default model is configured
	 */
	public Embedding embed(String input) {
		return embed(EmbeddingRequest.builder().input(input).build()).embedding();
	}

	/**
	 * Embeds any number of texts with the default model, in batches, concurrently.
	 * @param inputs the texts
	 * @return one vector per text, in input order
	 * @see #embedAll(EmbeddingRequest)
	 */
	public List<Embedding> embedAll(List<String> inputs) {
		if (inputs.isEmpty()) {
			return List.of();
		}
		return embedAll(EmbeddingRequest.builder().input(inputs).build());
	}

	/**
	 * Embeds every input of the request: the inputs are split into requests of at most
	 * {@code batchSize} inputs (and {@code maxBatchCharacters} characters), each a copy
	 * of this request with its share of the inputs; at most {@code concurrency} run at
	 * once. When one fails, no further request is started and its exception is thrown
	 * once the running ones end.
	 * @param request the request whose inputs to embed, with its model and options
	 * @return one vector per input, in input order
	 * @throws IllegalArgumentException when no model is named by the request or the
	 * defaults
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status of any
	 * request, after retries
	 * @throws MistralInvalidResponseException when an answer does not hold one vector per
	 * input
	 */
	public List<Embedding> embedAll(EmbeddingRequest request) {
		EmbeddingRequest effective = this.defaults.apply(request);
		List<List<String>> batches = EmbeddingBatches.split(effective.input(), this.defaults.batchSize(),
				this.defaults.maxBatchCharacters());
		List<Embedding>[] results = runAll(effective, batches);
		List<Embedding> vectors = new ArrayList<>(effective.input().size());
		for (List<Embedding> result : results) {
			vectors.addAll(result);
		}
		return vectors;
	}

	@SuppressWarnings("unchecked")
	private List<Embedding>[] runAll(EmbeddingRequest request, List<List<String>> batches) {
		List<Embedding>[] results = new List[batches.size()];
		AtomicInteger next = new AtomicInteger();
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		Runnable worker = () -> {
			int index;
			while (failure.get() == null && (index = next.getAndIncrement()) < batches.size()) {
				try {
					results[index] = embedBatch(request, batches.get(index));
				}
				catch (RuntimeException ex) {
					if (!failure.compareAndSet(null, ex) && failure.get() != ex) {
						failure.get().addSuppressed(ex);
					}
				}
			}
		};
		int helpers = Math.min(this.defaults.concurrency(), batches.size()) - 1;
		Helpers started = new Helpers();
		for (int i = 0; i < helpers; i++) {
			try {
				this.executor.execute(() -> started.run(worker));
			}
			catch (RejectedExecutionException ex) {
				// fewer helpers: the calling thread does their share
			}
		}
		worker.run();
		try {
			started.closeAndAwait();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			MistralIoException interrupted = new MistralIoException(
					"Interrupted while embedding " + batches.size() + " batches", ex, false);
			failure.compareAndSet(null, interrupted);
			throw interrupted;
		}
		RuntimeException failed = failure.get();
		if (failed != null) {
			throw failed;
		}
		return results;
	}

	private List<Embedding> embedBatch(EmbeddingRequest template, List<String> inputs) {
		EmbeddingRequest request = template.toBuilder().input(inputs).build();
		return checkedVectors(embed(request), inputs.size());
	}

	static List<Embedding> checkedVectors(EmbeddingResponse response, int expected) {
		List<Embedding> vectors = response.embeddings();
		if (vectors.size() != expected) {
			throw new MistralInvalidResponseException("The embeddings answer " + response.id() + " holds "
					+ vectors.size() + " vectors for " + expected + " inputs", "", null);
		}
		return vectors;
	}

	/**
	 * The defaults this client applies.
	 * @return the defaults
	 */
	public EmbeddingsDefaults defaults() {
		return this.defaults;
	}

	static ApiRequest apiRequest(EmbeddingRequest effective) {
		return ApiRequest.post(PATH).operation(OPERATION).model(effective.model()).json(effective).build();
	}

	/**
	 * The helpers of one {@code embedAll}: the calling thread waits for those that
	 * started, never for one still queued in the executor (that one then does nothing). A
	 * shared pool whose threads all run {@code embedAll} cannot deadlock on its own
	 * queue.
	 */
	private static final class Helpers {

		private int running;

		private boolean closed;

		void run(Runnable worker) {
			synchronized (this) {
				if (this.closed) {
					return;
				}
				this.running++;
			}
			try {
				worker.run();
			}
			finally {
				synchronized (this) {
					this.running--;
					notifyAll();
				}
			}
		}

		synchronized void closeAndAwait() throws InterruptedException {
			this.closed = true;
			while (this.running > 0) {
				wait();
			}
		}

	}

}
