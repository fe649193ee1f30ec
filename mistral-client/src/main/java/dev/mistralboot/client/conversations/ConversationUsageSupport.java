package dev.mistralboot.client.conversations;

import dev.mistralboot.client.core.UsageInfo;

/**
 * The hand-written part of {@link ConversationUsage}: its view as the shared
 * {@link UsageInfo}, which observations record.
 */
public interface ConversationUsageSupport {

	/**
	 * Tokens of the input.
	 * @return the count
	 */
	int promptTokens();

	/**
	 * Tokens of the answer.
	 * @return the count
	 */
	int completionTokens();

	/**
	 * All tokens.
	 * @return the count
	 */
	int totalTokens();

	/**
	 * The counts as the shared usage type (connector tokens left out).
	 * @return the usage
	 */
	default UsageInfo toUsageInfo() {
		return UsageInfo.of(promptTokens(), completionTokens(), totalTokens());
	}

}
