package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One answer's piece in a stream chunk.
 *
 * @param index the answer's position
 * @param delta the new piece
 * @param finishReason why the model stopped, on the answer's last chunk
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatCompletionStreamChoice(int index, @Nullable DeltaMessage delta, @Nullable FinishReason finishReason) {
}
