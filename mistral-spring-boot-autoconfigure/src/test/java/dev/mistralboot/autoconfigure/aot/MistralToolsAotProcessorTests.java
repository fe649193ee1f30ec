package dev.mistralboot.autoconfigure.aot;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import dev.mistralboot.client.chat.tools.MistralTool;
import dev.mistralboot.client.chat.tools.ToolParam;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link MistralToolsAotProcessor}.
 */
class MistralToolsAotProcessorTests {

	@Test
	void registeredInAotFactories() {
		assertThat(AotServices.factories().load(BeanFactoryInitializationAotProcessor.class))
			.anyMatch(MistralToolsAotProcessor.class::isInstance);
	}

	@Test
	void toolMethodsAndTheirTypesGetHints() throws NoSuchMethodException {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("paymentTools", new RootBeanDefinition(PaymentTools.class));
		beanFactory.registerBeanDefinition("other", new RootBeanDefinition(String.class));
		BeanFactoryInitializationAotContribution contribution = new MistralToolsAotProcessor()
			.processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "Test")), new InMemoryGeneratedFiles());
		contribution.applyTo(generation, mock(BeanFactoryInitializationCode.class));
		RuntimeHints hints = generation.getRuntimeHints();

		Method status = PaymentTools.class.getDeclaredMethod("status", Query.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(status)).accepts(hints);
		Method dates = PaymentTools.class.getDeclaredMethod("dates", List.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(dates)).accepts(hints);
		// parameter types, also inside generics, and return types, through their
		// components
		assertThat(RuntimeHintsPredicates.reflection().onType(Query.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Kind.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Status.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Detail.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(DateQuery.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Status.class, "detail")).accepts(hints);
		// a method without @MistralTool is not registered
		Method helper = PaymentTools.class.getDeclaredMethod("helper");
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(helper)).rejects(hints);
	}

	@Test
	void noContributionWithoutTools() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("other", new RootBeanDefinition(String.class));
		assertThat(new MistralToolsAotProcessor().processAheadOfTime(beanFactory)).isNull();
	}

	enum Kind {

		CARD, TRANSFER

	}

	record Query(String transactionId, Kind kind) {
	}

	record DateQuery(String transactionId) {
	}

	record Detail(String text) {
	}

	record Status(String status, Detail detail) {
	}

	static class PaymentTools {

		@MistralTool(name = "status", description = "Payment status")
		Status status(@ToolParam(description = "the query") Query query) {
			return new Status("paid", new Detail("ok"));
		}

		@MistralTool(name = "dates", description = "Payment dates")
		Map<String, String> dates(List<DateQuery> queries) {
			return Map.of();
		}

		String helper() {
			return "";
		}

	}

}
