package dev.mistralboot.client.classifiers;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The hand-written part of {@link ModerationResponse}, which the generated record
 * implements.
 */
public interface ModerationResponseSupport {

	/**
	 * One result per input.
	 * @return the results
	 */
	List<ModerationResult> results();

	/**
	 * Whether any input is flagged in any category.
	 * @return whether anything is flagged
	 */
	@JsonIgnore
	default boolean flagged() {
		return results().stream().anyMatch(ModerationResult::flagged);
	}

}
