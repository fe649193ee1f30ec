/**
 * Auto-configuration of Micrometer observations and metrics of the Mistral clients
 * ({@code mistral.observations.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
