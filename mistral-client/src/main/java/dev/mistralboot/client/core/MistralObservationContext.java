package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Observation.Context} of one Mistral API operation, filled in by
 * {@link MistralHttp} and {@link ReactiveMistralHttp} as the call proceeds, and read by a
 * {@link MistralObservationConvention} and by observation handlers such as
 * {@link MistralMeterObservationHandler}.
 * <p>
 * It holds the {@link ApiRequest}, where the call goes ({@code server.address}), the
 * {@link ResponseMetadata} once the answer's headers arrived, and what the body said: for
 * a whole answer, its {@link ObservedResponse} view; for a stream, the first id and model
 * seen, the last usage, every finish reason, the number of chunks and the time to the
 * first chunk. Retries and the cancellation of a stream are recorded too. The answer text
 * is kept only when content recording is switched on ({@link #isContentRecorded()}).
 */
public class MistralObservationContext extends Observation.Context {

	/** The event signalled when the first chunk of a stream arrives. */
	public static final Observation.Event FIRST_CHUNK = Observation.Event.of("first_chunk", "first chunk received");

	/** The event signalled before each retry. */
	public static final Observation.Event RETRY = Observation.Event.of("retry", "retrying");

	private final ApiRequest request;

	private final boolean streaming;

	private final String serverAddress;

	private final int serverPort;

	private final boolean contentRecorded;

	private final long startNanos = System.nanoTime();

	private @Nullable ResponseMetadata metadata;

	private @Nullable String responseId;

	private @Nullable String responseModel;

	private @Nullable UsageInfo usage;

	private @Nullable List<String> finishReasons;

	private @Nullable StringBuilder output;

	private int chunks;

	private @Nullable Duration timeToFirstChunk;

	private boolean cancelled;

	private int retries;

	private @Nullable RuntimeException lastRetryFailure;

	/**
	 * Creates a context.
	 * @param request the request
	 * @param streaming whether the answer is a stream of chunks
	 * @param serverAddress the host calls go to, such as {@code api.mistral.ai}
	 * @param serverPort the port calls go to
	 * @param contentRecorded whether the prompt and answer text may be recorded
	 */
	public MistralObservationContext(ApiRequest request, boolean streaming, String serverAddress, int serverPort,
			boolean contentRecorded) {
		this.request = request;
		this.streaming = streaming;
		this.serverAddress = serverAddress;
		this.serverPort = serverPort;
		this.contentRecorded = contentRecorded;
	}

	/**
	 * The request.
	 * @return the request; its {@link ApiRequest#jsonBody()} may implement
	 * {@link ObservedRequest}
	 */
	public ApiRequest request() {
		return this.request;
	}

	/**
	 * Whether the answer is a stream of chunks.
	 * @return {@code true} for a stream
	 */
	public boolean isStreaming() {
		return this.streaming;
	}

	/**
	 * The host calls go to.
	 * @return the host, such as {@code api.mistral.ai}
	 */
	public String serverAddress() {
		return this.serverAddress;
	}

	/**
	 * The port calls go to.
	 * @return the port, such as 443
	 */
	public int serverPort() {
		return this.serverPort;
	}

	/**
	 * Whether the prompt and answer text may be recorded
	 * ({@code mistral.observations.include-content}).
	 * @return {@code true} when content recording is switched on
	 */
	public boolean isContentRecorded() {
		return this.contentRecorded;
	}

	/**
	 * Status and headers of the answer, once they arrived.
	 * @return the metadata, or {@code null} before the answer or when the call failed
	 */
	public @Nullable ResponseMetadata metadata() {
		return this.metadata;
	}

	/**
	 * The response id ({@code gen_ai.response.id}).
	 * @return the id, or {@code null}
	 */
	public @Nullable String responseId() {
		return this.responseId;
	}

	/**
	 * The model that answered ({@code gen_ai.response.model}).
	 * @return the model, or {@code null}
	 */
	public @Nullable String responseModel() {
		return this.responseModel;
	}

	/**
	 * Token usage: of the whole answer, or the last usage a stream sent (normally on its
	 * final chunk).
	 * @return the usage, or {@code null} when none was sent
	 */
	public @Nullable UsageInfo usage() {
		return this.usage;
	}

	/**
	 * Finish reasons seen, in order.
	 * @return the wire values, empty when none is known
	 */
	public List<String> finishReasons() {
		return (this.finishReasons != null) ? Collections.unmodifiableList(this.finishReasons) : List.of();
	}

	/**
	 * The prompt text, when content recording is switched on.
	 * @return the prompt, or {@code null} when content is not recorded or the request has
	 * none
	 */
	public @Nullable String inputText() {
		if (!this.contentRecorded) {
			return null;
		}
		return (this.request.jsonBody() instanceof ObservedRequest observed) ? observed.observedInput() : null;
	}

	/**
	 * The answer text (joined across chunks for a stream), when content recording is
	 * switched on.
	 * @return the answer, or {@code null} when content is not recorded or there is none
	 */
	public @Nullable String outputText() {
		return (this.output != null) ? this.output.toString() : null;
	}

	/**
	 * The number of chunks a stream delivered.
	 * @return the count, 0 for a whole answer
	 */
	public int chunks() {
		return this.chunks;
	}

	/**
	 * The time from the start of the operation to the first chunk of a stream.
	 * @return the time, or {@code null} before the first chunk or for a whole answer
	 */
	public @Nullable Duration timeToFirstChunk() {
		return this.timeToFirstChunk;
	}

	/**
	 * Whether the caller cancelled (or closed) a stream before its end.
	 * @return {@code true} when cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * The number of retries so far.
	 * @return the count
	 */
	public int retries() {
		return this.retries;
	}

	/**
	 * Why the last retried attempt failed.
	 * @return the failure, or {@code null} when there was no retry
	 */
	public @Nullable RuntimeException lastRetryFailure() {
		return this.lastRetryFailure;
	}

	void connected(ResponseMetadata metadata) {
		this.metadata = metadata;
	}

	void response(ResponseMetadata metadata, @Nullable Object body) {
		this.metadata = metadata;
		if (body instanceof ObservedResponse observed) {
			take(observed);
			if (this.contentRecorded) {
				String text = observed.observedOutput();
				if (text != null) {
					this.output = new StringBuilder(text);
				}
			}
		}
	}

	/**
	 * Records a chunk of a stream.
	 * @return whether it was the first
	 */
	boolean chunk(Object chunk) {
		boolean first = (this.chunks++ == 0);
		if (first) {
			this.timeToFirstChunk = Duration.ofNanos(System.nanoTime() - this.startNanos);
		}
		if (chunk instanceof ObservedResponse observed) {
			take(observed);
			if (this.contentRecorded) {
				String text = observed.observedOutput();
				if (text != null && !text.isEmpty()) {
					if (this.output == null) {
						this.output = new StringBuilder();
					}
					this.output.append(text);
				}
			}
		}
		return first;
	}

	void retry(RuntimeException failure) {
		this.retries++;
		this.lastRetryFailure = failure;
	}

	void cancel() {
		this.cancelled = true;
	}

	private void take(ObservedResponse observed) {
		if (this.responseId == null) {
			this.responseId = observed.id();
		}
		if (this.responseModel == null) {
			this.responseModel = observed.model();
		}
		UsageInfo chunkUsage = observed.usage();
		if (chunkUsage != null) {
			this.usage = chunkUsage;
		}
		List<String> reasons = observed.finishReasons();
		if (!reasons.isEmpty()) {
			if (this.finishReasons == null) {
				this.finishReasons = new ArrayList<>(reasons.size());
			}
			this.finishReasons.addAll(reasons);
		}
	}

}
