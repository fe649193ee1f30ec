package dev.mistralboot.client.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer of {@code DELETE /v1/models/{model_id}} ({@code DeleteModelResponse}).
 *
 * @param id the deleted model's id
 * @param object the object type, {@code model}
 * @param deleted whether the model was deleted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeleteModelResponse(String id, @Nullable String object, @Nullable Boolean deleted) {
}
