package dev.mistralboot.client.models;

/**
 * The hand-written part of {@link FineTunedModelCapabilities}, which the generated record
 * implements.
 */
public interface FineTunedModelCapabilitiesSupport {

	/** No capability. */
	FineTunedModelCapabilities NONE = new FineTunedModelCapabilities(false, false, false, false, false);

	/**
	 * Whether the model answers chat completions.
	 * @return whether it can chat
	 */
	boolean completionChat();

	/**
	 * Whether the model calls functions (tools).
	 * @return whether it can call tools
	 */
	boolean functionCalling();

}
