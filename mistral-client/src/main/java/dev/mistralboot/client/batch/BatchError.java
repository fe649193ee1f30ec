package dev.mistralboot.client.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An error of a batch job, with how often it happened ({@code BatchError}).
 *
 * @param message the error
 * @param count how many requests it affected
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BatchError(String message, @Nullable Integer count) {
}
