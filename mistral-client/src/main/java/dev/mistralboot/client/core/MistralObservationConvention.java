package dev.mistralboot.client.core;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of Mistral API operations. The default is
 * {@link DefaultMistralObservationConvention}, which follows the OpenTelemetry GenAI
 * client conventions; set another with {@link MistralHttp.Builder#observationConvention}
 * (with Spring Boot: declare a bean of this type), usually by extending the default.
 */
public interface MistralObservationConvention extends ObservationConvention<MistralObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof MistralObservationContext;
	}

	/**
	 * Whether the prompt and answer text may be recorded: when {@code true}, the core
	 * keeps the answer text of streams so that
	 * {@link MistralObservationContext#outputText()} has it.
	 * @return {@code false} unless overridden
	 */
	default boolean recordsContent() {
		return false;
	}

}
