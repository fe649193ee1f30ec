package dev.mistralboot.client.conversations;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.mistralboot.client.core.EndOfStream;
import dev.mistralboot.client.core.ObservedResponse;
import dev.mistralboot.client.core.UsageInfo;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link ConversationEvent}: whether an event ends the stream,
 * and what observations read (the conversation id of the first event, the model of the
 * outputs, the usage of the last event, the text of the message pieces).
 */
public interface ConversationEventSupport extends ObservedResponse {

	/**
	 * The event type as sent ({@code message.output.delta}, ...).
	 * @return the type, or {@code null} when the API left it out
	 */
	@Nullable String type();

	/**
	 * Whether this event ends the stream of a turn: {@code conversation.response.done} or
	 * {@code conversation.response.error}.
	 * @return {@code true} for the last event
	 */
	@JsonIgnore
	default boolean isFinal() {
		return this instanceof EndOfStream;
	}

	/**
	 * The id of the output this event belongs to; the conversation id for
	 * {@link ResponseStartedEvent}.
	 * @return the id, or {@code null}
	 */
	@Override
	default @Nullable String id() {
		return (this instanceof ResponseStartedEvent started) ? started.conversationId() : null;
	}

	/**
	 * The model that answers, on the events that carry it.
	 * @return the model, or {@code null}
	 */
	@Override
	default @Nullable String model() {
		return null;
	}

	/**
	 * The tokens the turn used, on {@link ResponseDoneEvent}.
	 * @return the usage, or {@code null}
	 */
	@Override
	default @Nullable UsageInfo usage() {
		if (this instanceof ResponseDoneEvent done && done.conversationUsage() != null) {
			return done.conversationUsage().toUsageInfo();
		}
		return null;
	}

	/**
	 * The text of a message piece, for observations that record content.
	 * @return the text, or {@code null} for other events
	 */
	@JsonIgnore
	@Override
	default @Nullable String observedOutput() {
		return (this instanceof MessageOutputEvent message) ? message.content().text() : null;
	}

}
