package dev.mistralboot.test.autoconfigure;

import java.util.Map;

import dev.mistralboot.test.MockMistral;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link MockMistral} for one application context, registers it as the
 * {@code mockMistral} bean, points {@code mistral.base-url} at it with a dummy key, and
 * stops it when the context closes.
 */
class MockMistralContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "mockMistral";

	static final String PROPERTY_SOURCE_NAME = "mockMistral";

	/** The key sent to the mock: never a real one. */
	static final String DUMMY_API_KEY = "mock-mistral-test-key";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		MockMistral mock = MockMistral.start();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("mistral.base-url", mock.baseUrl(), "mistral.api-key", DUMMY_API_KEY)));
		context.getBeanFactory().registerSingleton(BEAN_NAME, mock);
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
				mock.close();
			}
		});
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
