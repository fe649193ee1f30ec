/**
 * Models ({@code /v1/models} and {@code /v1/fine_tuning/models}):
 * {@link dev.mistralboot.client.models.MistralModelsClient} lists, reads and deletes
 * model cards (base and fine-tuned, told apart by {@code type}), and updates, archives
 * and unarchives fine-tuned models.
 */
@NullMarked
package dev.mistralboot.client.models;

import org.jspecify.annotations.NullMarked;
