package dev.mistralboot.client.conversations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query of {@code GET /v1/conversations}: a page (by number), its size and a filter
 * on the conversations' metadata.
 *
 * <pre>{@code
 * List<Conversation> recent = conversations.list(ListConversationsRequest.page(0, 20));
 * }</pre>
 *
 * @param page the page number, from 0, or {@code null} for the first
 * @param pageSize conversations per page, or {@code null} for the API's default (100)
 * @param metadata only the conversations whose metadata hold these entries, or
 * {@code null}
 */
public record ListConversationsRequest(@Nullable Integer page, @Nullable Integer pageSize,
		@Nullable Map<String, Object> metadata) {

	/** The API's page size when none is given. */
	public static final int DEFAULT_PAGE_SIZE = 100;

	/** The first page, at the API's page size, unfiltered. */
	public static final ListConversationsRequest FIRST_PAGE = new ListConversationsRequest(null, null, null);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Checks the values and copies the metadata.
	 */
	public ListConversationsRequest {
		if (page != null && page < 0) {
			throw new IllegalArgumentException("page must not be negative, was " + page);
		}
		if (pageSize != null && pageSize < 1) {
			throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
		}
		metadata = (metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(metadata)) : null;
	}

	/**
	 * One page.
	 * @param page the page number, from 0
	 * @param pageSize conversations per page
	 * @return the request
	 */
	public static ListConversationsRequest page(int page, int pageSize) {
		return new ListConversationsRequest(page, pageSize, null);
	}

	/**
	 * This request, keeping only the conversations whose metadata hold these entries.
	 * @param metadata the entries
	 * @return the filtered request
	 */
	public ListConversationsRequest withMetadata(Map<String, Object> metadata) {
		return new ListConversationsRequest(this.page, this.pageSize, metadata);
	}

	/**
	 * This request at another page.
	 * @param page the page number
	 * @return the request
	 */
	ListConversationsRequest atPage(int page) {
		return new ListConversationsRequest(page, this.pageSize, this.metadata);
	}

	int firstPage() {
		return (this.page != null) ? this.page : 0;
	}

	int effectivePageSize() {
		return (this.pageSize != null) ? this.pageSize : DEFAULT_PAGE_SIZE;
	}

	/** The metadata filter as the JSON text the query parameter carries. */
	@Nullable String metadataJson() {
		return (this.metadata != null) ? JSON.writeValueAsString(this.metadata) : null;
	}

}
