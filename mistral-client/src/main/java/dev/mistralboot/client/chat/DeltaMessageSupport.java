package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link DeltaMessage}, which the generated record implements:
 * its text and thinking.
 */
public interface DeltaMessageSupport {

	/**
	 * The new content.
	 * @return a string or chunks, or {@code null}
	 */
	@Nullable Content content();

	/**
	 * The new answer text (thinking left out).
	 * @return the text, or an empty string
	 */
	@JsonIgnore
	default String text() {
		Content content = content();
		return (content != null) ? content.text() : "";
	}

	/**
	 * The new reasoning text.
	 * @return the thinking, or an empty string
	 */
	@JsonIgnore
	default String thinking() {
		Content content = content();
		return (content != null) ? content.thinking() : "";
	}

}
