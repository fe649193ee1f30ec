/**
 * Tool calling and schemas on top of the chat client:
 * {@link dev.mistralboot.client.chat.tools.MistralTool} methods and hand-written
 * {@link dev.mistralboot.client.chat.tools.ToolCallback}s gathered in a
 * {@link dev.mistralboot.client.chat.tools.ToolRegistry}, the conversation loop
 * ({@link dev.mistralboot.client.chat.tools.ToolCallingChat}, from
 * {@link dev.mistralboot.client.chat.MistralChatClient#withTools(ToolRegistry)}), its
 * reactive twin ({@link dev.mistralboot.client.chat.tools.ReactiveToolCallingChat}, from
 * {@link dev.mistralboot.client.chat.ReactiveMistralChatClient#withTools(ToolRegistry)},
 * which runs tool methods off the event loop), and the
 * {@link dev.mistralboot.client.chat.tools.JsonSchemaGenerator} that turns Java types
 * into the JSON schemas of tool parameters and structured output.
 */
@NullMarked
package dev.mistralboot.client.chat.tools;

import org.jspecify.annotations.NullMarked;
