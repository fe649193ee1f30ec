package dev.mistralboot.client.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.mistralboot.client.core.ObservedRequest;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part that {@link ChatCompletionRequest} and
 * {@link dev.mistralboot.client.agents.AgentsCompletionRequest} share (the generated
 * records implement it through their own support interfaces): the checks of the
 * conversation and of the sampling options, and what observations read (the options, and
 * the prompt text when content is recorded).
 */
public interface ChatRequestSupport extends ObservedRequest {

	/**
	 * The conversation.
	 * @return the messages, never {@code null}
	 */
	List<ChatMessage> messages();

	/**
	 * The number of answers to generate.
	 * @return the count, or {@code null}
	 */
	@Override
	@Nullable Integer n();

	/**
	 * The most tokens the answer may have.
	 * @return the count, or {@code null}
	 */
	@Override
	@Nullable Integer maxTokens();

	/**
	 * The seed for sampling.
	 * @return the seed, or {@code null}
	 */
	@Override
	@Nullable Long randomSeed();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException when there is no message, a message is
	 * {@code null} or a value is out of range
	 */
	default void validate() {
		List<ChatMessage> messages = messages();
		if (messages.isEmpty()) {
			String type = getClass().getSimpleName();
			throw new IllegalArgumentException(
					"A " + type + " needs at least one message: add one with " + type + ".builder().user(\"...\")");
		}
		for (int i = 0; i < messages.size(); i++) {
			if (messages.get(i) == null) {
				throw new IllegalArgumentException("messages[" + i + "] is null");
			}
		}
		Integer n = n();
		if (n != null && n < 1) {
			throw new IllegalArgumentException("n must be at least 1, was " + n);
		}
		Integer maxTokens = maxTokens();
		if (maxTokens != null && maxTokens < 0) {
			throw new IllegalArgumentException("maxTokens must not be negative, was " + maxTokens);
		}
		Long randomSeed = randomSeed();
		if (randomSeed != null && randomSeed < 0) {
			throw new IllegalArgumentException("randomSeed must not be negative, was " + randomSeed);
		}
	}

	/**
	 * The conversation as plain text, one {@code role: text} line per message (thinking,
	 * images and other non-text parts left out), for observations that record content.
	 * @return the prompt text
	 */
	@JsonIgnore
	@Override
	default String observedInput() {
		StringBuilder text = new StringBuilder();
		for (ChatMessage message : messages()) {
			Content content = null;
			if (message instanceof SystemMessage system) {
				content = system.content();
			}
			else if (message instanceof UserMessage user) {
				content = user.content();
			}
			else if (message instanceof AssistantMessage assistant) {
				content = assistant.content();
			}
			else if (message instanceof ToolMessage tool) {
				content = tool.content();
			}
			if (!text.isEmpty()) {
				text.append('\n');
			}
			text.append(message.role()).append(": ").append((content != null) ? content.text() : "");
		}
		return text.toString();
	}

}
