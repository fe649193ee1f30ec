package dev.mistralboot.client.libraries;

import org.jspecify.annotations.Nullable;

/**
 * Page and filters of {@code GET /v1/libraries}. Values left {@code null} are not sent
 * (the API's defaults apply: the first 100 libraries). Pages follow one another by token:
 * {@link LibraryList#nextPageToken()} goes into {@link Builder#pageToken(String)}, which
 * {@code listAllLibraries} does for you.
 *
 * @param pageSize the number of libraries per page, 1 to 100
 * @param pageToken the token of the page to read, from the previous page's
 * {@code nextPageToken}
 * @param page the page number, from 0 (deprecated by the API in favour of
 * {@code pageToken})
 * @param search only libraries whose name contains this text (case-insensitive)
 * @param filterOwnedByMe only the libraries you own (deprecated by the API)
 */
public record ListLibrariesRequest(@Nullable Integer pageSize, @Nullable String pageToken, @Nullable Integer page,
		@Nullable String search, @Nullable Boolean filterOwnedByMe) {

	/** The largest page the API serves. */
	public static final int MAX_PAGE_SIZE = 100;

	/** No filter: the first page of every library. */
	public static final ListLibrariesRequest ALL = builder().build();

	/**
	 * Validates the request.
	 */
	public ListLibrariesRequest {
		if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
			throw new IllegalArgumentException("pageSize must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
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
		builder.pageSize = this.pageSize;
		builder.pageToken = this.pageToken;
		builder.page = this.page;
		builder.search = this.search;
		builder.filterOwnedByMe = this.filterOwnedByMe;
		return builder;
	}

	/**
	 * Builds a {@link ListLibrariesRequest}.
	 */
	public static final class Builder {

		private @Nullable Integer pageSize;

		private @Nullable String pageToken;

		private @Nullable Integer page;

		private @Nullable String search;

		private @Nullable Boolean filterOwnedByMe;

		private Builder() {
		}

		/**
		 * Sets the number of libraries per page.
		 * @param pageSize the size, 1 to 100
		 * @return this builder
		 */
		public Builder pageSize(@Nullable Integer pageSize) {
			this.pageSize = pageSize;
			return this;
		}

		/**
		 * Sets the page to read by the token the previous page gave
		 * ({@link LibraryList#nextPageToken()}).
		 * @param pageToken the token
		 * @return this builder
		 */
		public Builder pageToken(@Nullable String pageToken) {
			this.pageToken = pageToken;
			return this;
		}

		/**
		 * Sets the page to read by number. The API deprecates it: prefer
		 * {@link #pageToken(String)}.
		 * @param page the page, from 0
		 * @return this builder
		 */
		public Builder page(@Nullable Integer page) {
			this.page = page;
			return this;
		}

		/**
		 * Lists only libraries whose name contains a text (case-insensitive).
		 * @param search the text
		 * @return this builder
		 */
		public Builder search(@Nullable String search) {
			this.search = search;
			return this;
		}

		/**
		 * Lists only the libraries you own. The API deprecates this filter.
		 * @param filterOwnedByMe whether to list only yours
		 * @return this builder
		 */
		public Builder filterOwnedByMe(@Nullable Boolean filterOwnedByMe) {
			this.filterOwnedByMe = filterOwnedByMe;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException for a page size out of 1 to 100 or a negative
		 * page
		 */
		public ListLibrariesRequest build() {
			return new ListLibrariesRequest(this.pageSize, this.pageToken, this.page, this.search,
					this.filterOwnedByMe);
		}

	}

}
