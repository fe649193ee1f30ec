/**
 * Embeddings ({@code POST /v1/embeddings}):
 * {@link dev.mistralboot.client.embeddings.MistralEmbeddingsClient},
 * {@link dev.mistralboot.client.embeddings.ReactiveMistralEmbeddingsClient}, the request
 * and answer types, and {@link dev.mistralboot.client.embeddings.Embedding}, a vector
 * held in a primitive array and read without boxing.
 */
@NullMarked
package dev.mistralboot.client.embeddings;

import org.jspecify.annotations.NullMarked;
