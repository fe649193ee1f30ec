package dev.mistralboot.autoconfigure.embeddings;

import java.util.concurrent.Executor;

import dev.mistralboot.autoconfigure.ConditionalOnMistralFamily;
import dev.mistralboot.autoconfigure.ConditionalOnReactiveMistralHttp;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.embeddings.EmbeddingsDefaults;
import dev.mistralboot.client.embeddings.MistralEmbeddingsClient;
import dev.mistralboot.client.embeddings.ReactiveMistralEmbeddingsClient;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configures {@link MistralEmbeddingsClient} and, with WebFlux,
 * {@link ReactiveMistralEmbeddingsClient}, with the default model and batching of
 * {@code mistral.embeddings.*}. Disable both with
 * {@code mistral.embeddings.enabled=false}.
 * <p>
 * {@code embedAll} runs its extra batches on Spring Boot's task executor (the
 * {@code applicationTaskExecutor} bean: virtual threads when
 * {@code spring.threads.virtual.enabled=true}, else the {@code spring.task.execution.*}
 * pool), wrapped so that the calling thread's observation is the parent of each batch's
 * observation (with Micrometer's context-propagation library on the class path, every
 * propagated thread-local travels along). Without that bean, batches run on threads of
 * the client's own.
 */
@AutoConfiguration(after = MistralAutoConfiguration.class,
		afterName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration")
@ConditionalOnClass(MistralEmbeddingsClient.class)
@ConditionalOnMistralFamily("embeddings")
@EnableConfigurationProperties(MistralEmbeddingsProperties.class)
@Lazy
public final class MistralEmbeddingsAutoConfiguration {

	/** The name of Spring Boot's task executor bean. */
	static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

	@Bean
	@ConditionalOnMissingBean
	MistralEmbeddingsClient mistralEmbeddingsClient(MistralHttp mistralHttp, MistralEmbeddingsProperties properties,
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
	 * The reactive embeddings client, when WebFlux is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnReactiveMistralHttp
	@Lazy
	static class ReactiveEmbeddingsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMistralEmbeddingsClient reactiveMistralEmbeddingsClient(ReactiveMistralHttp reactiveMistralHttp,
				MistralEmbeddingsProperties properties) {
			return new ReactiveMistralEmbeddingsClient(reactiveMistralHttp, defaults(properties));
		}

	}

}
