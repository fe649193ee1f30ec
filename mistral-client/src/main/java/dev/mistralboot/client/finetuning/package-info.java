/**
 * Fine-tuning ({@code /v1/fine_tuning/jobs}):
 * {@link dev.mistralboot.client.finetuning.MistralFineTuningClient} creates (or
 * dry-runs), lists, reads, starts and cancels jobs, and waits for a job to finish.
 */
@NullMarked
package dev.mistralboot.client.finetuning;

import org.jspecify.annotations.NullMarked;
