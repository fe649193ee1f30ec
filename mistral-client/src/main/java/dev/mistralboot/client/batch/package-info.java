/**
 * Batch jobs ({@code /v1/batch/jobs}):
 * {@link dev.mistralboot.client.batch.MistralBatchClient} creates, lists, reads, cancels
 * and deletes jobs, waits for them, and reads their output and error files back as parsed
 * JSONL records.
 */
@NullMarked
package dev.mistralboot.client.batch;

import org.jspecify.annotations.NullMarked;
