package dev.mistralboot.client.libraries;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link UpdateLibraryRequest}, which the generated record
 * implements: its check.
 */
public interface UpdateLibraryRequestSupport {

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
	 * @throws IllegalArgumentException when neither name nor description is set, or the
	 * name is blank
	 */
	default void validate() {
		String name = name();
		if (name == null && description() == null) {
			throw new IllegalArgumentException("An update of a library changes something: set name or description");
		}
		if (name != null && name.isBlank()) {
			throw new IllegalArgumentException("A library's name must not be blank");
		}
	}

}
