/**
 * Auto-configuration of the Mistral HTTP core shared by every client family: properties
 * under {@code mistral.*}, connection details, and the start-up failure analysis for a
 * missing API key. One sub-package per endpoint family mirrors
 * {@code dev.mistralboot.client}.
 */
@NullMarked
package dev.mistralboot.autoconfigure;

import org.jspecify.annotations.NullMarked;
