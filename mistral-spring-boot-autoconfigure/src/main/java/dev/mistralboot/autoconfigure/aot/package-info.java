/**
 * Ahead-of-time processing and native image hints for the Mistral clients.
 */
@NullMarked
package dev.mistralboot.autoconfigure.aot;

import org.jspecify.annotations.NullMarked;
