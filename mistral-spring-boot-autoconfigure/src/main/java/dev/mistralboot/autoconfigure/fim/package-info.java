/**
 * Auto-configuration of the fim client ({@code mistral.fim.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.fim;

import org.jspecify.annotations.NullMarked;
