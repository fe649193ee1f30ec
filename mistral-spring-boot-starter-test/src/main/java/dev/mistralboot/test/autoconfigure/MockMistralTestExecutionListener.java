package dev.mistralboot.test.autoconfigure;

import dev.mistralboot.test.MockMistral;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * After each test method of a class annotated with {@link AutoConfigureMockMistral}:
 * fails the test when the application sent a request that does not conform to the OpenAPI
 * description, then resets the server for the next test. Registered in
 * {@code META-INF/spring.factories}.
 */
public class MockMistralTestExecutionListener implements TestExecutionListener, Ordered {

	/**
	 * A late order: {@code afterTestMethod} callbacks run in reverse order, so this one
	 * runs before Spring's own, while the context is still open even for
	 * {@code @DirtiesContext(methodMode = AFTER_METHOD)}.
	 * @return the order
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	/**
	 * Checks the requests of the test method and resets the server.
	 * @param testContext the test context
	 */
	@Override
	public void afterTestMethod(TestContext testContext) {
		AutoConfigureMockMistral annotation = TestContextAnnotationUtils
			.findMergedAnnotation(testContext.getTestClass(), AutoConfigureMockMistral.class);
		if (annotation == null || !testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (!context.containsBean(MockMistralContextCustomizer.BEAN_NAME)) {
			return;
		}
		MockMistral mock = context.getBean(MockMistralContextCustomizer.BEAN_NAME, MockMistral.class);
		try {
			if (annotation.failOnNonConformingRequests()) {
				mock.assertAllRequestsConform();
			}
		}
		finally {
			mock.reset();
		}
	}

}
