/**
 * Auto-configuration of the conversations client ({@code mistral.conversations.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.conversations;

import org.jspecify.annotations.NullMarked;
