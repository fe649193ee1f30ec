/**
 * Auto-configuration of the batch client ({@code mistral.batch.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.batch;

import org.jspecify.annotations.NullMarked;
