/**
 * Auto-configuration of the agents client ({@code mistral.agents.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.agents;

import org.jspecify.annotations.NullMarked;
