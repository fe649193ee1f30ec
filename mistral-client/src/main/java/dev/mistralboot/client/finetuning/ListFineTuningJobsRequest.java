package dev.mistralboot.client.finetuning;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Page and filters of {@code GET /v1/fine_tuning/jobs}. Values left {@code null} are not
 * sent.
 *
 * @param page the page number, from 0
 * @param pageSize the number of jobs per page
 * @param model only jobs tuning this model
 * @param createdAfter only jobs created after this time
 * @param createdBefore only jobs created before this time
 * @param createdByMe only jobs created by the key's owner
 * @param status only jobs in this status
 * @param wandbProject only jobs reporting to this W&amp;B project
 * @param wandbName only jobs with this W&amp;B run group name
 * @param suffix only jobs with this suffix
 */
public record ListFineTuningJobsRequest(@Nullable Integer page, @Nullable Integer pageSize, @Nullable String model,
		@Nullable OffsetDateTime createdAfter, @Nullable OffsetDateTime createdBefore, @Nullable Boolean createdByMe,
		@Nullable FineTuningJobStatus status, @Nullable String wandbProject, @Nullable String wandbName,
		@Nullable String suffix) {

	/** The API's default page size. */
	public static final int DEFAULT_PAGE_SIZE = 100;

	/** No filter: the first page of every job. */
	public static final ListFineTuningJobsRequest ALL = new ListFineTuningJobsRequest(null, null, null, null, null,
			null, null, null, null, null);

	/**
	 * Validates the request.
	 */
	public ListFineTuningJobsRequest {
		if (page != null && page < 0) {
			throw new IllegalArgumentException("page must not be negative, was " + page);
		}
		if (pageSize != null && pageSize < 1) {
			throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
		}
		if (status == FineTuningJobStatus.UNKNOWN) {
			throw new IllegalArgumentException("FineTuningJobStatus.UNKNOWN cannot be sent as a filter");
		}
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
		return new Builder().page(this.page)
			.pageSize(this.pageSize)
			.model(this.model)
			.createdAfter(this.createdAfter)
			.createdBefore(this.createdBefore)
			.createdByMe(this.createdByMe)
			.status(this.status)
			.wandbProject(this.wandbProject)
			.wandbName(this.wandbName)
			.suffix(this.suffix);
	}

	/**
	 * Builds a {@link ListFineTuningJobsRequest}.
	 */
	public static final class Builder {

		private @Nullable Integer page;

		private @Nullable Integer pageSize;

		private @Nullable String model;

		private @Nullable OffsetDateTime createdAfter;

		private @Nullable OffsetDateTime createdBefore;

		private @Nullable Boolean createdByMe;

		private @Nullable FineTuningJobStatus status;

		private @Nullable String wandbProject;

		private @Nullable String wandbName;

		private @Nullable String suffix;

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
		 * Lists only jobs tuning a model.
		 * @param model the model
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
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
		 * Lists only jobs created before a time.
		 * @param createdBefore the time
		 * @return this builder
		 */
		public Builder createdBefore(@Nullable OffsetDateTime createdBefore) {
			this.createdBefore = createdBefore;
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
		 * Lists only jobs in a status.
		 * @param status the status
		 * @return this builder
		 */
		public Builder status(@Nullable FineTuningJobStatus status) {
			this.status = status;
			return this;
		}

		/**
		 * Lists only jobs reporting to a W&amp;B project.
		 * @param wandbProject the project
		 * @return this builder
		 */
		public Builder wandbProject(@Nullable String wandbProject) {
			this.wandbProject = wandbProject;
			return this;
		}

		/**
		 * Lists only jobs with a W&amp;B run group name.
		 * @param wandbName the name
		 * @return this builder
		 */
		public Builder wandbName(@Nullable String wandbName) {
			this.wandbName = wandbName;
			return this;
		}

		/**
		 * Lists only jobs with a suffix.
		 * @param suffix the suffix
		 * @return this builder
		 */
		public Builder suffix(@Nullable String suffix) {
			this.suffix = suffix;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ListFineTuningJobsRequest build() {
			return new ListFineTuningJobsRequest(this.page, this.pageSize, this.model, this.createdAfter,
					this.createdBefore, this.createdByMe, this.status, this.wandbProject, this.wandbName, this.suffix);
		}

	}

}
