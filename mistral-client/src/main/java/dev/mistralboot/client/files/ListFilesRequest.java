package dev.mistralboot.client.files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Page and filters of {@code GET /v1/files}. Values left {@code null} are not sent (the
 * API's defaults apply: page 0 of 100 files, with the total).
 *
 * @param page the page number, from 0
 * @param pageSize the number of files per page
 * @param includeTotal whether the answer counts all files ({@code total})
 * @param sampleType only files holding these kinds of samples
 * @param source only files from these sources
 * @param search only files whose name contains this text
 * @param purpose only files with this purpose
 * @param mimetypes only files of these MIME types
 */
public record ListFilesRequest(@Nullable Integer page, @Nullable Integer pageSize, @Nullable Boolean includeTotal,
		@Nullable List<SampleType> sampleType, @Nullable List<FileSource> source, @Nullable String search,
		@Nullable FilePurpose purpose, @Nullable List<String> mimetypes) {

	/** The API's default page size. */
	public static final int DEFAULT_PAGE_SIZE = 100;

	/** No filter: the first page of every file. */
	public static final ListFilesRequest ALL = builder().build();

	/**
	 * Validates the request and copies its lists.
	 */
	public ListFilesRequest {
		if (page != null && page < 0) {
			throw new IllegalArgumentException("page must not be negative, was " + page);
		}
		if (pageSize != null && pageSize < 1) {
			throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
		}
		// Identity, not equals: every unknown value equals UNKNOWN, yet a value the API
		// knows
		// before this library does may be sent (SampleType.of("new")); only the constant
		// cannot.
		if (purpose == FilePurpose.UNKNOWN
				|| (sampleType != null && sampleType.stream().anyMatch((type) -> type == SampleType.UNKNOWN))
				|| (source != null && source.stream().anyMatch((value) -> value == FileSource.UNKNOWN))) {
			throw new IllegalArgumentException("UNKNOWN cannot be sent as a filter: choose a known value");
		}
		sampleType = (sampleType != null) ? List.copyOf(sampleType) : null;
		source = (source != null) ? List.copyOf(source) : null;
		mimetypes = (mimetypes != null) ? List.copyOf(mimetypes) : null;
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
		builder.page = this.page;
		builder.pageSize = this.pageSize;
		builder.includeTotal = this.includeTotal;
		builder.sampleType = (this.sampleType != null) ? new ArrayList<>(this.sampleType) : null;
		builder.source = (this.source != null) ? new ArrayList<>(this.source) : null;
		builder.search = this.search;
		builder.purpose = this.purpose;
		builder.mimetypes = (this.mimetypes != null) ? new ArrayList<>(this.mimetypes) : null;
		return builder;
	}

	/**
	 * Builds a {@link ListFilesRequest}.
	 */
	public static final class Builder {

		private @Nullable Integer page;

		private @Nullable Integer pageSize;

		private @Nullable Boolean includeTotal;

		private @Nullable List<SampleType> sampleType;

		private @Nullable List<FileSource> source;

		private @Nullable String search;

		private @Nullable FilePurpose purpose;

		private @Nullable List<String> mimetypes;

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
		 * Sets the number of files per page.
		 * @param pageSize the size, at least 1
		 * @return this builder
		 */
		public Builder pageSize(@Nullable Integer pageSize) {
			this.pageSize = pageSize;
			return this;
		}

		/**
		 * Sets whether the answer counts all files.
		 * @param includeTotal whether to count
		 * @return this builder
		 */
		public Builder includeTotal(@Nullable Boolean includeTotal) {
			this.includeTotal = includeTotal;
			return this;
		}

		/**
		 * Lists only files holding these kinds of samples.
		 * @param sampleTypes the kinds
		 * @return this builder
		 */
		public Builder sampleType(SampleType... sampleTypes) {
			this.sampleType = Arrays.asList(sampleTypes);
			return this;
		}

		/**
		 * Lists only files from these sources.
		 * @param sources the sources
		 * @return this builder
		 */
		public Builder source(FileSource... sources) {
			this.source = Arrays.asList(sources);
			return this;
		}

		/**
		 * Lists only files whose name contains a text.
		 * @param search the text
		 * @return this builder
		 */
		public Builder search(@Nullable String search) {
			this.search = search;
			return this;
		}

		/**
		 * Lists only files with a purpose.
		 * @param purpose the purpose
		 * @return this builder
		 */
		public Builder purpose(@Nullable FilePurpose purpose) {
			this.purpose = purpose;
			return this;
		}

		/**
		 * Lists only files of these MIME types.
		 * @param mimetypes the types, such as {@code application/jsonl}
		 * @return this builder
		 */
		public Builder mimetypes(String... mimetypes) {
			this.mimetypes = Arrays.asList(mimetypes);
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException for a negative page, a page size below 1 or an
		 * UNKNOWN filter
		 */
		public ListFilesRequest build() {
			return new ListFilesRequest(this.page, this.pageSize, this.includeTotal, this.sampleType, this.source,
					this.search, this.purpose, this.mimetypes);
		}

	}

}
