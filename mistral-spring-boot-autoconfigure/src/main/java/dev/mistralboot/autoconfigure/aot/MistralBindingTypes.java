package dev.mistralboot.autoconfigure.aot;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds, by reflection, every type the Mistral clients read or write as JSON: the
 * parameter and return types of the public methods of every public client class
 * ({@code Mistral*Client}, {@code ReactiveMistral*Client}) under
 * {@value #CLIENT_PACKAGE}, followed through generic arguments, record components, the
 * parameters of constructors and factory methods, {@code @JsonSubTypes},
 * {@code @JsonTypeInfo(defaultImpl)}, sealed permitted subclasses, and the serializers
 * and deserializers named by {@code @JsonSerialize}/{@code @JsonDeserialize}. Nothing is
 * listed by hand, so types added to the clients are found too.
 * <p>
 * Used at build time by {@link MistralRuntimeHints} (ahead-of-time processing); it scans
 * the class path and is not meant for a native image's run time.
 */
final class MistralBindingTypes {

	/** The package of the clients and their model types. */
	static final String CLIENT_PACKAGE = "dev.mistralboot.client";

	/** Public client classes: the roots of the walk. */
	static final Pattern CLIENT_CLASS = Pattern
		.compile("dev\\.mistralboot\\.client\\.\\w+\\.(Reactive)?Mistral\\w*Client");

	private final ClassLoader classLoader;

	private final Set<Class<?>> found = new LinkedHashSet<>();

	private final Set<Class<?>> codecs = new LinkedHashSet<>();

	private final Deque<Class<?>> queue = new ArrayDeque<>();

	private MistralBindingTypes(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * Walks the client classes found on the class path.
	 * @param classLoader where to find them
	 * @return the walk's result
	 */
	static MistralBindingTypes discover(@Nullable ClassLoader classLoader) {
		ClassLoader loader = (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader();
		MistralBindingTypes types = new MistralBindingTypes(loader);
		for (Class<?> client : clientClasses(loader)) {
			types.walkClient(client);
		}
		types.drain();
		return types;
	}

	/**
	 * The public client classes under {@value #CLIENT_PACKAGE}.
	 * @param classLoader where to look
	 * @return the classes, sorted by name
	 */
	static Set<Class<?>> clientClasses(ClassLoader classLoader) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent() && definition.getMetadata().isConcrete();
			}

		};
		scanner.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(classLoader));
		scanner.addIncludeFilter(new RegexPatternTypeFilter(CLIENT_CLASS));
		Set<Class<?>> clients = new TreeSet<>(Comparator.comparing(Class::getName));
		for (BeanDefinition candidate : scanner.findCandidateComponents(CLIENT_PACKAGE)) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), classLoader);
			if (Modifier.isPublic(type.getModifiers())) {
				clients.add(type);
			}
		}
		return clients;
	}

	/**
	 * The model types found: records, enums, interfaces and classes of the client
	 * packages that are read or written as JSON.
	 * @return the types, in the order found
	 */
	Set<Class<?>> bindingTypes() {
		return this.found;
	}

	/**
	 * Serializer and deserializer classes named by the model types' annotations, which
	 * Jackson instantiates.
	 * @return the classes
	 */
	Set<Class<?>> codecTypes() {
		return this.codecs;
	}

	private void walkClient(Class<?> client) {
		Method[] methods;
		try {
			methods = client.getMethods();
		}
		catch (LinkageError ex) {
			// a reactive client without Reactor on the class path: not usable, no hints
			return;
		}
		for (Method method : methods) {
			if (method.getDeclaringClass() == Object.class || method.isSynthetic()) {
				continue;
			}
			visit(method.getGenericReturnType());
			for (Type parameter : method.getGenericParameterTypes()) {
				visit(parameter);
			}
		}
	}

	private void drain() {
		while (!this.queue.isEmpty()) {
			Class<?> type = this.queue.poll();
			try {
				walkModel(type);
			}
			catch (LinkageError ex) {
				// members referring to optional libraries that are absent: the type is
				// registered, its unreachable members are not followed
			}
		}
	}

	private void visit(@Nullable Type type) {
		if (type == null) {
			return;
		}
		if (type instanceof Class<?> cls) {
			if (cls.isArray()) {
				visit(cls.getComponentType());
			}
			else if (isModel(cls) && this.found.add(cls)) {
				this.queue.add(cls);
			}
		}
		else if (type instanceof ParameterizedType parameterized) {
			visit(parameterized.getRawType());
			for (Type argument : parameterized.getActualTypeArguments()) {
				visit(argument);
			}
		}
		else if (type instanceof GenericArrayType array) {
			visit(array.getGenericComponentType());
		}
		else if (type instanceof WildcardType wildcard) {
			for (Type bound : wildcard.getUpperBounds()) {
				visit(bound);
			}
			for (Type bound : wildcard.getLowerBounds()) {
				visit(bound);
			}
		}
		else if (type instanceof TypeVariable<?> variable) {
			for (Type bound : variable.getBounds()) {
				visit(bound);
			}
		}
	}

	/**
	 * Whether a type of the client packages is read or written as JSON: a record, an
	 * enum, or a type carrying Jackson annotations (on itself or a member). Other classes
	 * (streams, responses, registries) are containers whose generic arguments are
	 * followed, not their members.
	 */
	private boolean isModel(Class<?> type) {
		if (type.isPrimitive() || type.isAnnotation() || !type.getName().startsWith(CLIENT_PACKAGE + ".")
				|| CLIENT_CLASS.matcher(type.getName()).matches() || Throwable.class.isAssignableFrom(type)) {
			return false;
		}
		return type.isRecord() || type.isEnum() || jacksonAnnotated(type);
	}

	static boolean jacksonAnnotated(Class<?> type) {
		if (hasJacksonAnnotation(type)) {
			return true;
		}
		try {
			for (Method method : type.getDeclaredMethods()) {
				if (hasJacksonAnnotation(method)) {
					return true;
				}
			}
			for (java.lang.reflect.Field field : type.getDeclaredFields()) {
				if (hasJacksonAnnotation(field)) {
					return true;
				}
			}
		}
		catch (LinkageError ex) {
			return false;
		}
		return false;
	}

	private void walkModel(Class<?> type) {
		annotations(type);
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				visit(component.getGenericType());
				annotations(component);
				annotations(component.getAccessor());
			}
		}
		if (type.isSealed()) {
			for (Class<?> permitted : type.getPermittedSubclasses()) {
				visit(permitted);
			}
		}
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			for (Parameter parameter : constructor.getParameters()) {
				visit(parameter.getParameterizedType());
				annotations(parameter);
			}
		}
		for (Method method : type.getDeclaredMethods()) {
			if (method.isSynthetic() || method.isBridge()) {
				continue;
			}
			annotations(method);
			boolean jsonMethod = hasJacksonAnnotation(method);
			boolean publicMethod = Modifier.isPublic(method.getModifiers());
			if (jsonMethod || publicMethod) {
				// accessors and factories: what Jackson writes and reads, and the model
				// types users get from the public API
				visit(method.getGenericReturnType());
				for (Parameter parameter : method.getParameters()) {
					visit(parameter.getParameterizedType());
					annotations(parameter);
				}
			}
		}
		for (Class<?> nested : type.getDeclaredClasses()) {
			if (hasJacksonAnnotation(nested)) {
				visit(nested);
			}
		}
		for (Class<?> implemented : type.getInterfaces()) {
			visit(implemented);
		}
		visit(type.getSuperclass());
	}

	private void annotations(AnnotatedElement element) {
		JsonSubTypes subTypes = element.getAnnotation(JsonSubTypes.class);
		if (subTypes != null) {
			for (JsonSubTypes.Type subType : subTypes.value()) {
				visit(subType.value());
			}
		}
		JsonTypeInfo typeInfo = element.getAnnotation(JsonTypeInfo.class);
		if (typeInfo != null && typeInfo.defaultImpl() != JsonTypeInfo.class) {
			visit(typeInfo.defaultImpl());
		}
		JsonDeserialize deserialize = element.getAnnotation(JsonDeserialize.class);
		if (deserialize != null) {
			codec(deserialize.using());
			codec(deserialize.contentUsing());
			codec(deserialize.keyUsing());
			codec(deserialize.converter());
			codec(deserialize.contentConverter());
			visit(deserialize.as());
			visit(deserialize.builder());
		}
		JsonSerialize serialize = element.getAnnotation(JsonSerialize.class);
		if (serialize != null) {
			codec(serialize.using());
			codec(serialize.contentUsing());
			codec(serialize.keyUsing());
			codec(serialize.nullsUsing());
			codec(serialize.converter());
			codec(serialize.contentConverter());
		}
	}

	private void codec(Class<?> type) {
		// the annotations' "none" markers are nested classes of Jackson itself
		if (type.getName().startsWith(CLIENT_PACKAGE + ".") && this.codecs.add(type)) {
			this.queue.add(type);
		}
	}

	static boolean hasJacksonAnnotation(AnnotatedElement element) {
		for (Annotation annotation : element.getAnnotations()) {
			String name = annotation.annotationType().getName();
			if (name.startsWith("com.fasterxml.jackson.annotation.")
					|| name.startsWith("tools.jackson.databind.annotation.")) {
				return true;
			}
		}
		return false;
	}

	ClassLoader classLoader() {
		return this.classLoader;
	}

}
