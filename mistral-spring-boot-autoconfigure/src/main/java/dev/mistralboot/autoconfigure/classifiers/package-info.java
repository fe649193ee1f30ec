/**
 * Auto-configuration of the classifiers client ({@code mistral.classifiers.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.classifiers;

import org.jspecify.annotations.NullMarked;
