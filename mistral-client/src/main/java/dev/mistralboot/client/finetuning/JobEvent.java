package dev.mistralboot.client.finetuning;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Something that happened to a fine-tuning job ({@code EventOut}), such as a status
 * change; a validation failure carries its reasons in {@code data}.
 *
 * @param name the event name, such as {@code status-updated}
 * @param data the event's details, or {@code null}
 * @param createdAt when it happened, in seconds since the epoch
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobEvent(String name, @Nullable Map<String, Object> data, @Nullable Long createdAt) {
}
