/**
 * Auto-configuration of the ocr client ({@code mistral.ocr.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.ocr;

import org.jspecify.annotations.NullMarked;
