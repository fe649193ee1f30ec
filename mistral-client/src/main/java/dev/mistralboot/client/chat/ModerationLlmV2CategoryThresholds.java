package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Flagging thresholds (0 to 1) per category of the v2 moderation model; {@code null}
 * keeps the default.
 *
 * @param sexual sexual content
 * @param hateAndDiscrimination hate and discrimination
 * @param violenceAndThreats violence and threats
 * @param dangerous dangerous content
 * @param criminal criminal content
 * @param selfharm self-harm
 * @param health health advice
 * @param financial financial advice
 * @param law legal advice
 * @param pii personal data
 * @param jailbreaking jailbreak attempts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModerationLlmV2CategoryThresholds(@Nullable Double sexual, @Nullable Double hateAndDiscrimination,
		@Nullable Double violenceAndThreats, @Nullable Double dangerous, @Nullable Double criminal,
		@Nullable Double selfharm, @Nullable Double health, @Nullable Double financial, @Nullable Double law,
		@Nullable Double pii, @Nullable Double jailbreaking) {
}
