package dev.mistralboot.client.finetuning;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.ReactiveMistralPager;
import dev.mistralboot.client.core.RequestOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fine-tuning jobs ({@code /v1/fine_tuning/jobs}) on WebClient: the reactive twin of
 * {@link MistralFineTuningClient}. Create (or estimate with a dry run), list, read,
 * start, cancel, and wait for a job to finish without blocking a thread.
 *
 * <pre>{@code
 * Mono<FineTuningJob> done = fineTuning.create(CreateFineTuningJobRequest.builder()
 *         .model("open-mistral-7b")
 *         .trainingFiles(TrainingFile.of(trainingFileId))
 *         .hyperparameters(TrainingParameters.of(1e-4, 100))
 *         .build())
 *     .flatMap((job) -> fineTuning.waitForCompletion(job.id(),
 *         (update) -> log.info("{} is {}", update.id(), update.status())));
 * }</pre>
 *
 * Nothing is sent until subscription; failures are signalled as the
 * {@link dev.mistralboot.client.core.MistralException} hierarchy. Available when WebFlux
 * is on the classpath. Thread-safe.
 */
public class ReactiveMistralFineTuningClient {

	/** The default wait between two reads of a job in {@link #waitForCompletion}. */
	public static final Duration DEFAULT_POLL_INTERVAL = MistralFineTuningClient.DEFAULT_POLL_INTERVAL;

	/** The default longest wait of {@link #waitForCompletion}. */
	public static final Duration DEFAULT_POLL_TIMEOUT = MistralFineTuningClient.DEFAULT_POLL_TIMEOUT;

	private static final String JOBS = "/v1/fine_tuning/jobs";

	private final ReactiveMistralHttp http;

	private final ReactiveJobPoller poller;

	/**
	 * Creates a client that polls every 10 seconds for up to 24 hours.
	 * @param http the reactive HTTP core
	 */
	public ReactiveMistralFineTuningClient(ReactiveMistralHttp http) {
		this(http, ReactiveJobPoller.of(DEFAULT_POLL_INTERVAL, DEFAULT_POLL_TIMEOUT));
	}

	/**
	 * Creates a client.
	 * @param http the reactive HTTP core
	 * @param poller how {@link #waitForCompletion} polls
	 * ({@code mistral.fine-tuning.poll-*})
	 */
	public ReactiveMistralFineTuningClient(ReactiveMistralHttp http, ReactiveJobPoller poller) {
		this.http = Objects.requireNonNull(http, "http");
		this.poller = Objects.requireNonNull(poller, "poller");
	}

	/**
	 * This client with options applied to each of its calls: a timeout, the number of
	 * attempts, extra headers, a listener for the answers' metadata. The returned client
	 * shares its connections, observations and rate-limit budget with this one; deriving
	 * it is cheap.
	 * @param options the options, applied over the ones this client already applies
	 * @return a client applying the options
	 */
	public ReactiveMistralFineTuningClient withOptions(RequestOptions options) {
		return new ReactiveMistralFineTuningClient(this.http.withOptions(options), this.poller);
	}

	/**
	 * Lists the first page of jobs ({@code GET /v1/fine_tuning/jobs}).
	 * @return the page
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public Mono<FineTuningJobList> list() {
		return list(ListFineTuningJobsRequest.ALL);
	}

	/**
	 * Lists one page of jobs ({@code GET /v1/fine_tuning/jobs}).
	 * @param request the page and filters
	 * @return the page
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public Mono<FineTuningJobList> list(ListFineTuningJobsRequest request) {
		return call(() -> MistralFineTuningClient.listRequest(request), FineTuningJobList.class);
	}

	/**
	 * Every job matching the filters, across all pages, starting at the request's page (0
	 * when unset). A page is requested only when the subscriber has taken every job of
	 * the previous one and asks for more.
	 * @param request the filters and page size
	 * @return the jobs
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public Flux<FineTuningJob> listAll(ListFineTuningJobsRequest request) {
		return Flux.defer(() -> {
			Objects.requireNonNull(request, "request");
			int first = (request.page() != null) ? request.page() : 0;
			int size = (request.pageSize() != null) ? request.pageSize() : ListFineTuningJobsRequest.DEFAULT_PAGE_SIZE;
			return ReactiveMistralPager.flux(first, size,
					(page) -> list(request.toBuilder().page(page).pageSize(size).build()));
		});
	}

	/**
	 * Creates a job ({@code POST /v1/fine_tuning/jobs}). With {@code autoStart(false)}
	 * the job waits, once its data is validated, for {@link #start(String)}.
	 * @param request the job
	 * @return the created job
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public Mono<FineTuningJob> create(CreateFineTuningJobRequest request) {
		return call(() -> ApiRequest.post(JOBS)
			.operation("fine-tuning.create")
			.model(request.model())
			.json(request)
			.build(), FineTuningJob.class);
	}

	/**
	 * Estimates a job without creating it
	 * ({@code POST /v1/fine_tuning/jobs?dry_run=true}): cost, duration, token counts.
	 * @param request the job
	 * @return the estimate
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public Mono<DryRunResult> dryRun(CreateFineTuningJobRequest request) {
		return call(() -> ApiRequest.post(JOBS)
			.operation("fine-tuning.dry-run")
			.model(request.model())
			.query("dry_run", true)
			.json(request)
			.build(), DryRunResult.class);
	}

	/**
	 * Reads a job with its events and checkpoints ({@code GET
	 * /v1/fine_tuning/jobs/{job_id}}).
	 * @param jobId the job id
	 * @return the job; an {@link IllegalArgumentException} signal when the id is blank
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public Mono<FineTuningJob> get(String jobId) {
		return call(() -> ApiRequest.get(JOBS + "/{job_id}", jobId).operation("fine-tuning.get").build(),
				FineTuningJob.class);
	}

	/**
	 * Asks for a job to be cancelled ({@code POST /v1/fine_tuning/jobs/{job_id}/cancel}).
	 * @param jobId the job id
	 * @return the job, usually {@code CANCELLATION_REQUESTED}; an
	 * {@link IllegalArgumentException} signal when the id is blank
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public Mono<FineTuningJob> cancel(String jobId) {
		return call(() -> ApiRequest.post(JOBS + "/{job_id}/cancel", jobId).operation("fine-tuning.cancel").build(),
				FineTuningJob.class);
	}

	/**
	 * Starts a validated job created with {@code autoStart(false)} ({@code POST
	 * /v1/fine_tuning/jobs/{job_id}/start}).
	 * @param jobId the job id
	 * @return the job; an {@link IllegalArgumentException} signal when the id is blank
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public Mono<FineTuningJob> start(String jobId) {
		return call(() -> ApiRequest.post(JOBS + "/{job_id}/start", jobId).operation("fine-tuning.start").build(),
				FineTuningJob.class);
	}

	/**
	 * The poll interval and timeout {@code waitForCompletion} uses by default.
	 * @return the poller
	 */
	public ReactiveJobPoller poller() {
		return this.poller;
	}

	/**
	 * Reads a job until it reaches a final status (SUCCESS, FAILED, FAILED_VALIDATION or
	 * CANCELLED), with the client's poll interval and timeout, without blocking a thread
	 * between reads. A job that fails is emitted, not signalled as an error: check
	 * {@link FineTuningJob#status()} (a validation failure's reasons are in its events).
	 * Cancelling stops the polling, not the job.
	 * @param jobId the job id
	 * @param onStatusChange called with the job on the first read and whenever its status
	 * changes
	 * @return the job in its final status; a
	 * {@link dev.mistralboot.client.core.MistralJobTimeoutException} signal when the
	 * timeout passes first
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public Mono<FineTuningJob> waitForCompletion(String jobId, Consumer<? super FineTuningJob> onStatusChange) {
		return waitForCompletion(jobId, this.poller, onStatusChange);
	}

	/**
	 * Reads a job until it reaches a final status, with a given poll interval and
	 * timeout.
	 * @param jobId the job id
	 * @param poller the poll interval and timeout
	 * @param onStatusChange called with the job on the first read and whenever its status
	 * changes
	 * @return the job in its final status; a
	 * {@link dev.mistralboot.client.core.MistralJobTimeoutException} signal when the
	 * timeout passes first
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public Mono<FineTuningJob> waitForCompletion(String jobId, ReactiveJobPoller poller,
			Consumer<? super FineTuningJob> onStatusChange) {
		Objects.requireNonNull(jobId, "jobId");
		Objects.requireNonNull(poller, "poller");
		return poller.await("fine-tuning job " + jobId, get(jobId), FineTuningJob::status, FineTuningJob::isTerminal,
				onStatusChange);
	}

	private <T> Mono<T> call(Supplier<ApiRequest> request, Class<T> type) {
		return Mono.defer(() -> this.http.execute(request.get(), type)).map(MistralResponse::body);
	}

}
