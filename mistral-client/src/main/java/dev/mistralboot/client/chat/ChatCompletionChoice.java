package dev.mistralboot.client.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One answer of a chat completion.
 *
 * @param index the answer's position
 * @param message the answer
 * @param messages intermediate messages, when the API sends them
 * @param finishReason why the model stopped
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatCompletionChoice(int index, @Nullable AssistantMessage message, @Nullable List<DeltaMessage> messages,
		@Nullable FinishReason finishReason) {
}
