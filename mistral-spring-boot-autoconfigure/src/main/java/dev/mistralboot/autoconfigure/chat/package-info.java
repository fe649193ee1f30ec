/**
 * Auto-configuration of the chat clients ({@code mistral.chat.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.chat;

import org.jspecify.annotations.NullMarked;
