package dev.mistralboot.client.classifiers;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The hand-written part of {@link ModerationResult}, which the generated record
 * implements.
 */
public interface ModerationResultSupport {

	/**
	 * Whether each category is flagged.
	 * @return the flags by category
	 */
	Map<String, Boolean> categories();

	/**
	 * Whether any category is flagged.
	 * @return whether the input is flagged
	 */
	@JsonIgnore
	default boolean flagged() {
		return categories().containsValue(Boolean.TRUE);
	}

	/**
	 * The flagged categories, sorted by name.
	 * @return the category names
	 */
	@JsonIgnore
	default List<String> flaggedCategories() {
		return categories().entrySet()
			.stream()
			.filter((entry) -> Boolean.TRUE.equals(entry.getValue()))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

}
