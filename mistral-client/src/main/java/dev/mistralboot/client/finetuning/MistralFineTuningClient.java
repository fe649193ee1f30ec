package dev.mistralboot.client.finetuning;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralPager;
import dev.mistralboot.client.core.RequestOptions;
import org.jspecify.annotations.Nullable;

/**
 * Fine-tuning jobs ({@code /v1/fine_tuning/jobs}): create (or estimate with a dry run),
 * list, read, start, cancel, and wait for a job to finish.
 *
 * <pre>{@code
 * FineTuningJob job = fineTuning.create(CreateFineTuningJobRequest.builder()
 *     .model("open-mistral-7b")
 *     .trainingFiles(TrainingFile.of(trainingFileId))
 *     .hyperparameters(TrainingParameters.of(1e-4, 100))
 *     .build());
 * FineTuningJob done = fineTuning.waitForCompletion(job.id(),
 *     (update) -> log.info("{} is {}", update.id(), update.status()));
 * if (done.status() == FineTuningJobStatus.SUCCESS) {
 *     use(done.fineTunedModel());
 * }
 * }</pre>
 *
 * Failures raise the {@link dev.mistralboot.client.core.MistralException} hierarchy.
 * Thread-safe.
 */
public class MistralFineTuningClient {

	/** The default wait between two reads of a job in {@link #waitForCompletion}. */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

	/** The default longest wait of {@link #waitForCompletion}. */
	public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofHours(24);

	private static final String JOBS = "/v1/fine_tuning/jobs";

	private final MistralHttp http;

	private final JobPoller poller;

	/**
	 * Creates a client that polls every 10 seconds for up to 24 hours.
	 * @param http the HTTP core
	 */
	public MistralFineTuningClient(MistralHttp http) {
		this(http, JobPoller.of(DEFAULT_POLL_INTERVAL, DEFAULT_POLL_TIMEOUT));
	}

	/**
	 * Creates a client.
	 * @param http the HTTP core
	 * @param poller how {@link #waitForCompletion} polls
	 * ({@code mistral.fine-tuning.poll-*})
	 */
	public MistralFineTuningClient(MistralHttp http, JobPoller poller) {
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
	public MistralFineTuningClient withOptions(RequestOptions options) {
		return new MistralFineTuningClient(this.http.withOptions(options), this.poller);
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
	public FineTuningJobList list() {
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
	public FineTuningJobList list(ListFineTuningJobsRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http.execute(listRequest(request), FineTuningJobList.class).body();
	}

	/** The request of one page of jobs; the reactive client sends the same. */
	static ApiRequest listRequest(ListFineTuningJobsRequest request) {
		return ApiRequest.get(JOBS)
			.operation("fine-tuning.list")
			.query("page", request.page())
			.query("page_size", request.pageSize())
			.query("model", request.model())
			.query("created_after", time(request.createdAfter()))
			.query("created_before", time(request.createdBefore()))
			.query("created_by_me", request.createdByMe())
			.query("status", request.status())
			.query("wandb_project", request.wandbProject())
			.query("wandb_name", request.wandbName())
			.query("suffix", request.suffix())
			.build();
	}

	/**
	 * RFC 3339 with seconds, always ({@code 2026-01-01T00:00:00Z}): {@code toString()}
	 * leaves zero seconds out, which the API rejects.
	 */
	private static @Nullable String time(@Nullable OffsetDateTime time) {
		return (time != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time) : null;
	}

	/**
	 * Every job matching the filters, across all pages, starting at the request's page (0
	 * when unset). Pages are requested lazily, as the stream is consumed.
	 * @param request the filters and page size
	 * @return the jobs
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public Stream<FineTuningJob> listAll(ListFineTuningJobsRequest request) {
		Objects.requireNonNull(request, "request");
		int first = (request.page() != null) ? request.page() : 0;
		int size = (request.pageSize() != null) ? request.pageSize() : ListFineTuningJobsRequest.DEFAULT_PAGE_SIZE;
		return MistralPager.stream(first, size, (page) -> list(request.toBuilder().page(page).pageSize(size).build()));
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
	public FineTuningJob create(CreateFineTuningJobRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http
			.execute(ApiRequest.post(JOBS).operation("fine-tuning.create").model(request.model()).json(request).build(),
					FineTuningJob.class)
			.body();
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
	public DryRunResult dryRun(CreateFineTuningJobRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http
			.execute(ApiRequest.post(JOBS)
				.operation("fine-tuning.dry-run")
				.model(request.model())
				.query("dry_run", true)
				.json(request)
				.build(), DryRunResult.class)
			.body();
	}

	/**
	 * Reads a job with its events and checkpoints ({@code GET
	 * /v1/fine_tuning/jobs/{job_id}}).
	 * @param jobId the job id
	 * @return the job
	 * @throws IllegalArgumentException when the id is blank
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public FineTuningJob get(String jobId) {
		return this.http
			.execute(ApiRequest.get(JOBS + "/{job_id}", jobId).operation("fine-tuning.get").build(),
					FineTuningJob.class)
			.body();
	}

	/**
	 * Asks for a job to be cancelled ({@code POST /v1/fine_tuning/jobs/{job_id}/cancel}).
	 * @param jobId the job id
	 * @return the job, usually {@code CANCELLATION_REQUESTED}
	 * @throws IllegalArgumentException when the id is blank
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public FineTuningJob cancel(String jobId) {
		return this.http
			.execute(ApiRequest.post(JOBS + "/{job_id}/cancel", jobId).operation("fine-tuning.cancel").build(),
					FineTuningJob.class)
			.body();
	}

	/**
	 * Starts a validated job created with {@code autoStart(false)} ({@code POST
	 * /v1/fine_tuning/jobs/{job_id}/start}).
	 * @param jobId the job id
	 * @return the job
	 * @throws IllegalArgumentException when the id is blank
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public FineTuningJob start(String jobId) {
		return this.http
			.execute(ApiRequest.post(JOBS + "/{job_id}/start", jobId).operation("fine-tuning.start").build(),
					FineTuningJob.class)
			.body();
	}

	/**
	 * The poll interval and timeout {@code waitForCompletion} uses by default.
	 * @return the poller
	 */
	public JobPoller poller() {
		return this.poller;
	}

	/**
	 * Reads a job until it reaches a final status (SUCCESS, FAILED, FAILED_VALIDATION or
	 * CANCELLED), with the client's poll interval and timeout. A job that fails is
	 * returned, not thrown: check {@link FineTuningJob#status()} (a validation failure's
	 * reasons are in its events).
	 * @param jobId the job id
	 * @param onStatusChange called with the job on the first read and whenever its status
	 * changes
	 * @return the job in its final status
	 * @throws dev.mistralboot.client.core.MistralJobTimeoutException when the timeout
	 * passes first
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public FineTuningJob waitForCompletion(String jobId, Consumer<? super FineTuningJob> onStatusChange) {
		return waitForCompletion(jobId, this.poller, onStatusChange);
	}

	/**
	 * Reads a job until it reaches a final status, with a given poll interval and
	 * timeout.
	 * @param jobId the job id
	 * @param poller the poll interval and timeout
	 * @param onStatusChange called with the job on the first read and whenever its status
	 * changes
	 * @return the job in its final status
	 * @throws dev.mistralboot.client.core.MistralJobTimeoutException when the timeout
	 * passes first
	 * @deprecated Mistral deprecated the fine-tuning jobs endpoints
	 * ({@code /v1/fine_tuning/jobs}) and its API description names no replacement. This
	 * method keeps working while Mistral serves them; once an endpoint is retired, calls
	 * raise {@link dev.mistralboot.client.core.MistralGoneException}.
	 */
	@Deprecated
	public FineTuningJob waitForCompletion(String jobId, JobPoller poller,
			Consumer<? super FineTuningJob> onStatusChange) {
		Objects.requireNonNull(jobId, "jobId");
		return poller.await("fine-tuning job " + jobId, () -> get(jobId), FineTuningJob::status,
				FineTuningJob::isTerminal, onStatusChange);
	}

}
