package dev.mistralboot.client.classifiers;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The moderation of one input ({@code ModerationObject} of the API): per policy category
 * (such as {@code sexual}, {@code hate_and_discrimination}, {@code violence_and_threats},
 * {@code selfharm}, {@code pii}), whether it is flagged and its score. Categories are
 * keys, so new ones never break parsing.
 *
 * @param categories whether each category is flagged
 * @param categoryScores each category's score, 0 to 1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModerationResult(Map<String, Boolean> categories, Map<String, Double> categoryScores) {

	/**
	 * Copies the maps.
	 */
	public ModerationResult {
		categories = (categories != null) ? Map.copyOf(categories) : Map.of();
		categoryScores = (categoryScores != null) ? Map.copyOf(categoryScores) : Map.of();
	}

	/**
	 * Whether any category is flagged.
	 * @return whether the input is flagged
	 */
	@JsonIgnore
	public boolean flagged() {
		return this.categories.containsValue(Boolean.TRUE);
	}

	/**
	 * The flagged categories, sorted by name.
	 * @return the category names
	 */
	@JsonIgnore
	public List<String> flaggedCategories() {
		return this.categories.entrySet()
			.stream()
			.filter((entry) -> Boolean.TRUE.equals(entry.getValue()))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

}
