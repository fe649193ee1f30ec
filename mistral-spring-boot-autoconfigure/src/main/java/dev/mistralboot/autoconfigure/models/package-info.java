/**
 * Auto-configuration of the models client ({@code mistral.models.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.models;

import org.jspecify.annotations.NullMarked;
