/**
 * The conversations API:
 * {@link dev.mistralboot.client.conversations.MistralConversationsClient} and
 * {@link dev.mistralboot.client.conversations.ReactiveMistralConversationsClient} start,
 * append to, restart (each also streamed), list, read and delete conversations with a
 * model or an agent. Entries
 * ({@link dev.mistralboot.client.conversations.ConversationEntry}) and stream events
 * ({@link dev.mistralboot.client.conversations.ConversationEvent}) are typed unions that
 * keep what this library does not know yet;
 * {@link dev.mistralboot.client.conversations.ConversationAccumulator} folds a stream
 * into the turn's outputs;
 * {@link dev.mistralboot.client.conversations.ToolCallingConversations} (and its reactive
 * twin), from {@code withTools(ToolRegistry)}, answers function calls with
 * {@code @MistralTool} methods. Tools, content and completion arguments reuse the chat
 * and agents types.
 */
@NullMarked
package dev.mistralboot.client.conversations;

import org.jspecify.annotations.NullMarked;
