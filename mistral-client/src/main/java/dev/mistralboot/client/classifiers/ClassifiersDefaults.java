package dev.mistralboot.client.classifiers;

import org.jspecify.annotations.Nullable;

/**
 * Values the classifiers client fills in when a request leaves them out
 * ({@code mistral.classifiers.*}).
 *
 * @param moderationModel the model for moderations and chat moderations, such as
 * {@code mistral-moderation-latest}
 */
public record ClassifiersDefaults(@Nullable String moderationModel) {

	/** No defaults: every request must name its model. */
	public static final ClassifiersDefaults NONE = new ClassifiersDefaults(null);

	String resolveModerationModel(@Nullable String requested) {
		if (requested != null) {
			return requested;
		}
		if (this.moderationModel == null) {
			throw new IllegalArgumentException("The moderation request names no model: set one (such as "
					+ "mistral-moderation-latest) on the request or configure mistral.classifiers.moderation-model");
		}
		return this.moderationModel;
	}

}
