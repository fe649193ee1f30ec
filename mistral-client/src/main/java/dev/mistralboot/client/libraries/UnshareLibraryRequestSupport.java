package dev.mistralboot.client.libraries;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link UnshareLibraryRequest}, which the generated record
 * implements: its check.
 */
public interface UnshareLibraryRequestSupport {

	/**
	 * The kind of entity.
	 * @return the kind
	 */
	@Nullable ShareEntityType shareWithType();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when the kind is the {@code UNKNOWN} constant
	 */
	default void validate() {
		// identity: a value the API knows before this library does can still be sent
		if (shareWithType() == ShareEntityType.UNKNOWN) {
			throw new IllegalArgumentException("ShareEntityType.UNKNOWN cannot be sent: choose USER, WORKSPACE or ORG");
		}
	}

}
