package dev.mistralboot.client.audio;

import org.jspecify.annotations.Nullable;

/**
 * Page and filter of {@code GET /v1/audio/voices}. Values left {@code null} are not sent
 * (the API's defaults apply: the first 10 voices of every type). The API pages by
 * {@code limit} and {@code offset}; {@code listAllVoices} walks every page for you.
 *
 * @param limit the number of voices per page, 1 to 100
 * @param offset how many voices to skip, from 0
 * @param type which voices: {@link VoiceType#ALL}, {@link VoiceType#CUSTOM} (the
 * workspace's) or {@link VoiceType#PRESET} (Mistral's)
 */
public record ListVoicesRequest(@Nullable Integer limit, @Nullable Integer offset, @Nullable VoiceType type) {

	/** The largest page the API serves. */
	public static final int MAX_LIMIT = 100;

	/** The page size {@code listAllVoices} asks for when the request sets none. */
	public static final int DEFAULT_PAGE_SIZE = MAX_LIMIT;

	/** No filter: the first page of every voice. */
	public static final ListVoicesRequest ALL = new ListVoicesRequest(null, null, null);

	/**
	 * Validates the request.
	 */
	public ListVoicesRequest {
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
		}
		if (offset != null && offset < 0) {
			throw new IllegalArgumentException("offset must not be negative, was " + offset);
		}
		if (type == VoiceType.UNKNOWN) {
			throw new IllegalArgumentException("VoiceType.UNKNOWN cannot be sent: choose all, custom or preset");
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
		return new Builder().limit(this.limit).offset(this.offset).type(this.type);
	}

	/**
	 * Builds a {@link ListVoicesRequest}.
	 */
	public static final class Builder {

		private @Nullable Integer limit;

		private @Nullable Integer offset;

		private @Nullable VoiceType type;

		private Builder() {
		}

		/**
		 * Sets the number of voices per page.
		 * @param limit 1 to 100
		 * @return this builder
		 */
		public Builder limit(@Nullable Integer limit) {
			this.limit = limit;
			return this;
		}

		/**
		 * Sets how many voices to skip.
		 * @param offset from 0
		 * @return this builder
		 */
		public Builder offset(@Nullable Integer offset) {
			this.offset = offset;
			return this;
		}

		/**
		 * Sets which voices to list.
		 * @param type all, custom or preset
		 * @return this builder
		 */
		public Builder type(@Nullable VoiceType type) {
			this.type = type;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException when a value is out of range
		 */
		public ListVoicesRequest build() {
			return new ListVoicesRequest(this.limit, this.offset, this.type);
		}

	}

}
