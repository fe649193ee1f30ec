package dev.mistralboot.client.batch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralInvalidResponseException;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.ReactiveMistralPager;
import dev.mistralboot.client.core.RequestOptions;
import dev.mistralboot.client.files.ReactiveMistralFilesClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.http.HttpMethod;
import org.springframework.util.MimeType;

/**
 * Batch jobs ({@code /v1/batch/jobs}) on WebClient: the reactive twin of
 * {@link MistralBatchClient}. Create, list, read, cancel, delete, wait for a job without
 * blocking a thread, and read its output and error files back as a {@link Flux} of parsed
 * JSONL records, line by line as the file downloads, never holding a file in memory.
 *
 * <pre>{@code
 * Flux<BatchResult<ChatCompletionResponse>> results = batch.create(CreateBatchJobRequest.builder()
 *         .inputFiles(uploaded.id())
 *         .endpoint(BatchEndpoint.CHAT_COMPLETIONS)
 *         .model("mistral-small-latest")
 *         .build())
 *     .flatMap((job) -> batch.waitForCompletion(job.id(), (update) -> log.info("{}", update.status())))
 *     .flatMapMany((job) -> batch.readOutput(job, ChatCompletionResponse.class));
 * }</pre>
 *
 * Nothing is sent until subscription; failures are signalled as the
 * {@link dev.mistralboot.client.core.MistralException} hierarchy. Available when WebFlux
 * is on the classpath. Thread-safe.
 */
public class ReactiveMistralBatchClient {

	/** The default wait between two reads of a job in {@link #waitForCompletion}. */
	public static final Duration DEFAULT_POLL_INTERVAL = MistralBatchClient.DEFAULT_POLL_INTERVAL;

	/**
	 * The default longest wait of {@link #waitForCompletion}: the longest a job may run
	 * (168 hours).
	 */
	public static final Duration DEFAULT_POLL_TIMEOUT = MistralBatchClient.DEFAULT_POLL_TIMEOUT;

	private static final String JOBS = "/v1/batch/jobs";

	private static final MimeType UTF8_TEXT = new MimeType("text", "plain", StandardCharsets.UTF_8);

	private final ReactiveMistralHttp http;

	private final ReactiveMistralFilesClient files;

	private final ReactiveJobPoller poller;

	/**
	 * Creates a client that polls every 10 seconds for up to 168 hours.
	 * @param http the reactive HTTP core
	 */
	public ReactiveMistralBatchClient(ReactiveMistralHttp http) {
		this(http, ReactiveJobPoller.of(DEFAULT_POLL_INTERVAL, DEFAULT_POLL_TIMEOUT));
	}

	/**
	 * Creates a client.
	 * @param http the reactive HTTP core
	 * @param poller how {@link #waitForCompletion} polls ({@code mistral.batch.poll-*})
	 */
	public ReactiveMistralBatchClient(ReactiveMistralHttp http, ReactiveJobPoller poller) {
		this.http = Objects.requireNonNull(http, "http");
		this.files = new ReactiveMistralFilesClient(http);
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
	public ReactiveMistralBatchClient withOptions(RequestOptions options) {
		return new ReactiveMistralBatchClient(this.http.withOptions(options), this.poller);
	}

	/**
	 * Creates a job ({@code POST /v1/batch/jobs}).
	 * @param request the job
	 * @return the created job
	 */
	public Mono<BatchJob> create(CreateBatchJobRequest request) {
		return call(() -> ApiRequest.post(JOBS).operation("batch.create").model(request.model()).json(request).build(),
				BatchJob.class);
	}

	/**
	 * Lists the first page of jobs, newest first ({@code GET /v1/batch/jobs}).
	 * @return the page
	 */
	public Mono<BatchJobList> list() {
		return list(ListBatchJobsRequest.ALL);
	}

	/**
	 * Lists one page of jobs ({@code GET /v1/batch/jobs}).
	 * @param request the page and filters
	 * @return the page
	 */
	public Mono<BatchJobList> list(ListBatchJobsRequest request) {
		return call(() -> MistralBatchClient.listRequest(request, this.http.jsonMapper()), BatchJobList.class);
	}

	/**
	 * Every job matching the filters, across all pages, starting at the request's page (0
	 * when unset). A page is requested only when the subscriber has taken every job of
	 * the previous one and asks for more.
	 * @param request the filters and page size
	 * @return the jobs
	 */
	public Flux<BatchJob> listAll(ListBatchJobsRequest request) {
		return Flux.defer(() -> {
			Objects.requireNonNull(request, "request");
			int first = (request.page() != null) ? request.page() : 0;
			int size = (request.pageSize() != null) ? request.pageSize() : ListBatchJobsRequest.DEFAULT_PAGE_SIZE;
			return ReactiveMistralPager.flux(first, size,
					(page) -> list(request.toBuilder().page(page).pageSize(size).build()));
		});
	}

	/**
	 * Reads a job ({@code GET /v1/batch/jobs/{job_id}}).
	 * @param jobId the job id
	 * @return the job; an {@link IllegalArgumentException} signal when the id is blank
	 */
	public Mono<BatchJob> get(String jobId) {
		return get(jobId, null);
	}

	/**
	 * Reads a job, optionally with its results inline ({@code GET
	 * /v1/batch/jobs/{job_id}?inline=true}).
	 * @param jobId the job id
	 * @param inline whether to include the results in {@link BatchJob#outputs()}
	 * @return the job; an {@link IllegalArgumentException} signal when the id is blank
	 */
	public Mono<BatchJob> get(String jobId, @Nullable Boolean inline) {
		return call(
				() -> ApiRequest.get(JOBS + "/{job_id}", jobId).operation("batch.get").query("inline", inline).build(),
				BatchJob.class);
	}

	/**
	 * Asks for a job to be cancelled ({@code POST /v1/batch/jobs/{job_id}/cancel}).
	 * @param jobId the job id
	 * @return the job, usually {@code CANCELLATION_REQUESTED}; an
	 * {@link IllegalArgumentException} signal when the id is blank
	 */
	public Mono<BatchJob> cancel(String jobId) {
		return call(() -> ApiRequest.post(JOBS + "/{job_id}/cancel", jobId).operation("batch.cancel").build(),
				BatchJob.class);
	}

	/**
	 * Deletes a job ({@code DELETE /v1/batch/jobs/{job_id}}).
	 * @param jobId the job id
	 * @return the confirmation; an {@link IllegalArgumentException} signal when the id is
	 * blank
	 */
	public Mono<DeleteBatchJobResponse> delete(String jobId) {
		return call(() -> ApiRequest.of(HttpMethod.DELETE, JOBS + "/{job_id}", jobId).operation("batch.delete").build(),
				DeleteBatchJobResponse.class);
	}

	/**
	 * The poll interval and timeout {@code waitForCompletion} uses by default.
	 * @return the poller
	 */
	public ReactiveJobPoller poller() {
		return this.poller;
	}

	/**
	 * Reads a job until it reaches a final status (SUCCESS, FAILED, TIMEOUT_EXCEEDED or
	 * CANCELLED), with the client's poll interval and timeout, without blocking a thread
	 * between reads. Cancelling stops the polling, not the job.
	 * @param jobId the job id
	 * @param onStatusChange called with the job on the first read and whenever its status
	 * changes
	 * @return the job in its final status; a
	 * {@link dev.mistralboot.client.core.MistralJobTimeoutException} signal when the
	 * timeout passes first
	 */
	public Mono<BatchJob> waitForCompletion(String jobId, Consumer<? super BatchJob> onStatusChange) {
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
	 */
	public Mono<BatchJob> waitForCompletion(String jobId, ReactiveJobPoller poller,
			Consumer<? super BatchJob> onStatusChange) {
		Objects.requireNonNull(jobId, "jobId");
		Objects.requireNonNull(poller, "poller");
		return poller.await("batch job " + jobId, get(jobId), BatchJob::status, BatchJob::isTerminal, onStatusChange);
	}

	/**
	 * Waits for a job to finish, then hands every record of its output file and then of
	 * its error file to {@code onResult}, reading each file line by line as it downloads.
	 * {@link #readOutput} and {@link #readErrors} give the same records as a
	 * {@link Flux}.
	 * @param <T> the type response bodies are read as, such as
	 * {@code ChatCompletionResponse}
	 * @param jobId the job id
	 * @param bodyType the type response bodies are read as ({@code Map.class} for any)
	 * @param onStatusChange called with the job on the first read and whenever its status
	 * changes
	 * @param onResult called with each result, successes first (output file), then
	 * failures (error file)
	 * @return the job in its final status, once every record was handed over; a
	 * {@link dev.mistralboot.client.core.MistralJobTimeoutException} signal when the job
	 * does not finish in time, a {@link MistralInvalidResponseException} signal when a
	 * line cannot be read as a result
	 */
	public <T> Mono<BatchJob> waitAndRead(String jobId, Class<T> bodyType, Consumer<? super BatchJob> onStatusChange,
			Consumer<? super BatchResult<T>> onResult) {
		Objects.requireNonNull(onResult, "onResult");
		return waitForCompletion(jobId, onStatusChange)
			.flatMap((job) -> readOutput(job, bodyType).concatWith(readErrors(job, bodyType))
				.doOnNext(onResult)
				.then(Mono.just(job)));
	}

	/**
	 * The records of a job's output file, parsed line by line as the file downloads (the
	 * download starts on subscription; cancelling closes it).
	 * @param <T> the type response bodies are read as
	 * @param job the job (as emitted by {@link #get} or {@link #waitForCompletion})
	 * @param bodyType the type response bodies are read as ({@code Map.class} for any)
	 * @return the records; empty when the job has no output file; a
	 * {@link dev.mistralboot.client.core.MistralIoException} signal when the download
	 * fails, a {@link MistralInvalidResponseException} signal when a line cannot be read
	 * as a result
	 */
	public <T> Flux<BatchResult<T>> readOutput(BatchJob job, Class<T> bodyType) {
		return read(job.outputFile(), bodyType);
	}

	/**
	 * The records of a job's error file (the requests that failed), parsed line by line
	 * as the file downloads.
	 * @param <T> the type response bodies are read as
	 * @param job the job
	 * @param bodyType the type response bodies are read as ({@code Map.class} for any)
	 * @return the records; empty when the job has no error file; a
	 * {@link dev.mistralboot.client.core.MistralIoException} signal when the download
	 * fails, a {@link MistralInvalidResponseException} signal when a line cannot be read
	 * as a result
	 */
	public <T> Flux<BatchResult<T>> readErrors(BatchJob job, Class<T> bodyType) {
		return read(job.errorFile(), bodyType);
	}

	private <T> Flux<BatchResult<T>> read(@Nullable String fileId, Class<T> bodyType) {
		Objects.requireNonNull(bodyType, "bodyType");
		if (fileId == null) {
			return Flux.empty();
		}
		return Flux.defer(() -> {
			JavaType type = this.http.jsonMapper()
				.getTypeFactory()
				.constructParametricType(BatchResult.class, bodyType);
			ObjectReader reader = this.http.jsonMapper().readerFor(type);
			// one line may be as long as a result is: no limit, as for the blocking
			// client
			StringDecoder lines = StringDecoder.textPlainOnly(List.of("\n"), true);
			lines.setMaxInMemorySize(-1);
			int[] lineNumber = { 0 };
			return lines.decode(this.files.download(fileId), ResolvableType.forClass(String.class), UTF8_TEXT, null)
				.<BatchResult<T>>handle((line, sink) -> {
					lineNumber[0]++;
					String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
					if (text.isBlank()) {
						return;
					}
					try {
						sink.next(reader.readValue(text));
					}
					catch (JacksonException ex) {
						sink.error(new MistralInvalidResponseException("Line " + lineNumber[0] + " of file " + fileId
								+ " is not a batch result: " + ex.getOriginalMessage(), text, ex));
					}
				});
		});
	}

	private <T> Mono<T> call(Supplier<ApiRequest> request, Class<T> type) {
		return Mono.defer(() -> this.http.execute(request.get(), type)).map(MistralResponse::body);
	}

}
