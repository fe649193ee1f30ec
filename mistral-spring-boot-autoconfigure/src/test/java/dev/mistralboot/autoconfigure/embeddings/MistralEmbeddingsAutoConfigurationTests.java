package dev.mistralboot.autoconfigure.embeddings;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.autoconfigure.observation.MistralObservationAutoConfiguration;
import dev.mistralboot.client.core.DefaultMistralObservationConvention;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.embeddings.Embedding;
import dev.mistralboot.client.embeddings.EmbeddingsDefaults;
import dev.mistralboot.client.embeddings.MistralEmbeddingsClient;
import dev.mistralboot.client.embeddings.ReactiveMistralEmbeddingsClient;
import dev.mistralboot.client.test.MistralWireMock;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class MistralEmbeddingsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=test-key");

	@Test
	void createsTheClients() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MistralEmbeddingsClient.class)
				.hasSingleBean(ReactiveMistralEmbeddingsClient.class);
			assertThat(context.getBean(MistralEmbeddingsClient.class).defaults())
				.isEqualTo(new EmbeddingsDefaults("mistral-embed", 128, 4, null));
		});
	}

	@Test
	void modelAndBatchingAreConfigurable() {
		this.runner
			.withPropertyValues("mistral.embeddings.model=codestral-embed", "mistral.embeddings.batch-size=16",
					"mistral.embeddings.concurrency=8", "mistral.embeddings.max-batch-characters=20000")
			.run((context) -> assertThat(context.getBean(MistralEmbeddingsClient.class).defaults())
				.isEqualTo(new EmbeddingsDefaults("codestral-embed", 16, 8, 20000)));
	}

	/**
	 * A family is created, and its settings checked, when the application first uses it:
	 * here, at start-up.
	 */
	@Test
	void aBadBatchSizeFailsStartUpWithThePropertyName() {
		this.runner.withBean(UsesEmbeddings.class)
			.withPropertyValues("mistral.embeddings.batch-size=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("mistral.embeddings.batch-size"));
	}

	@Test
	void disabledByProperty() {
		this.runner.withPropertyValues("mistral.embeddings.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MistralEmbeddingsClient.class)
				.doesNotHaveBean(ReactiveMistralEmbeddingsClient.class)
				.hasSingleBean(MistralHttp.class));
	}

	@Test
	void userBeanWins() {
		MistralEmbeddingsClient mine = new MistralEmbeddingsClient(MistralHttp.builder().build());
		this.runner.withBean(MistralEmbeddingsClient.class, () -> mine)
			.run((context) -> assertThat(context.getBean(MistralEmbeddingsClient.class)).isSameAs(mine));
	}

	@Test
	void reactiveClientAbsentWithoutWebFlux() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasSingleBean(MistralEmbeddingsClient.class)
				.doesNotHaveBean(ReactiveMistralEmbeddingsClient.class));
	}

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	/**
	 * Four batches of one input, at most four at once, on Boot's task executor, observed.
	 */
	private ApplicationContextRunner observedRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class,
					MistralObservationAutoConfiguration.class, MistralAutoConfiguration.class,
					MistralClientsAutoConfiguration.class))
			.withUserConfiguration(ObservedRequests.class)
			.withPropertyValues("mistral.api-key=" + MistralWireMock.API_KEY, "mistral.base-url=" + wireMock.baseUrl(),
					"mistral.retry.max-attempts=1", "mistral.embeddings.batch-size=1",
					"mistral.embeddings.concurrency=4");
	}

	@Test
	void embedAllRunsOnTheApplicationTaskExecutorUnderTheCallersObservation() {
		observedRunner().run((context) -> {
			assertThat(executorOf(context)).isInstanceOf(ContextPropagatingExecutor.class);
			assertThat(((ContextPropagatingExecutor) executorOf(context)).decorator())
				.isInstanceOf(ContextPropagatingTaskDecorator.class);
			List<Thread> helpers = embedFourUnderACallerObservation(context);
			assertThat(helpers).isNotEmpty().allSatisfy((thread) -> assertThat(thread.getName()).startsWith("task-"));
		});
	}

	@Test
	void withoutTheContextPropagationLibraryTheObservationStillBecomesTheParent() {
		observedRunner().withClassLoader(new FilteredClassLoader("io.micrometer.context")).run((context) -> {
			assertThat(((ContextPropagatingExecutor) executorOf(context)).decorator())
				.isInstanceOf(ContextPropagatingExecutor.ObservationScopeDecorator.class);
			List<Thread> helpers = embedFourUnderACallerObservation(context);
			assertThat(helpers).isNotEmpty().allSatisfy((thread) -> assertThat(thread.getName()).startsWith("task-"));
		});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void withVirtualThreadsEnabledTheBatchesRunOnVirtualThreads() {
		observedRunner().withPropertyValues("spring.threads.virtual.enabled=true").run((context) -> {
			List<Thread> helpers = embedFourUnderACallerObservation(context);
			assertThat(helpers).isNotEmpty().allSatisfy((thread) -> assertThat(isVirtual(thread)).isTrue());
		});
	}

	@Test
	void withoutTheApplicationTaskExecutorTheClientUsesThreadsOfItsOwn() {
		this.runner.run((context) -> assertThat(executorOf(context)).isNotInstanceOf(ContextPropagatingExecutor.class));
	}

	/**
	 * Embeds t0..t3 inside a started {@code caller} observation; checks every batch's
	 * observation is its child and the vectors are in order.
	 * @return the threads other than the caller's that sent a request
	 */
	private static List<Thread> embedFourUnderACallerObservation(AssertableApplicationContext context) {
		for (int i = 0; i < 4; i++) {
			wireMock.server()
				.stubFor(WireMock.post("/v1/embeddings")
					.withRequestBody(WireMock.matchingJsonPath("$.input[0]", WireMock.equalTo("t" + i)))
					.willReturn(WireMock.okJson(answer(i))));
		}
		ObservationRegistry registry = context.getBean(ObservationRegistry.class);
		MistralEmbeddingsClient client = context.getBean(MistralEmbeddingsClient.class);
		Observation caller = Observation.start("caller", registry);
		List<Embedding> vectors;
		try (Observation.Scope scope = caller.openScope()) {
			vectors = client.embedAll(IntStream.range(0, 4).mapToObj((i) -> "t" + i).toList());
		}
		finally {
			caller.stop();
		}
		assertThat(vectors).extracting((vector) -> vector.floats()[0]).containsExactly(0f, 1f, 2f, 3f);
		List<Observation.Context> batches = context.getBean(Started.class).contexts.stream()
			.filter((each) -> DefaultMistralObservationConvention.NAME.equals(each.getName()))
			.toList();
		assertThat(batches).hasSize(4)
			.allSatisfy((batch) -> assertThat(Objects.requireNonNull(batch.getParentObservation()).getContextView())
				.isSameAs(caller.getContext()));
		Thread self = Thread.currentThread();
		List<Thread> threads = context.getBean(Requests.class).threads;
		assertThat(threads).hasSize(4).contains(self);
		return threads.stream().filter((thread) -> thread != self).toList();
	}

	private static Object executorOf(AssertableApplicationContext context) {
		return ReflectionTestUtils.getField(context.getBean(MistralEmbeddingsClient.class), "executor");
	}

	private static boolean isVirtual(Thread thread) {
		try {
			Method isVirtual = Thread.class.getMethod("isVirtual");
			return (boolean) isVirtual.invoke(thread);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String answer(int value) {
		return MistralWireMock.conformingResponse("embeddings_v1_embeddings_post",
				"{\"id\":\"batch-" + value + "\",\"object\":\"list\",\"model\":\"mistral-embed\","
						+ "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":0,\"total_tokens\":1},"
						+ "\"data\":[{\"object\":\"embedding\",\"embedding\":[" + value + "," + value
						+ ".5],\"index\":0}]}");
	}

	@Configuration(proxyBeanMethods = false)
	static class ObservedRequests {

		@Bean
		Started started() {
			return new Started();
		}

		@Bean
		ObservationRegistry observationRegistry(Started started) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(started);
			return registry;
		}

		@Bean
		Requests requests() {
			return new Requests();
		}

		@Bean
		RestClientCustomizer recordingRequests(Requests requests) {
			return (builder) -> builder.requestInterceptor(requests);
		}

	}

	/** Records every observation started. */
	static class Started implements ObservationHandler<Observation.Context> {

		final List<Observation.Context> contexts = new CopyOnWriteArrayList<>();

		@Override
		public void onStart(Observation.Context context) {
			this.contexts.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

	/**
	 * Records the thread of each request; the first request waits (up to 30 s) until a
	 * second one has started, so at least one batch runs on a helper whatever the
	 * machine's speed.
	 */
	static class Requests implements ClientHttpRequestInterceptor {

		final List<Thread> threads = new CopyOnWriteArrayList<>();

		private final CountDownLatch overlap = new CountDownLatch(2);

		@Override
		public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
				throws IOException {
			this.threads.add(Thread.currentThread());
			this.overlap.countDown();
			try {
				this.overlap.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return execution.execute(request, body);
		}

	}

	/**
	 * An application bean that uses the embeddings client.
	 *
	 * @param client the client
	 */
	record UsesEmbeddings(MistralEmbeddingsClient client) {
	}

}
