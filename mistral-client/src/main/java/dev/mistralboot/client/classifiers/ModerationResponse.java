package dev.mistralboot.client.classifiers;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer to a moderation request ({@code ModerationResponse} of the API): one result
 * per input text or conversation, in order.
 *
 * @param id the answer id
 * @param model the model that answered
 * @param results one result per input
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModerationResponse(@Nullable String id, @Nullable String model, List<ModerationResult> results) {

	/**
	 * Copies the results.
	 */
	public ModerationResponse {
		results = (results != null) ? List.copyOf(results) : List.of();
	}

	/**
	 * Whether any input is flagged in any category.
	 * @return whether anything is flagged
	 */
	@JsonIgnore
	public boolean flagged() {
		return this.results.stream().anyMatch(ModerationResult::flagged);
	}

}
