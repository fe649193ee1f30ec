package dev.mistralboot.client.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;

/**
 * A {@link TestObservationRegistry} wired like Spring Boot wires it (Micrometer's default
 * meter handler plus {@link MistralMeterObservationHandler} on a
 * {@link SimpleMeterRegistry}), and a log of the handler callbacks of Mistral
 * observations, in order.
 */
final class ObservationTestSupport {

	final TestObservationRegistry observations = TestObservationRegistry.create();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final List<String> log = new CopyOnWriteArrayList<>();

	ObservationTestSupport() {
		this.observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(this.meters))
			.observationHandler(new MistralMeterObservationHandler(this.meters))
			.observationHandler(new ObservationHandler<MistralObservationContext>() {

				@Override
				public void onStart(MistralObservationContext context) {
					ObservationTestSupport.this.log.add("start");
				}

				@Override
				public void onEvent(Observation.Event event, MistralObservationContext context) {
					ObservationTestSupport.this.log.add("event " + event.getName());
				}

				@Override
				public void onError(MistralObservationContext context) {
					ObservationTestSupport.this.log.add("error " + context.getError().getClass().getSimpleName());
				}

				@Override
				public void onStop(MistralObservationContext context) {
					ObservationTestSupport.this.log.add("stop");
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return context instanceof MistralObservationContext;
				}

			});
	}

	MistralObservationContext onlyContext() {
		List<Observation.Context> contexts = new java.util.ArrayList<>();
		this.observations.assertThat().hasHandledContextsThatSatisfy(contexts::addAll);
		List<MistralObservationContext> mistral = contexts.stream()
			.filter(MistralObservationContext.class::isInstance)
			.map(MistralObservationContext.class::cast)
			.toList();
		if (mistral.size() != 1) {
			throw new AssertionError("Expected one Mistral observation, got " + mistral.size());
		}
		return mistral.get(0);
	}

	double tokens(String type) {
		var summary = this.meters.find(MistralMeterObservationHandler.TOKEN_USAGE)
			.tag(MistralMeterObservationHandler.TOKEN_TYPE, type)
			.summary();
		return (summary != null) ? summary.totalAmount() : -1;
	}

}
