package dev.mistralboot.client.classifiers;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The scores of one classification target ({@code ClassificationTargetResult} of the
 * API): a score per label of the target.
 *
 * @param scores each label's score
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClassificationTargetResult(Map<String, Double> scores) {

	/**
	 * Copies the scores.
	 */
	public ClassificationTargetResult {
		scores = (scores != null) ? Map.copyOf(scores) : Map.of();
	}

	/**
	 * The label with the highest score.
	 * @return the label, or {@code null} when there are no scores
	 */
	@JsonIgnore
	public @Nullable String topLabel() {
		return this.scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
	}

}
