package dev.mistralboot.client.conversations;

import dev.mistralboot.client.chat.Content;

/**
 * What the message entries ({@link MessageInputEntry}, {@link MessageOutputEntry}) share:
 * their content and its text.
 */
public interface MessageEntrySupport {

	/**
	 * The content, a string or chunks.
	 * @return the content
	 */
	Content content();

	/**
	 * The text of the message: the string, or its text chunks joined.
	 * @return the text
	 */
	default String text() {
		return content().text();
	}

}
