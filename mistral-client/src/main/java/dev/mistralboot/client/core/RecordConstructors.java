package dev.mistralboot.client.core;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedWithParams;

/**
 * Calls the constructors of this library's types (records and classes built from their
 * properties) through a method handle that spreads the argument array, built once per
 * type. Jackson 3 calls them with {@code MethodHandle.invokeWithArguments}, which builds
 * such a handle again on every value: in a stream of 2,000 chunks that was about a
 * seventh of the time spent reading it. Nothing else of how a value is read changes, and
 * only types of the {@code dev.mistralboot} packages are concerned: an application's own
 * types (structured output, tool arguments) are read as its mapper reads them.
 * <p>
 * Jackson's Blackbird module does this and more, but generates classes at run time (which
 * native images do not allow) and replaces the bean deserializer of every type the mapper
 * reads, the application's included.
 */
final class RecordConstructors extends JacksonModule {

	private static final String PACKAGE = "dev.mistralboot.";

	private static final MethodType SPREAD = MethodType.methodType(Object.class, Object[].class);

	@Override
	public String getModuleName() {
		return "mistral-record-constructors";
	}

	@Override
	public Version version() {
		return Version.unknownVersion();
	}

	@Override
	public void setupModule(SetupContext context) {
		context.addValueInstantiators(new Instantiators());
	}

	/**
	 * The handle calling {@code creator} with an argument array, or {@code null} when
	 * Jackson's own call is kept.
	 */
	static @Nullable MethodHandle spreadHandle(@Nullable AnnotatedWithParams creator) {
		if (!(creator instanceof AnnotatedConstructor annotated)) {
			return null;
		}
		Constructor<?> constructor = annotated.getAnnotated();
		Class<?> type = constructor.getDeclaringClass();
		if (!type.getName().startsWith(PACKAGE) || !Modifier.isPublic(type.getModifiers())
				|| !Modifier.isPublic(constructor.getModifiers())) {
			return null;
		}
		try {
			MethodHandle handle = MethodHandles.publicLookup().unreflectConstructor(constructor);
			return handle.asFixedArity().asSpreader(Object[].class, constructor.getParameterCount()).asType(SPREAD);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return null; // Jackson's own call still works
		}
	}

	private static final class Instantiators implements ValueInstantiators {

		@Override
		public @Nullable ValueInstantiator findValueInstantiator(DeserializationConfig config,
				BeanDescription.Supplier description) {
			return null;
		}

		@Override
		public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
				BeanDescription.Supplier description, ValueInstantiator instantiator) {
			// exactly Jackson's own instantiator, building from properties
			if (instantiator.getClass() != StdValueInstantiator.class || !instantiator.canCreateFromObjectWith()) {
				return instantiator;
			}
			StdValueInstantiator standard = (StdValueInstantiator) instantiator;
			MethodHandle handle = spreadHandle(standard.getWithArgsCreator());
			return (handle != null) ? new SpreadOnce(standard, handle) : instantiator;
		}

	}

	/**
	 * Jackson's instantiator, but calling the constructor through the spreading handle.
	 */
	static final class SpreadOnce extends StdValueInstantiator {

		private final MethodHandle constructor;

		SpreadOnce(StdValueInstantiator standard, MethodHandle constructor) {
			super(standard);
			this.constructor = constructor;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
			try {
				return (Object) this.constructor.invokeExact(arguments);
			}
			catch (Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				// what Jackson does when a constructor throws
				return context.handleInstantiationProblem(this._valueClass, arguments, rewrapCtorProblem(context, ex));
			}
		}

	}

}
