package dev.mistralboot.client.classifiers;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer to a classification request ({@code ClassificationResponse} of the API): per
 * input, in order, the scores of each target of the classifier (a classifier may have
 * several targets, such as {@code sentiment} and {@code topic}).
 *
 * @param id the answer id
 * @param model the classifier that answered
 * @param results per input, the results keyed by target name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClassificationResponse(@Nullable String id, @Nullable String model,
		List<Map<String, ClassificationTargetResult>> results) {

	/**
	 * Copies the results.
	 */
	public ClassificationResponse {
		results = (results != null) ? results.stream().map(Map::copyOf).toList() : List.of();
	}

}
