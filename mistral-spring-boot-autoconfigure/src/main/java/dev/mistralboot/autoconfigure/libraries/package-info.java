/**
 * Auto-configuration of the document libraries client ({@code mistral.libraries.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.libraries;

import org.jspecify.annotations.NullMarked;
