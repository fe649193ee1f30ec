/**
 * Auto-configuration of the embeddings client ({@code mistral.embeddings.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.embeddings;

import org.jspecify.annotations.NullMarked;
