package dev.mistralboot.client.models;

import org.jspecify.annotations.Nullable;

/**
 * Filters of {@code GET /v1/models}. Filters left {@code null} are not sent.
 *
 * @param provider only models of this provider
 * @param model only this model
 */
public record ListModelsRequest(@Nullable String provider, @Nullable String model) {

	/** No filter: every model. */
	public static final ListModelsRequest ALL = new ListModelsRequest(null, null);

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
		return new Builder().provider(this.provider).model(this.model);
	}

	/**
	 * Builds a {@link ListModelsRequest}.
	 */
	public static final class Builder {

		private @Nullable String provider;

		private @Nullable String model;

		private Builder() {
		}

		/**
		 * Lists only models of a provider.
		 * @param provider the provider, such as {@code mistralai}
		 * @return this builder
		 */
		public Builder provider(@Nullable String provider) {
			this.provider = provider;
			return this;
		}

		/**
		 * Lists only one model.
		 * @param model the model id
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ListModelsRequest build() {
			return new ListModelsRequest(this.provider, this.model);
		}

	}

}
