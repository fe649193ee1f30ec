package dev.mistralboot.client.audio;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link SpeechStreamEvent}, which every event implements.
 */
public interface SpeechStreamEventSupport {

	/**
	 * The event type as sent, such as {@code speech.audio.delta}.
	 * @return the type, or {@code null} when an unknown event had none
	 */
	@Nullable String type();

}
