package dev.mistralboot.client.audio;

import dev.mistralboot.client.core.EndOfStream;
import dev.mistralboot.client.core.ObservedResponse;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link SpeechDone}: the final event of a speech stream
 * ({@link EndOfStream}), whose usage an observation records.
 */
public interface SpeechDoneSupport extends ObservedResponse, EndOfStream {

	/**
	 * The event has no id.
	 * @return {@code null}
	 */
	@Override
	default @Nullable String id() {
		return null;
	}

	/**
	 * The event names no model.
	 * @return {@code null}
	 */
	@Override
	default @Nullable String model() {
		return null;
	}

}
