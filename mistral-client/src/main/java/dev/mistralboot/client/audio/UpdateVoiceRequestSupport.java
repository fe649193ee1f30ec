package dev.mistralboot.client.audio;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link UpdateVoiceRequest}, which the generated record
 * implements: its check.
 */
public interface UpdateVoiceRequestSupport {

	/**
	 * The new name.
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
	 * @throws IllegalArgumentException when the name is blank or the description longer
	 * than 500 characters
	 */
	default void validate() {
		String name = name();
		if (name != null && name.isBlank()) {
			throw new IllegalArgumentException("A voice's name must not be blank");
		}
		String description = description();
		if (description != null && description.length() > 500) {
			throw new IllegalArgumentException(
					"A voice's description has at most 500 characters, was " + description.length());
		}
	}

}
