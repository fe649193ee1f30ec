package dev.mistralboot.client.libraries;

import org.jspecify.annotations.Nullable;

/**
 * Page, filters and order of {@code GET /v1/libraries/{library_id}/documents}. Values
 * left {@code null} are not sent (the API's defaults apply: page 0 of 100 documents, the
 * newest first).
 *
 * @param search only documents whose name contains this text
 * @param pageSize the number of documents per page, 1 to 100
 * @param page the page number, from 0
 * @param filtersAttributes a filter on the documents' attributes, as the API reads it
 * (deprecated by the API)
 * @param sortBy the field the documents are ordered by (the API's default is
 * {@code created_at})
 * @param sortOrder {@code asc} or {@code desc} (the API's default)
 */
public record ListDocumentsRequest(@Nullable String search, @Nullable Integer pageSize, @Nullable Integer page,
		@Nullable String filtersAttributes, @Nullable String sortBy, @Nullable String sortOrder) {

	/** The API's default page size, also the largest. */
	public static final int DEFAULT_PAGE_SIZE = 100;

	/** No filter: the first page of every document. */
	public static final ListDocumentsRequest ALL = builder().build();

	/**
	 * Validates the request.
	 */
	public ListDocumentsRequest {
		if (pageSize != null && (pageSize < 1 || pageSize > DEFAULT_PAGE_SIZE)) {
			throw new IllegalArgumentException("pageSize must be 1 to " + DEFAULT_PAGE_SIZE + ", was " + pageSize);
		}
		if (page != null && page < 0) {
			throw new IllegalArgumentException("page must not be negative, was " + page);
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
		Builder builder = new Builder();
		builder.search = this.search;
		builder.pageSize = this.pageSize;
		builder.page = this.page;
		builder.filtersAttributes = this.filtersAttributes;
		builder.sortBy = this.sortBy;
		builder.sortOrder = this.sortOrder;
		return builder;
	}

	/**
	 * Builds a {@link ListDocumentsRequest}.
	 */
	public static final class Builder {

		private @Nullable String search;

		private @Nullable Integer pageSize;

		private @Nullable Integer page;

		private @Nullable String filtersAttributes;

		private @Nullable String sortBy;

		private @Nullable String sortOrder;

		private Builder() {
		}

		/**
		 * Lists only documents whose name contains a text.
		 * @param search the text
		 * @return this builder
		 */
		public Builder search(@Nullable String search) {
			this.search = search;
			return this;
		}

		/**
		 * Sets the number of documents per page.
		 * @param pageSize the size, 1 to 100
		 * @return this builder
		 */
		public Builder pageSize(@Nullable Integer pageSize) {
			this.pageSize = pageSize;
			return this;
		}

		/**
		 * Sets the page number ({@code listAllDocuments} starts there).
		 * @param page the page, from 0
		 * @return this builder
		 */
		public Builder page(@Nullable Integer page) {
			this.page = page;
			return this;
		}

		/**
		 * Filters on the documents' attributes, in the form the API reads. The API
		 * deprecates this filter.
		 * @param filtersAttributes the filter
		 * @return this builder
		 */
		public Builder filtersAttributes(@Nullable String filtersAttributes) {
			this.filtersAttributes = filtersAttributes;
			return this;
		}

		/**
		 * Orders the documents by a field.
		 * @param sortBy the field, such as {@code created_at} or {@code name}
		 * @return this builder
		 */
		public Builder sortBy(@Nullable String sortBy) {
			this.sortBy = sortBy;
			return this;
		}

		/**
		 * Sets the direction of the order.
		 * @param sortOrder {@code asc} or {@code desc}
		 * @return this builder
		 */
		public Builder sortOrder(@Nullable String sortOrder) {
			this.sortOrder = sortOrder;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException for a page size out of 1 to 100 or a negative
		 * page
		 */
		public ListDocumentsRequest build() {
			return new ListDocumentsRequest(this.search, this.pageSize, this.page, this.filtersAttributes, this.sortBy,
					this.sortOrder);
		}

	}

}
