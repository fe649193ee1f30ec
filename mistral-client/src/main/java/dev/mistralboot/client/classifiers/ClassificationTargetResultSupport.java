package dev.mistralboot.client.classifiers;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link ClassificationTargetResult}, which the generated record
 * implements.
 */
public interface ClassificationTargetResultSupport {

	/**
	 * Each label's score.
	 * @return the scores
	 */
	Map<String, Double> scores();

	/**
	 * The label with the highest score.
	 * @return the label, or {@code null} when there are no scores
	 */
	@JsonIgnore
	default @Nullable String topLabel() {
		return scores().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
	}

}
