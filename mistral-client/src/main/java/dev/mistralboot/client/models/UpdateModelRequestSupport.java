package dev.mistralboot.client.models;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link UpdateModelRequest}, which the generated record
 * implements: its check.
 */
public interface UpdateModelRequestSupport {

	/**
	 * The new display name.
	 * @return the name, or {@code null} to keep it
	 */
	@Nullable String name();

	/**
	 * The new description.
	 * @return the description, or {@code null} to keep it
	 */
	@Nullable String description();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when neither name nor description is set
	 */
	default void validate() {
		if (name() == null && description() == null) {
			throw new IllegalArgumentException(
					"An update of a fine-tuned model changes something: set name or description");
		}
	}

}
