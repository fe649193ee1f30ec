/**
 * Chat completions ({@code POST /v1/chat/completions}):
 * {@link dev.mistralboot.client.chat.MistralChatClient},
 * {@link dev.mistralboot.client.chat.ReactiveMistralChatClient}, and the request,
 * message, content, tool and response types (also used by the agents and FIM families).
 */
@NullMarked
package dev.mistralboot.client.chat;

import org.jspecify.annotations.NullMarked;
