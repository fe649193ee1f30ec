package dev.mistralboot.client.libraries;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link ShareLibraryRequest}, which the generated record
 * implements: its check.
 */
public interface ShareLibraryRequestSupport {

	/**
	 * What the entity may do.
	 * @return the level
	 */
	@Nullable AccessLevel level();

	/**
	 * The kind of entity.
	 * @return the kind
	 */
	@Nullable ShareEntityType shareWithType();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when the level or the kind is the {@code UNKNOWN}
	 * constant
	 */
	default void validate() {
		// identity: a value the API knows before this library does can still be sent
		if (level() == AccessLevel.UNKNOWN) {
			throw new IllegalArgumentException("AccessLevel.UNKNOWN cannot be sent: choose VIEWER or EDITOR");
		}
		if (shareWithType() == ShareEntityType.UNKNOWN) {
			throw new IllegalArgumentException("ShareEntityType.UNKNOWN cannot be sent: choose USER, WORKSPACE or ORG");
		}
	}

}
