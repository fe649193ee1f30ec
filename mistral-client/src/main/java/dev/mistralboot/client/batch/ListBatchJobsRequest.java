package dev.mistralboot.client.batch;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Page and filters of {@code GET /v1/batch/jobs}. Values left {@code null} are not sent.
 *
 * @param page the page number, from 0
 * @param pageSize the number of jobs per page
 * @param model only jobs using this model
 * @param agentId only jobs using this agent
 * @param metadata only jobs whose metadata holds these entries (sent as a JSON object)
 * @param createdAfter only jobs created after this time
 * @param createdByMe only jobs created by the key's owner
 * @param status only jobs in these statuses
 * @param orderBy the order (the API's default is newest first)
 */
public record ListBatchJobsRequest(@Nullable Integer page, @Nullable Integer pageSize, @Nullable String model,
		@Nullable String agentId, @Nullable Map<String, String> metadata, @Nullable OffsetDateTime createdAfter,
		@Nullable Boolean createdByMe, @Nullable List<BatchJobStatus> status, @Nullable BatchJobOrder orderBy) {

	/** The API's default page size. */
	public static final int DEFAULT_PAGE_SIZE = 100;

	/** No filter: the first page of every job. */
	public static final ListBatchJobsRequest ALL = new ListBatchJobsRequest(null, null, null, null, null, null, null,
			null, null);

	/**
	 * Validates the request and copies its list.
	 */
	public ListBatchJobsRequest {
		if (page != null && page < 0) {
			throw new IllegalArgumentException("page must not be negative, was " + page);
		}
		if (pageSize != null && pageSize < 1) {
			throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
		}
		// Identity, not equals: every unknown value equals UNKNOWN, yet a value the API
		// knows
		// before this library does may be sent (BatchJobStatus.of("NEW")); only the
		// constant cannot.
		if ((status != null && status.stream().anyMatch((value) -> value == BatchJobStatus.UNKNOWN))
				|| orderBy == BatchJobOrder.UNKNOWN) {
			throw new IllegalArgumentException("UNKNOWN cannot be sent as a filter: choose a known value");
		}
		status = (status != null) ? List.copyOf(status) : null;
		metadata = (metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(metadata)) : null;
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
		Builder builder = new Builder().page(this.page)
			.pageSize(this.pageSize)
			.model(this.model)
			.agentId(this.agentId)
			.metadata(this.metadata)
			.createdAfter(this.createdAfter)
			.createdByMe(this.createdByMe)
			.orderBy(this.orderBy);
		builder.status = this.status;
		return builder;
	}

	/**
	 * Builds a {@link ListBatchJobsRequest}.
	 */
	public static final class Builder {

		private @Nullable Integer page;

		private @Nullable Integer pageSize;

		private @Nullable String model;

		private @Nullable String agentId;

		private @Nullable Map<String, String> metadata;

		private @Nullable OffsetDateTime createdAfter;

		private @Nullable Boolean createdByMe;

		private @Nullable List<BatchJobStatus> status;

		private @Nullable BatchJobOrder orderBy;

		private Builder() {
		}

		/**
		 * Sets the page number ({@code listAll} starts there).
		 * @param page the page, from 0
		 * @return this builder
		 */
		public Builder page(@Nullable Integer page) {
			this.page = page;
			return this;
		}

		/**
		 * Sets the number of jobs per page.
		 * @param pageSize at least 1
		 * @return this builder
		 */
		public Builder pageSize(@Nullable Integer pageSize) {
			this.pageSize = pageSize;
			return this;
		}

		/**
		 * Lists only jobs using a model.
		 * @param model the model
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Lists only jobs using an agent.
		 * @param agentId the agent id
		 * @return this builder
		 */
		public Builder agentId(@Nullable String agentId) {
			this.agentId = agentId;
			return this;
		}

		/**
		 * Lists only jobs whose metadata holds these entries.
		 * @param metadata the entries
		 * @return this builder
		 */
		public Builder metadata(@Nullable Map<String, String> metadata) {
			this.metadata = metadata;
			return this;
		}

		/**
		 * Lists only jobs created after a time.
		 * @param createdAfter the time
		 * @return this builder
		 */
		public Builder createdAfter(@Nullable OffsetDateTime createdAfter) {
			this.createdAfter = createdAfter;
			return this;
		}

		/**
		 * Lists only jobs created by the key's owner.
		 * @param createdByMe whether to filter
		 * @return this builder
		 */
		public Builder createdByMe(@Nullable Boolean createdByMe) {
			this.createdByMe = createdByMe;
			return this;
		}

		/**
		 * Lists only jobs in these statuses.
		 * @param status the statuses
		 * @return this builder
		 */
		public Builder status(BatchJobStatus... status) {
			this.status = Arrays.asList(status);
			return this;
		}

		/**
		 * Sets the order.
		 * @param orderBy the order
		 * @return this builder
		 */
		public Builder orderBy(@Nullable BatchJobOrder orderBy) {
			this.orderBy = orderBy;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ListBatchJobsRequest build() {
			return new ListBatchJobsRequest(this.page, this.pageSize, this.model, this.agentId, this.metadata,
					this.createdAfter, this.createdByMe, this.status, this.orderBy);
		}

	}

}
