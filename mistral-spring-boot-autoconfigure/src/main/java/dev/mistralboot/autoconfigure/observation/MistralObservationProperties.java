package dev.mistralboot.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Observation settings of the Mistral clients ({@code mistral.observations.*}).
 */
@ConfigurationProperties("mistral.observations")
public class MistralObservationProperties {

	/**
	 * Whether to observe Mistral API operations when an ObservationRegistry is available.
	 */
	private boolean enabled = true;

	/**
	 * Whether to record the prompt and answer text as span tags (gen_ai.prompt,
	 * gen_ai.completion). They may hold personal or confidential data: leave off unless
	 * traces are protected accordingly.
	 */
	private boolean includeContent;

	/**
	 * Whether Mistral API operations are observed.
	 * @return {@code true} by default
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether Mistral API operations are observed.
	 * @param enabled whether to observe
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Whether the prompt and answer text are recorded.
	 * @return {@code false} by default
	 */
	public boolean isIncludeContent() {
		return this.includeContent;
	}

	/**
	 * Sets whether the prompt and answer text are recorded.
	 * @param includeContent whether to record content
	 */
	public void setIncludeContent(boolean includeContent) {
		this.includeContent = includeContent;
	}

}
