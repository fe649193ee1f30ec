/**
 * The Actuator health indicator of the Mistral API
 * ({@code management.health.mistral.enabled}, {@code mistral.health.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
