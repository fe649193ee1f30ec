package dev.mistralboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing API key at start-up and how to provide one.
 */
class MistralApiKeyMissingFailureAnalyzer extends AbstractFailureAnalyzer<MistralApiKeyMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MistralApiKeyMissingException cause) {
		return new FailureAnalysis(
				"The Mistral clients are configured for " + cause.getBaseUrl()
						+ ", which needs an API key, but none was found in the mistral.api-key property or the "
						+ "MISTRAL_API_KEY environment variable.",
				"Set the MISTRAL_API_KEY environment variable, or mistral.api-key in application.yml "
						+ "(keys are created at https://console.mistral.ai/api-keys). To call a self-hosted "
						+ "server without a key, set mistral.base-url to its address.",
				cause);
	}

}
