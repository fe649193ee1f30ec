package dev.mistralboot.client.libraries;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link CreateLibraryRequest}, which the generated record
 * implements: its limits and check.
 */
public interface CreateLibraryRequestSupport {

	/** The smallest chunk size the API accepts, in characters. */
	int MIN_CHUNK_SIZE = 256;

	/** The largest chunk size the API accepts, in characters. */
	int MAX_CHUNK_SIZE = 32768;

	/**
	 * The library's name.
	 * @return the name
	 */
	@Nullable String name();

	/**
	 * The chunk size.
	 * @return the size, or {@code null} for the API's default
	 */
	@Nullable Integer chunkSize();

	/**
	 * Who owns the library.
	 * @return the owner type, or {@code null} for the API's default
	 */
	@Nullable LibraryOwnerType ownerType();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when the name is blank, the chunk size out of
	 * range or the owner type {@link LibraryOwnerType#UNKNOWN}
	 */
	default void validate() {
		String name = name();
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A library needs a name");
		}
		Integer chunkSize = chunkSize();
		if (chunkSize != null && (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE)) {
			throw new IllegalArgumentException(
					"chunkSize must be " + MIN_CHUNK_SIZE + " to " + MAX_CHUNK_SIZE + " characters, was " + chunkSize);
		}
		if (ownerType() == LibraryOwnerType.UNKNOWN) {
			throw new IllegalArgumentException("LibraryOwnerType.UNKNOWN cannot be sent: choose USER or WORKSPACE");
		}
	}

}
