package dev.mistralboot.autoconfigure.embeddings;

import java.util.concurrent.Executor;

import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.embeddings.EmbeddingsDefaults;
import dev.mistralboot.client.embeddings.MistralEmbeddingsClient;
import dev.mistralboot.client.embeddings.ReactiveMistralEmbeddingsClient;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ResourceLoader;

/**
 * The embeddings family's client beans, made by static factory methods that
 * {@link dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration} registers
 * (lazily, and only when the application has no client of its own): {@link #client} for
 * the blocking client and {@link Reactive#client} for the reactive one, with WebFlux.
 */
final class MistralEmbeddingsBeans {

	/** The name of Spring Boot's task executor bean. */
	static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

	private MistralEmbeddingsBeans() {
	}

	/**
	 * The family's properties, bound by Spring Boot when first injected.
	 * @return new properties, not bound yet
	 */
	static MistralEmbeddingsProperties properties() {
		return new MistralEmbeddingsProperties();
	}

	static MistralEmbeddingsClient client(MistralHttp mistralHttp, MistralEmbeddingsProperties properties,
			@Qualifier(APPLICATION_TASK_EXECUTOR) ObjectProvider<Executor> applicationTaskExecutor,
			ObjectProvider<ObservationRegistry> observationRegistry, ListableBeanFactory beanFactory,
			ResourceLoader resourceLoader) {
		if (!beanFactory.containsBean(APPLICATION_TASK_EXECUTOR)
				|| !beanFactory.isTypeMatch(APPLICATION_TASK_EXECUTOR, Executor.class)) {
			return new MistralEmbeddingsClient(mistralHttp, defaults(properties));
		}
		// Boot declares its task executor lazy: it is looked up when embedAll first
		// needs it
		Executor executor = (task) -> applicationTaskExecutor.getObject().execute(task);
		return new MistralEmbeddingsClient(mistralHttp, defaults(properties), ContextPropagatingExecutor.wrap(executor,
				resourceLoader.getClassLoader(), observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP)));
	}

	static EmbeddingsDefaults defaults(MistralEmbeddingsProperties properties) {
		return new EmbeddingsDefaults(properties.getModel(), properties.getBatchSize(), properties.getConcurrency(),
				properties.getMaxBatchCharacters());
	}

	/**
	 * The reactive client's factory, in a class of its own: its signature names Reactor
	 * types, read only when WebFlux is present.
	 */
	static final class Reactive {

		private Reactive() {
		}

		static ReactiveMistralEmbeddingsClient client(ReactiveMistralHttp reactiveMistralHttp,
				MistralEmbeddingsProperties properties) {
			return new ReactiveMistralEmbeddingsClient(reactiveMistralHttp, defaults(properties));
		}

	}

}
