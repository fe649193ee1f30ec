package dev.mistralboot.autoconfigure.aot;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import dev.mistralboot.client.chat.tools.MistralTool;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Ahead-of-time processing of {@link MistralTool} methods: for every bean whose class
 * declares such methods, registers the methods for reflective invocation and the binding
 * hints (Jackson and schema generation) of their generic parameter and return types.
 * Registered in {@code META-INF/spring/aot.factories}.
 */
public class MistralToolsAotProcessor implements BeanFactoryInitializationAotProcessor {

	/**
	 * Finds the tool methods of the bean factory's beans.
	 * @param beanFactory the bean factory
	 * @return the contribution, or {@code null} when no bean has tool methods
	 */
	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		List<Method> methods = new ArrayList<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			Class<?> type;
			try {
				type = RegisteredBean.of(beanFactory, name).getBeanClass();
			}
			catch (RuntimeException ex) {
				// a bean whose type cannot be determined offers no tools, as at run time
				continue;
			}
			methods.addAll(toolMethods(ClassUtils.getUserClass(type)));
		}
		return methods.isEmpty() ? null : new Contribution(methods);
	}

	/**
	 * The {@link MistralTool} methods of a class and its superclasses.
	 * @param type the class
	 * @return the methods, empty when none
	 */
	static List<Method> toolMethods(Class<?> type) {
		List<Method> methods = new ArrayList<>();
		ReflectionUtils.doWithMethods(type, methods::add,
				(method) -> AnnotatedElementUtils.hasAnnotation(method, MistralTool.class));
		return methods;
	}

	/**
	 * Registers hints for tool methods.
	 * @param hints the hints to contribute to
	 * @param methods the tool methods
	 */
	static void registerHints(RuntimeHints hints, List<Method> methods) {
		BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
		for (Method method : methods) {
			hints.reflection().registerMethod(method, ExecutableMode.INVOKE);
			for (int i = 0; i < method.getParameterCount(); i++) {
				bindings.registerReflectionHints(hints.reflection(),
						MethodParameter.forExecutable(method, i).getGenericParameterType());
			}
			bindings.registerReflectionHints(hints.reflection(), method.getGenericReturnType());
		}
	}

	private record Contribution(List<Method> methods) implements BeanFactoryInitializationAotContribution {

		@Override
		public void applyTo(GenerationContext generationContext, BeanFactoryInitializationCode code) {
			registerHints(generationContext.getRuntimeHints(), this.methods);
		}

	}

}
