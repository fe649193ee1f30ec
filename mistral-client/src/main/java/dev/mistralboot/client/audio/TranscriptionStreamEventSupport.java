package dev.mistralboot.client.audio;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link TranscriptionStreamEvent}, which every event
 * implements: its type and what it carries.
 */
public interface TranscriptionStreamEventSupport {

	/**
	 * The event type as sent, such as {@code transcription.text.delta}.
	 * @return the type, or {@code null} when an unknown event had none
	 */
	@Nullable String type();

	/**
	 * The text this event adds to the transcription.
	 * @return the text of a {@link TranscriptionTextDelta}, else {@code ""}
	 */
	@JsonIgnore
	default String textDelta() {
		return (this instanceof TranscriptionTextDelta delta) ? delta.text() : "";
	}

	/**
	 * Whether this is the final event, which carries the whole transcription.
	 * @return {@code true} for a {@link TranscriptionDone}
	 */
	@JsonIgnore
	default boolean isDone() {
		return this instanceof TranscriptionDone;
	}

}
