package dev.mistralboot.client.audio;

import java.util.List;

import dev.mistralboot.client.core.UploadContent;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link TranscriptionRequest}, which the generated record
 * implements: its check.
 */
public interface TranscriptionRequestSupport {

	/**
	 * The audio to transcribe, uploaded with the request.
	 * @return the content, or {@code null}
	 */
	@Nullable UploadContent file();

	/**
	 * The URL of the audio to transcribe.
	 * @return the URL, or {@code null}
	 */
	@Nullable String fileUrl();

	/**
	 * The id of an audio file uploaded with the files API.
	 * @return the id, or {@code null}
	 */
	@Nullable String fileId();

	/**
	 * The language of the audio.
	 * @return a two-letter code, or {@code null}
	 */
	@Nullable String language();

	/**
	 * Words the transcription should favour.
	 * @return the words, or {@code null}
	 */
	@Nullable List<String> contextBias();

	/**
	 * The timestamp granularities asked for.
	 * @return the granularities, or {@code null}
	 */
	@Nullable List<TimestampGranularity> timestampGranularities();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when not exactly one of file, file URL and file id
	 * is set, the language is not a two-letter code, a context word is blank or holds a
	 * comma or white space, or a granularity is {@code UNKNOWN}
	 */
	default void validate() {
		int sources = ((file() != null) ? 1 : 0) + ((fileUrl() != null) ? 1 : 0) + ((fileId() != null) ? 1 : 0);
		if (sources != 1) {
			throw new IllegalArgumentException(
					"A transcription needs exactly one audio source: file(...), fileUrl(...) " + "or fileId(...) ("
							+ sources + " set)");
		}
		String url = fileUrl();
		if (url != null && (url.isBlank() || url.length() > 2083)) {
			throw new IllegalArgumentException("fileUrl must be a URL of 1 to 2083 characters");
		}
		String id = fileId();
		if (id != null && id.isBlank()) {
			throw new IllegalArgumentException("fileId must not be blank");
		}
		String language = language();
		if (language != null && !language.matches("\\w{2}")) {
			throw new IllegalArgumentException(
					"language must be a two-letter code such as \"en\", was \"" + language + "\"");
		}
		List<String> bias = contextBias();
		if (bias != null) {
			for (String word : bias) {
				if (word == null || word.isEmpty() || !word.matches("[^,\\s]+")) {
					throw new IllegalArgumentException(
							"Each contextBias entry is one word without commas or spaces, was \"" + word + "\"");
				}
			}
		}
		List<TimestampGranularity> granularities = timestampGranularities();
		if (granularities != null) {
			for (TimestampGranularity granularity : granularities) {
				if (granularity == null || granularity == TimestampGranularity.UNKNOWN) {
					throw new IllegalArgumentException(
							"timestampGranularities accepts SEGMENT or WORD (or TimestampGranularity.of(...)), not "
									+ granularity);
				}
			}
		}
	}

}
