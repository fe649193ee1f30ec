package dev.mistralboot.client.finetuning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A training checkpoint ({@code CheckpointOut}).
 *
 * @param metrics the metrics at this step
 * @param stepNumber the training step
 * @param createdAt when it was written, in seconds since the epoch
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Checkpoint(@Nullable CheckpointMetrics metrics, @Nullable Long stepNumber, @Nullable Long createdAt) {
}
