package dev.mistralboot.client.audio;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link CreateVoiceRequest}, which the generated record
 * implements: its check.
 */
public interface CreateVoiceRequestSupport {

	/**
	 * The voice's name.
	 * @return the name
	 */
	@Nullable String name();

	/**
	 * The sample, base64-encoded.
	 * @return the sample
	 */
	@Nullable String sampleAudio();

	/**
	 * The description.
	 * @return the description, or {@code null}
	 */
	@Nullable String description();

	/**
	 * The age.
	 * @return the age, or {@code null}
	 */
	@Nullable Integer age();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when the name or the sample is missing, or the
	 * description is longer than 500 characters
	 */
	default void validate() {
		String name = name();
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A voice needs a name: set name(...)");
		}
		String sample = sampleAudio();
		if (sample == null || sample.isEmpty()) {
			throw new IllegalArgumentException(
					"A voice is created from an audio sample: set sample(bytes, filename) or sample(path)");
		}
		String description = description();
		if (description != null && description.length() > 500) {
			throw new IllegalArgumentException(
					"A voice's description has at most 500 characters, was " + description.length());
		}
	}

}
