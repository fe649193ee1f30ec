package dev.mistralboot.client.libraries;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link UpdateDocumentRequest}, which the generated record
 * implements: its check.
 */
public interface UpdateDocumentRequestSupport {

	/**
	 * The new name.
	 * @return the name, or {@code null} to keep it
	 */
	@Nullable String name();

	/**
	 * The new attributes.
	 * @return the attributes, or {@code null} to keep them
	 */
	@Nullable Map<String, Object> attributes();

	/**
	 * When the API should delete the document.
	 * @return the time, or {@code null} to keep it
	 */
	@Nullable Instant expiresAt();

	/**
	 * Body properties this library does not know yet.
	 * @return the properties
	 */
	Map<String, @Nullable Object> additionalProperties();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when nothing is set, or the name is blank
	 */
	default void validate() {
		String name = name();
		if (name == null && attributes() == null && expiresAt() == null && additionalProperties().isEmpty()) {
			throw new IllegalArgumentException(
					"An update of a document changes something: set name, attributes or expiresAt");
		}
		if (name != null && name.isBlank()) {
			throw new IllegalArgumentException("A document's name must not be blank");
		}
	}

}
