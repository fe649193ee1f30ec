package dev.mistralboot.client.models;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link FineTunedModel}, which every fine-tuned model
 * implements: the properties all of them share.
 */
public interface FineTunedModelSupport {

	/**
	 * The model id.
	 * @return the id
	 */
	String id();

	/**
	 * The object type, {@code model}.
	 * @return the object type, or {@code null}
	 */
	@Nullable String object();

	/**
	 * When the model was created, in seconds since the epoch.
	 * @return the creation time, or {@code null}
	 */
	@Nullable Long created();

	/**
	 * The owner.
	 * @return the owner, or {@code null}
	 */
	@Nullable String ownedBy();

	/**
	 * The workspace the model belongs to.
	 * @return the workspace id, or {@code null}
	 */
	@Nullable String workspaceId();

	/**
	 * The base model it was tuned from.
	 * @return the base model, or {@code null}
	 */
	@Nullable String root();

	/**
	 * The version of the base model.
	 * @return the version, or {@code null}
	 */
	@Nullable String rootVersion();

	/**
	 * Whether the model is archived.
	 * @return the flag, or {@code null}
	 */
	@Nullable Boolean archived();

	/**
	 * The display name.
	 * @return the name, or {@code null}
	 */
	@Nullable String name();

	/**
	 * The description.
	 * @return the description, or {@code null}
	 */
	@Nullable String description();

	/**
	 * What the model can do.
	 * @return the capabilities
	 */
	FineTunedModelCapabilities capabilities();

	/**
	 * The context length in tokens.
	 * @return the length, or {@code null}
	 */
	@Nullable Integer maxContextLength();

	/**
	 * Other ids of the same model.
	 * @return the aliases, empty when none
	 */
	List<String> aliases();

	/**
	 * The id of the fine-tuning job that produced the model.
	 * @return the job id, or {@code null}
	 */
	@Nullable String job();

	/**
	 * The model type: {@code completion}, {@code classifier}, or a value not known to
	 * this library.
	 * @return the type
	 */
	@Nullable String modelType();

}
