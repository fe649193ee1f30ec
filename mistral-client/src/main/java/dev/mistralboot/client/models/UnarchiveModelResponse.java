package dev.mistralboot.client.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer of {@code DELETE /v1/fine_tuning/models/{model_id}/archive}
 * ({@code UnarchiveModelResponse}).
 *
 * @param id the model id
 * @param object the object type, {@code model}
 * @param archived whether the model is archived now ({@code false})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UnarchiveModelResponse(String id, @Nullable String object, @Nullable Boolean archived) {
}
