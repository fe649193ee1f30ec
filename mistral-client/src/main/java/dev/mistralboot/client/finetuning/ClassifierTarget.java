package dev.mistralboot.client.finetuning;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mistralboot.client.models.ClassifierLossFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A target a classifier job learns ({@code ClassifierTargetIn}).
 *
 * @param name the target name, a key of the training samples' labels
 * @param labels the labels of the target
 * @param weight its weight in the loss (0 or more; the API's default is 1)
 * @param lossFunction single or multi class ({@code null}: the API chooses)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClassifierTarget(String name, List<String> labels, @Nullable Double weight,
		@Nullable ClassifierLossFunction lossFunction) {

	/**
	 * Validates the target and copies its labels.
	 */
	public ClassifierTarget {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A classifier target needs a name");
		}
		if (labels == null || labels.isEmpty()) {
			throw new IllegalArgumentException("Classifier target " + name + " needs labels");
		}
		labels = List.copyOf(labels);
		if (weight != null && weight < 0) {
			throw new IllegalArgumentException("The weight of classifier target " + name + " must not be negative");
		}
		if (lossFunction == ClassifierLossFunction.UNKNOWN) {
			throw new IllegalArgumentException("ClassifierLossFunction.UNKNOWN cannot be sent");
		}
	}

	/**
	 * A target with the default weight and loss function.
	 * @param name the target name
	 * @param labels the labels
	 * @return the target
	 */
	public static ClassifierTarget of(String name, String... labels) {
		return new ClassifierTarget(name, List.of(labels), null, null);
	}

}
