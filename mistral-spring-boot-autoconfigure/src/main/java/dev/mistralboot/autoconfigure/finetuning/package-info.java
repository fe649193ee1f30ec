/**
 * Auto-configuration of the fine-tuning client ({@code mistral.fine-tuning.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.finetuning;

import org.jspecify.annotations.NullMarked;
