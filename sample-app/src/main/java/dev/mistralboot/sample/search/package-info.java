/**
 * Semantic search over the sample documents with embeddings.
 */
package dev.mistralboot.sample.search;
