package dev.mistralboot.client.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * New name and description of a fine-tuned model ({@code UpdateModelRequest} of
 * {@code PATCH /v1/fine_tuning/models/{model_id}}). Fields left {@code null} are not sent
 * and stay as they are.
 *
 * @param name the new display name
 * @param description the new description
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UpdateModelRequest(@Nullable String name, @Nullable String description) {

	/**
	 * Validates the request.
	 */
	public UpdateModelRequest {
		if (name == null && description == null) {
			throw new IllegalArgumentException(
					"An update of a fine-tuned model changes something: set name or description");
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
		return new Builder().name(this.name).description(this.description);
	}

	/**
	 * Builds an {@link UpdateModelRequest}.
	 */
	public static final class Builder {

		private @Nullable String name;

		private @Nullable String description;

		private Builder() {
		}

		/**
		 * Sets the new display name.
		 * @param name the name
		 * @return this builder
		 */
		public Builder name(@Nullable String name) {
			this.name = name;
			return this;
		}

		/**
		 * Sets the new description.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(@Nullable String description) {
			this.description = description;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException when neither name nor description is set
		 */
		public UpdateModelRequest build() {
			return new UpdateModelRequest(this.name, this.description);
		}

	}

}
