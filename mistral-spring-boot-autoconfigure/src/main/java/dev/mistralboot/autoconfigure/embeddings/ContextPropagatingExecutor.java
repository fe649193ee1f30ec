package dev.mistralboot.autoconfigure.embeddings;

import java.util.concurrent.Executor;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.util.ClassUtils;

/**
 * An executor that hands the submitting thread's context to the task: with Micrometer's
 * context-propagation library, every registered thread-local (the current observation,
 * the logging context, ...) through Spring's {@link ContextPropagatingTaskDecorator};
 * without it, the current observation, opened in scope around the task.
 */
final class ContextPropagatingExecutor implements Executor {

	private static final String CONTEXT_SNAPSHOT_FACTORY = "io.micrometer.context.ContextSnapshotFactory";

	private final Executor delegate;

	private final TaskDecorator decorator;

	ContextPropagatingExecutor(Executor delegate, TaskDecorator decorator) {
		this.delegate = delegate;
		this.decorator = decorator;
	}

	/**
	 * Wraps an executor with the decorator the class path allows.
	 * @param delegate the executor
	 * @param classLoader the application's class loader
	 * @param observationRegistry the registry whose current observation is carried when
	 * the context-propagation library is absent
	 */
	static ContextPropagatingExecutor wrap(Executor delegate, @Nullable ClassLoader classLoader,
			ObservationRegistry observationRegistry) {
		TaskDecorator decorator = ClassUtils.isPresent(CONTEXT_SNAPSHOT_FACTORY, classLoader)
				? new ContextPropagatingTaskDecorator() : new ObservationScopeDecorator(observationRegistry);
		return new ContextPropagatingExecutor(delegate, decorator);
	}

	TaskDecorator decorator() {
		return this.decorator;
	}

	@Override
	public void execute(Runnable task) {
		this.delegate.execute(this.decorator.decorate(task));
	}

	/**
	 * Opens the submitting thread's current observation around the task.
	 */
	static final class ObservationScopeDecorator implements TaskDecorator {

		private final ObservationRegistry registry;

		ObservationScopeDecorator(ObservationRegistry registry) {
			this.registry = registry;
		}

		@Override
		public Runnable decorate(Runnable task) {
			Observation current = this.registry.getCurrentObservation();
			if (current == null) {
				return task;
			}
			return () -> {
				try (Observation.Scope scope = current.openScope()) {
					task.run();
				}
			};
		}

	}

}
