package dev.mistralboot.client.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.JobPoller;
import dev.mistralboot.client.core.MistralDownload;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralInvalidResponseException;
import dev.mistralboot.client.core.MistralIoException;
import dev.mistralboot.client.core.MistralPager;
import dev.mistralboot.client.core.RequestOptions;
import dev.mistralboot.client.files.MistralFilesClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;

/**
 * Batch jobs ({@code /v1/batch/jobs}): create, list, read, cancel, delete, wait for a
 * job, and read its output and error files back as parsed JSONL records, line by line,
 * without holding a file in memory.
 *
 * <pre>{@code
 * BatchJob job = batch.create(CreateBatchJobRequest.builder()
 *     .inputFiles(uploaded.id())
 *     .endpoint(BatchEndpoint.CHAT_COMPLETIONS)
 *     .model("mistral-small-latest")
 *     .build());
 * batch.waitAndRead(job.id(), ChatCompletionResponse.class, (update) -> log.info("{}", update.status()),
 *     (result) -> {
 *         if (result.isSuccess()) {
 *             save(result.customId(), result.body().text());
 *         }
 *     });
 * }</pre>
 *
 * Failures raise the {@link dev.mistralboot.client.core.MistralException} hierarchy.
 * Thread-safe.
 */
public class MistralBatchClient {

	/** The default wait between two reads of a job in {@link #waitForCompletion}. */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

	/**
	 * The default longest wait of {@link #waitForCompletion}: the longest a job may run
	 * (168 hours).
	 */
	public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofHours(168);

	private static final String JOBS = "/v1/batch/jobs";

	private final MistralHttp http;

	private final MistralFilesClient files;

	private final JobPoller poller;

	/**
	 * Creates a client that polls every 10 seconds for up to 168 hours.
	 * @param http the HTTP core
	 */
	public MistralBatchClient(MistralHttp http) {
		this(http, JobPoller.of(DEFAULT_POLL_INTERVAL, DEFAULT_POLL_TIMEOUT));
	}

	/**
	 * Creates a client.
	 * @param http the HTTP core
	 * @param poller how {@link #waitForCompletion} polls ({@code mistral.batch.poll-*})
	 */
	public MistralBatchClient(MistralHttp http, JobPoller poller) {
		this.http = Objects.requireNonNull(http, "http");
		this.files = new MistralFilesClient(http);
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
	public MistralBatchClient withOptions(RequestOptions options) {
		return new MistralBatchClient(this.http.withOptions(options), this.poller);
	}

	/**
	 * Creates a job ({@code POST /v1/batch/jobs}).
	 * @param request the job
	 * @return the created job
	 */
	public BatchJob create(CreateBatchJobRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http
			.execute(ApiRequest.post(JOBS).operation("batch.create").model(request.model()).json(request).build(),
					BatchJob.class)
			.body();
	}

	/**
	 * Lists the first page of jobs, newest first ({@code GET /v1/batch/jobs}).
	 * @return the page
	 */
	public BatchJobList list() {
		return list(ListBatchJobsRequest.ALL);
	}

	/**
	 * Lists one page of jobs ({@code GET /v1/batch/jobs}).
	 * @param request the page and filters
	 * @return the page
	 */
	public BatchJobList list(ListBatchJobsRequest request) {
		Objects.requireNonNull(request, "request");
		return this.http.execute(listRequest(request, this.http.jsonMapper()), BatchJobList.class).body();
	}

	/** The request of one page of jobs; the reactive client sends the same. */
	static ApiRequest listRequest(ListBatchJobsRequest request, JsonMapper mapper) {
		Map<String, String> metadata = request.metadata();
		return ApiRequest.get(JOBS)
			.operation("batch.list")
			.query("page", request.page())
			.query("page_size", request.pageSize())
			.query("model", request.model())
			.query("agent_id", request.agentId())
			.query("metadata", (metadata != null) ? mapper.writeValueAsString(metadata) : null)
			.query("created_after", time(request.createdAfter()))
			.query("created_by_me", request.createdByMe())
			.query("status", request.status())
			.query("order_by", request.orderBy())
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
	 */
	public Stream<BatchJob> listAll(ListBatchJobsRequest request) {
		Objects.requireNonNull(request, "request");
		int first = (request.page() != null) ? request.page() : 0;
		int size = (request.pageSize() != null) ? request.pageSize() : ListBatchJobsRequest.DEFAULT_PAGE_SIZE;
		return MistralPager.stream(first, size, (page) -> list(request.toBuilder().page(page).pageSize(size).build()));
	}

	/**
	 * Reads a job ({@code GET /v1/batch/jobs/{job_id}}).
	 * @param jobId the job id
	 * @return the job
	 * @throws IllegalArgumentException when the id is blank
	 */
	public BatchJob get(String jobId) {
		return get(jobId, null);
	}

	/**
	 * Reads a job, optionally with its results inline ({@code GET
	 * /v1/batch/jobs/{job_id}?inline=true}).
	 * @param jobId the job id
	 * @param inline whether to include the results in {@link BatchJob#outputs()}
	 * @return the job
	 * @throws IllegalArgumentException when the id is blank
	 */
	public BatchJob get(String jobId, @Nullable Boolean inline) {
		return this.http
			.execute(ApiRequest.get(JOBS + "/{job_id}", jobId).operation("batch.get").query("inline", inline).build(),
					BatchJob.class)
			.body();
	}

	/**
	 * Asks for a job to be cancelled ({@code POST /v1/batch/jobs/{job_id}/cancel}).
	 * @param jobId the job id
	 * @return the job, usually {@code CANCELLATION_REQUESTED}
	 * @throws IllegalArgumentException when the id is blank
	 */
	public BatchJob cancel(String jobId) {
		return this.http
			.execute(ApiRequest.post(JOBS + "/{job_id}/cancel", jobId).operation("batch.cancel").build(),
					BatchJob.class)
			.body();
	}

	/**
	 * Deletes a job ({@code DELETE /v1/batch/jobs/{job_id}}).
	 * @param jobId the job id
	 * @return the confirmation
	 * @throws IllegalArgumentException when the id is blank
	 */
	public DeleteBatchJobResponse delete(String jobId) {
		return this.http
			.execute(ApiRequest.of(HttpMethod.DELETE, JOBS + "/{job_id}", jobId).operation("batch.delete").build(),
					DeleteBatchJobResponse.class)
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
	 * Reads a job until it reaches a final status (SUCCESS, FAILED, TIMEOUT_EXCEEDED or
	 * CANCELLED), with the client's poll interval and timeout.
	 * @param jobId the job id
	 * @param onStatusChange called with the job on the first read and whenever its status
	 * changes
	 * @return the job in its final status
	 * @throws dev.mistralboot.client.core.MistralJobTimeoutException when the timeout
	 * passes first
	 */
	public BatchJob waitForCompletion(String jobId, Consumer<? super BatchJob> onStatusChange) {
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
	 */
	public BatchJob waitForCompletion(String jobId, JobPoller poller, Consumer<? super BatchJob> onStatusChange) {
		Objects.requireNonNull(jobId, "jobId");
		return poller.await("batch job " + jobId, () -> get(jobId), BatchJob::status, BatchJob::isTerminal,
				onStatusChange);
	}

	/**
	 * Waits for a job to finish, then hands every record of its output file and then of
	 * its error file to {@code onResult}, reading each file line by line as it downloads.
	 * @param <T> the type response bodies are read as, such as
	 * {@code ChatCompletionResponse}
	 * @param jobId the job id
	 * @param bodyType the type response bodies are read as ({@code Map.class} for any)
	 * @param onStatusChange called with the job on the first read and whenever its status
	 * changes
	 * @param onResult called with each result, successes first (output file), then
	 * failures (error file)
	 * @return the job in its final status
	 * @throws dev.mistralboot.client.core.MistralJobTimeoutException when the job does
	 * not finish in time
	 * @throws MistralInvalidResponseException when a line cannot be read as a result
	 */
	public <T> BatchJob waitAndRead(String jobId, Class<T> bodyType, Consumer<? super BatchJob> onStatusChange,
			Consumer<? super BatchResult<T>> onResult) {
		BatchJob job = waitForCompletion(jobId, onStatusChange);
		try (Stream<BatchResult<T>> output = readOutput(job, bodyType)) {
			output.forEach(onResult);
		}
		try (Stream<BatchResult<T>> errors = readErrors(job, bodyType)) {
			errors.forEach(onResult);
		}
		return job;
	}

	/**
	 * The records of a job's output file, parsed as the file downloads. Close the stream
	 * (it holds the download open): try-with-resources.
	 * @param <T> the type response bodies are read as
	 * @param job the job (as returned by {@link #get} or {@link #waitForCompletion})
	 * @param bodyType the type response bodies are read as ({@code Map.class} for any)
	 * @return the records; empty when the job has no output file
	 * @throws MistralIoException when the download fails (also from the stream, while
	 * reading)
	 * @throws MistralInvalidResponseException (from the stream) when a line cannot be
	 * read as a result
	 */
	public <T> Stream<BatchResult<T>> readOutput(BatchJob job, Class<T> bodyType) {
		return read(job.outputFile(), bodyType);
	}

	/**
	 * The records of a job's error file (the requests that failed), parsed as the file
	 * downloads. Close the stream: try-with-resources.
	 * @param <T> the type response bodies are read as
	 * @param job the job
	 * @param bodyType the type response bodies are read as ({@code Map.class} for any)
	 * @return the records; empty when the job has no error file
	 * @throws MistralIoException when the download fails (also from the stream, while
	 * reading)
	 * @throws MistralInvalidResponseException (from the stream) when a line cannot be
	 * read as a result
	 */
	public <T> Stream<BatchResult<T>> readErrors(BatchJob job, Class<T> bodyType) {
		return read(job.errorFile(), bodyType);
	}

	private <T> Stream<BatchResult<T>> read(@Nullable String fileId, Class<T> bodyType) {
		Objects.requireNonNull(bodyType, "bodyType");
		if (fileId == null) {
			return Stream.empty();
		}
		JavaType type = this.http.jsonMapper().getTypeFactory().constructParametricType(BatchResult.class, bodyType);
		ObjectReader reader = this.http.jsonMapper().readerFor(type);
		MistralDownload download = this.files.download(fileId);
		JsonLines<T> lines = new JsonLines<>(download, reader, fileId);
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(download::close);
	}

	/** Reads one JSON value per line, lazily. */
	private static final class JsonLines<T> implements Iterator<BatchResult<T>> {

		private final MistralDownload download;

		private final BufferedReader reader;

		private final ObjectReader json;

		private final String fileId;

		private @Nullable String next;

		private int lineNumber;

		private boolean done;

		JsonLines(MistralDownload download, ObjectReader json, String fileId) {
			this.download = download;
			this.reader = new BufferedReader(new InputStreamReader(download.body(), StandardCharsets.UTF_8));
			this.json = json;
			this.fileId = fileId;
		}

		@Override
		public boolean hasNext() {
			while (this.next == null && !this.done) {
				String line;
				try {
					line = this.reader.readLine();
				}
				catch (IOException ex) {
					this.done = true;
					this.download.close();
					throw new MistralIoException("Reading line " + (this.lineNumber + 1) + " of file " + this.fileId
							+ " failed: " + ex.getMessage(), ex, false);
				}
				if (line == null) {
					this.done = true;
					this.download.close();
				}
				else {
					this.lineNumber++;
					if (!line.isBlank()) {
						this.next = line;
					}
				}
			}
			return this.next != null;
		}

		@Override
		public BatchResult<T> next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			String line = this.next;
			this.next = null;
			try {
				return this.json.readValue(line);
			}
			catch (JacksonException ex) {
				throw new MistralInvalidResponseException("Line " + this.lineNumber + " of file " + this.fileId
						+ " is not a batch result: " + ex.getOriginalMessage(), line, ex);
			}
		}

	}

}
