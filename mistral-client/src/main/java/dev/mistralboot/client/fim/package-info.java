/**
 * Fill-in-the-middle code completions ({@code POST /v1/fim/completions}, Codestral):
 * {@link dev.mistralboot.client.fim.MistralFimClient},
 * {@link dev.mistralboot.client.fim.ReactiveMistralFimClient} and
 * {@link dev.mistralboot.client.fim.FimCompletionRequest}. Answers reuse the chat
 * completion types.
 */
@NullMarked
package dev.mistralboot.client.fim;

import org.jspecify.annotations.NullMarked;
