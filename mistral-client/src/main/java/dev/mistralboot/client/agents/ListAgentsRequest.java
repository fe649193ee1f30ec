package dev.mistralboot.client.agents;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mistralboot.client.core.MistralJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Filters and paging of the agent lists: {@code GET /v1/agents/pages}
 * ({@link MistralAgentsClient#listPages(ListAgentsRequest)}, paged by {@code pageToken})
 * and the deprecated {@code GET /v1/agents}
 * ({@link MistralAgentsClient#list(ListAgentsRequest)}, paged by {@code page}). Values
 * left {@code null} are not sent; each list sends only its own paging value.
 *
 * @param pageSize the number of agents per page (1 to 1000)
 * @param pageToken the cursor of the page to read: the {@code nextPageToken} of the
 * previous page ({@code listPages} only)
 * @param page the page number, from 0 (the deprecated {@code list} only)
 * @param deploymentChat only agents deployed (or not) to Le Chat
 * @param sources only agents made in one of these places
 * @param name only agents with this name
 * @param search only agents whose name or id matches
 * @param id only the agent with this id
 * @param metadata only agents with these metadata values (sent as JSON)
 */
public record ListAgentsRequest(@Nullable Integer pageSize, @Nullable String pageToken, @Nullable Integer page,
		@Nullable Boolean deploymentChat, @Nullable List<AgentSource> sources, @Nullable String name,
		@Nullable String search, @Nullable String id, @Nullable Map<String, Object> metadata) {

	/** The most agents a page holds. */
	public static final int MAX_PAGE_SIZE = 1000;

	/** No filter: the first page of every agent. */
	public static final ListAgentsRequest ALL = new ListAgentsRequest(null, null, null, null, null, null, null, null,
			null);

	private static final JsonMapper JSON = MistralJson.defaultMapper();

	/**
	 * Validates the request and copies its collections.
	 */
	public ListAgentsRequest {
		if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
			throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
		}
		if (page != null && page < 0) {
			throw new IllegalArgumentException("page must not be negative, was " + page);
		}
		if (sources != null) {
			for (AgentSource source : sources) {
				if (source == null || source == AgentSource.UNKNOWN) {
					throw new IllegalArgumentException(
							"sources may not hold null or AgentSource.UNKNOWN (use AgentSource.of(\"...\")): "
									+ sources);
				}
			}
			sources = List.copyOf(sources);
		}
		metadata = (metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(metadata)) : null;
	}

	/**
	 * The metadata filter as the API takes it: a JSON object.
	 * @return the JSON text, or {@code null} without a metadata filter
	 */
	@Nullable String metadataJson() {
		return (this.metadata != null) ? JSON.writeValueAsString(this.metadata) : null;
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
		return new Builder().pageSize(this.pageSize)
			.pageToken(this.pageToken)
			.page(this.page)
			.deploymentChat(this.deploymentChat)
			.sources(this.sources)
			.name(this.name)
			.search(this.search)
			.id(this.id)
			.metadata(this.metadata);
	}

	/**
	 * Builds a {@link ListAgentsRequest}; {@link #build()} checks it.
	 */
	public static final class Builder {

		private @Nullable Integer pageSize;

		private @Nullable String pageToken;

		private @Nullable Integer page;

		private @Nullable Boolean deploymentChat;

		private @Nullable List<AgentSource> sources;

		private @Nullable String name;

		private @Nullable String search;

		private @Nullable String id;

		private @Nullable Map<String, Object> metadata;

		private Builder() {
		}

		/**
		 * Sets the number of agents per page.
		 * @param pageSize 1 to 1000
		 * @return this builder
		 */
		public Builder pageSize(@Nullable Integer pageSize) {
			this.pageSize = pageSize;
			return this;
		}

		/**
		 * Sets the cursor of the page to read ({@code listPages} only).
		 * @param pageToken the {@code nextPageToken} of the previous page
		 * @return this builder
		 */
		public Builder pageToken(@Nullable String pageToken) {
			this.pageToken = pageToken;
			return this;
		}

		/**
		 * Sets the page number (the deprecated {@code list} only).
		 * @param page from 0
		 * @return this builder
		 */
		public Builder page(@Nullable Integer page) {
			this.page = page;
			return this;
		}

		/**
		 * Keeps only agents deployed (or not) to Le Chat.
		 * @param deploymentChat the flag
		 * @return this builder
		 */
		public Builder deploymentChat(@Nullable Boolean deploymentChat) {
			this.deploymentChat = deploymentChat;
			return this;
		}

		/**
		 * Keeps only agents made in one of these places.
		 * @param sources the places
		 * @return this builder
		 */
		public Builder sources(@Nullable List<AgentSource> sources) {
			this.sources = sources;
			return this;
		}

		/**
		 * Keeps only agents made in one of these places.
		 * @param sources the places
		 * @return this builder
		 */
		public Builder sources(AgentSource... sources) {
			return sources(Arrays.asList(sources));
		}

		/**
		 * Keeps only agents with this name.
		 * @param name the name
		 * @return this builder
		 */
		public Builder name(@Nullable String name) {
			this.name = name;
			return this;
		}

		/**
		 * Keeps only agents whose name or id matches.
		 * @param search the text
		 * @return this builder
		 */
		public Builder search(@Nullable String search) {
			this.search = search;
			return this;
		}

		/**
		 * Keeps only the agent with this id.
		 * @param id the agent id
		 * @return this builder
		 */
		public Builder id(@Nullable String id) {
			this.id = id;
			return this;
		}

		/**
		 * Keeps only agents with these metadata values.
		 * @param metadata the values
		 * @return this builder
		 */
		public Builder metadata(@Nullable Map<String, Object> metadata) {
			this.metadata = (metadata != null) ? new LinkedHashMap<>(metadata) : null;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException when a value is out of range
		 */
		public ListAgentsRequest build() {
			return new ListAgentsRequest(this.pageSize, this.pageToken, this.page, this.deploymentChat, this.sources,
					this.name, this.search, this.id, this.metadata);
		}

	}

}
