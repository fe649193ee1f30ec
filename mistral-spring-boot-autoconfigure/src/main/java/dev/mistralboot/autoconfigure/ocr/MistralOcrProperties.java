package dev.mistralboot.autoconfigure.ocr;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Lazy;

/**
 * OCR client settings ({@code mistral.ocr.*}).
 */
@ConfigurationProperties("mistral.ocr")
@Lazy
public class MistralOcrProperties {

	/**
	 * Whether to create the OCR client beans.
	 */
	private boolean enabled = true;

	/**
	 * Model used when a request names none.
	 */
	private @Nullable String model = "mistral-ocr-latest";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getModel() {
		return this.model;
	}

	public void setModel(@Nullable String model) {
		this.model = model;
	}

}
