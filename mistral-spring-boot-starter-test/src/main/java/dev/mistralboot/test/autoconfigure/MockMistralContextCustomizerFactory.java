package dev.mistralboot.test.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds a {@link MockMistralContextCustomizer} to the contexts of test classes annotated
 * with {@link AutoConfigureMockMistral}. Registered in {@code META-INF/spring.factories}.
 */
class MockMistralContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureMockMistral annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureMockMistral.class);
		return (annotation != null) ? new MockMistralContextCustomizer() : null;
	}

}
