/**
 * Auto-configuration of the files client ({@code mistral.files.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.files;

import org.jspecify.annotations.NullMarked;
