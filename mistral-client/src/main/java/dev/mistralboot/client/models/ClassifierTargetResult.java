package dev.mistralboot.client.models;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A classifier target of a fine-tuned classifier or a classifier job, as the API returns
 * it ({@code ClassifierTargetResult}, {@code ClassifierTargetOut}).
 *
 * @param name the target name
 * @param labels the labels
 * @param weight the target's weight in the loss
 * @param lossFunction the loss function
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClassifierTargetResult(String name, List<String> labels, @Nullable Double weight,
		@Nullable ClassifierLossFunction lossFunction) {

	/**
	 * Fills in defaults for what the API left out.
	 */
	public ClassifierTargetResult {
		labels = (labels != null) ? List.copyOf(labels) : List.of();
	}

}
