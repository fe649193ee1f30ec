package dev.mistralboot.client.batch;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link CreateBatchJobRequest}, which the generated record
 * implements: its limits and checks.
 */
public interface CreateBatchJobRequestSupport {

	/** The most requests a job takes inline. */
	int MAX_INLINE_REQUESTS = 10_000;

	/**
	 * Ids of uploaded input files.
	 * @return the ids, or {@code null}
	 */
	@Nullable List<String> inputFiles();

	/**
	 * Requests given inline.
	 * @return the requests, or {@code null}
	 */
	@Nullable List<BatchRequest> requests();

	/**
	 * The endpoint the requests go to.
	 * @return the endpoint
	 */
	@Nullable BatchEndpoint endpoint();

	/**
	 * Your labels for the job.
	 * @return the labels, or {@code null}
	 */
	@Nullable Map<String, String> metadata();

	/**
	 * How long the job may run.
	 * @return the hours, or {@code null}
	 */
	@Nullable Integer timeoutHours();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException with what to set when the request is not valid
	 */
	default void validate() {
		BatchEndpoint endpoint = endpoint();
		if (endpoint == null || endpoint == BatchEndpoint.UNKNOWN) {
			throw new IllegalArgumentException("A batch job needs an endpoint, such as BatchEndpoint.CHAT_COMPLETIONS");
		}
		List<String> inputFiles = inputFiles();
		List<BatchRequest> requests = requests();
		if ((inputFiles == null || inputFiles.isEmpty()) && (requests == null || requests.isEmpty())) {
			throw new IllegalArgumentException("A batch job needs input files or inline requests");
		}
		if (requests != null && requests.size() > MAX_INLINE_REQUESTS) {
			throw new IllegalArgumentException("A batch job takes at most " + MAX_INLINE_REQUESTS
					+ " inline requests, not " + requests.size() + ": upload them as an input file instead");
		}
		Integer timeoutHours = timeoutHours();
		if (timeoutHours != null && (timeoutHours < 1 || timeoutHours > 168)) {
			throw new IllegalArgumentException("timeoutHours must be between 1 and 168, was " + timeoutHours);
		}
		Map<String, String> metadata = metadata();
		if (metadata != null) {
			metadata.forEach((key, value) -> {
				if (key == null || key.isEmpty() || key.length() > 32) {
					throw new IllegalArgumentException("Batch metadata keys have 1 to 32 characters: \"" + key + "\"");
				}
				if (value == null || value.isEmpty() || value.length() > 512) {
					throw new IllegalArgumentException(
							"The batch metadata value of \"" + key + "\" must have 1 to 512 characters");
				}
			});
		}
	}

}
