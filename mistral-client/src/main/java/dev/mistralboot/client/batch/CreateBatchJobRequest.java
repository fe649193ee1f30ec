package dev.mistralboot.client.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A batch job to create ({@code CreateBatchJobRequest} of {@code POST /v1/batch/jobs}).
 * Requests come from uploaded JSONL files ({@code inputFiles}, purpose batch) or inline
 * ({@code requests}, up to 10,000). Fields left {@code null} are not sent.
 *
 * @param inputFiles ids of uploaded input files
 * @param requests requests given inline
 * @param endpoint the endpoint the requests go to (required)
 * @param model the model to use (or an agent)
 * @param agentId the agent to use (or a model)
 * @param metadata your labels for the job (keys 1 to 32 characters, values 1 to 512)
 * @param timeoutHours how long the job may run, 1 to 168 hours (the API's default is 24)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateBatchJobRequest(@Nullable List<String> inputFiles, @Nullable List<BatchRequest> requests,
		BatchEndpoint endpoint, @Nullable String model, @Nullable String agentId,
		@Nullable Map<String, String> metadata, @Nullable Integer timeoutHours) {

	/** The most requests a job takes inline. */
	public static final int MAX_INLINE_REQUESTS = 10_000;

	/**
	 * Validates the request and copies its collections.
	 */
	public CreateBatchJobRequest {
		if (endpoint == null || endpoint == BatchEndpoint.UNKNOWN) {
			throw new IllegalArgumentException("A batch job needs an endpoint, such as BatchEndpoint.CHAT_COMPLETIONS");
		}
		if ((inputFiles == null || inputFiles.isEmpty()) && (requests == null || requests.isEmpty())) {
			throw new IllegalArgumentException("A batch job needs input files or inline requests");
		}
		if (requests != null && requests.size() > MAX_INLINE_REQUESTS) {
			throw new IllegalArgumentException("A batch job takes at most " + MAX_INLINE_REQUESTS
					+ " inline requests, not " + requests.size() + ": upload them as an input file instead");
		}
		if (timeoutHours != null && (timeoutHours < 1 || timeoutHours > 168)) {
			throw new IllegalArgumentException("timeoutHours must be between 1 and 168, was " + timeoutHours);
		}
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
			metadata = new LinkedHashMap<>(metadata);
		}
		inputFiles = (inputFiles != null) ? List.copyOf(inputFiles) : null;
		requests = (requests != null) ? List.copyOf(requests) : null;
	}

	/**
	 * Starts a request.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding this request's values.
	 * @return a builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.inputFiles = (this.inputFiles != null) ? new ArrayList<>(this.inputFiles) : null;
		builder.requests = (this.requests != null) ? new ArrayList<>(this.requests) : null;
		builder.endpoint = this.endpoint;
		builder.model = this.model;
		builder.agentId = this.agentId;
		builder.metadata = this.metadata;
		builder.timeoutHours = this.timeoutHours;
		return builder;
	}

	/**
	 * Builds a {@link CreateBatchJobRequest}. {@link #build()} checks the request.
	 */
	public static final class Builder {

		private @Nullable List<String> inputFiles;

		private @Nullable List<BatchRequest> requests;

		private @Nullable BatchEndpoint endpoint;

		private @Nullable String model;

		private @Nullable String agentId;

		private @Nullable Map<String, String> metadata;

		private @Nullable Integer timeoutHours;

		private Builder() {
		}

		/**
		 * Sets the input files.
		 * @param fileIds ids of uploaded files (purpose batch)
		 * @return this builder
		 */
		public Builder inputFiles(String... fileIds) {
			this.inputFiles = Arrays.asList(fileIds);
			return this;
		}

		/**
		 * Sets requests given inline.
		 * @param requests the requests
		 * @return this builder
		 */
		public Builder requests(List<BatchRequest> requests) {
			this.requests = requests;
			return this;
		}

		/**
		 * Sets the endpoint the requests go to.
		 * @param endpoint the endpoint
		 * @return this builder
		 */
		public Builder endpoint(BatchEndpoint endpoint) {
			this.endpoint = endpoint;
			return this;
		}

		/**
		 * Sets the model.
		 * @param model the model
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Sets the agent.
		 * @param agentId the agent id
		 * @return this builder
		 */
		public Builder agentId(@Nullable String agentId) {
			this.agentId = agentId;
			return this;
		}

		/**
		 * Sets your labels for the job.
		 * @param metadata the labels
		 * @return this builder
		 */
		public Builder metadata(@Nullable Map<String, String> metadata) {
			this.metadata = metadata;
			return this;
		}

		/**
		 * Sets how long the job may run.
		 * @param timeoutHours 1 to 168
		 * @return this builder
		 */
		public Builder timeoutHours(@Nullable Integer timeoutHours) {
			this.timeoutHours = timeoutHours;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException for a missing endpoint, no input, or a value
		 * out of range
		 */
		public CreateBatchJobRequest build() {
			return new CreateBatchJobRequest(this.inputFiles, this.requests, this.endpoint, this.model, this.agentId,
					this.metadata, this.timeoutHours);
		}

	}

}
