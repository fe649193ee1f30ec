package dev.mistralboot.client.chat.tools;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;

import dev.mistralboot.client.chat.FunctionDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A {@link MistralTool} method as a {@link ToolCallback}: reads the JSON arguments into
 * the method's parameters with the registry's mapper, invokes the method on its object
 * (resolved on each call, so a Spring bean can be created late), and writes the result.
 */
final class MethodToolCallback implements ToolCallback {

	static final String VOID_RESULT = "done";

	private final Supplier<?> target;

	private final Method method;

	private final FunctionDefinition definition;

	private final JsonMapper mapper;

	private final String[] names;

	private final JavaType[] types;

	private final boolean[] required;

	/** The method last invoked, and the class of the object it was invoked on. */
	private volatile @Nullable Invocable invocable;

	MethodToolCallback(Supplier<?> target, Method method, MistralTool annotation, JsonMapper mapper,
			JsonSchemaGenerator schemas) {
		this.target = target;
		this.method = method;
		this.mapper = mapper;
		String name = annotation.name().isBlank() ? method.getName() : annotation.name();
		ToolRegistry.checkName(name, JsonSchemaGenerator.describe(method));
		String description = annotation.description().isBlank() ? null : annotation.description();
		this.definition = new FunctionDefinition(name, description, null, schemas.parametersOf(method));
		Parameter[] parameters = method.getParameters();
		this.names = new String[parameters.length];
		this.types = new JavaType[parameters.length];
		this.required = new boolean[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			this.names[i] = JsonSchemaGenerator.parameterName(method, parameters[i]);
			this.types[i] = mapper.constructType(parameters[i].getParameterizedType());
			this.required[i] = JsonSchemaGenerator.isRequired(parameters[i]);
		}
		ReflectionUtils.makeAccessible(method);
	}

	@Override
	public FunctionDefinition definition() {
		return this.definition;
	}

	@Override
	public String call(String arguments) {
		JsonNode node = readArguments(this.mapper, name(), arguments);
		Object[] values = new Object[this.names.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = argument(i, node.get(this.names[i]));
		}
		Object bean = this.target.get();
		Object result;
		try {
			result = invocable(bean).invoke(bean, values);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getTargetException();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new MistralToolException(MistralToolException.Reason.TOOL_FAILED, name(), null,
					"Tool '" + name() + "' failed: " + cause, cause);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot invoke " + JsonSchemaGenerator.describe(this.method), ex);
		}
		return render(this.mapper, result, this.method.getReturnType() == void.class);
	}

	private @Nullable Object argument(int index, @Nullable JsonNode value) {
		Class<?> raw = this.types[index].getRawClass();
		if (value == null || value.isNull() || value.isMissingNode()) {
			if (this.required[index]) {
				throw MistralToolException.invalidArguments(name(),
						"missing required argument '" + this.names[index] + "'", null);
			}
			return empty(raw);
		}
		try {
			return this.mapper.treeToValue(value, this.types[index]);
		}
		catch (JacksonException ex) {
			throw MistralToolException.invalidArguments(name(),
					"argument '" + this.names[index] + "': " + ex.getOriginalMessage(), ex);
		}
	}

	private static @Nullable Object empty(Class<?> type) {
		if (type == Optional.class) {
			return Optional.empty();
		}
		if (type == OptionalInt.class) {
			return OptionalInt.empty();
		}
		if (type == OptionalLong.class) {
			return OptionalLong.empty();
		}
		if (type == OptionalDouble.class) {
			return OptionalDouble.empty();
		}
		if (type.isPrimitive()) {
			return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
		}
		return null;
	}

	/**
	 * The method to invoke on this object: the annotated one, or, on a JDK proxy that is
	 * not an instance of the annotated class, the proxy's method of the same signature.
	 */
	private Method invocable(Object bean) {
		Invocable cached = this.invocable;
		if (cached != null && cached.on() == bean.getClass()) {
			return cached.method();
		}
		Method found = this.method;
		if (!this.method.getDeclaringClass().isInstance(bean)
				&& !java.lang.reflect.Modifier.isStatic(this.method.getModifiers())) {
			found = ClassUtils.getMethodIfAvailable(bean.getClass(), this.method.getName(),
					this.method.getParameterTypes());
			if (found == null) {
				throw new IllegalStateException("The object behind tool '" + name() + "' (" + bean.getClass().getName()
						+ ") has no method " + this.method.getName() + ": a JDK proxy exposes only interface methods, "
						+ "so declare the @MistralTool method on an interface or use class-based proxies");
			}
			ReflectionUtils.makeAccessible(found);
		}
		this.invocable = new Invocable(bean.getClass(), found);
		return found;
	}

	/**
	 * Reads tool arguments: a JSON object, blank for none, or a JSON string holding an
	 * object (some models encode twice).
	 */
	static JsonNode readArguments(JsonMapper mapper, String tool, @Nullable String arguments) {
		if (arguments == null || arguments.isBlank()) {
			return mapper.createObjectNode();
		}
		JsonNode node;
		try {
			node = mapper.readTree(arguments);
			if (node.isString()) {
				node = mapper.readTree(node.asString());
			}
		}
		catch (JacksonException ex) {
			throw MistralToolException.invalidArguments(tool, "not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!node.isObject()) {
			throw MistralToolException.invalidArguments(tool,
					"expected a JSON object, got " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
					null);
		}
		return node;
	}

	/**
	 * The text sent back to the model for a tool's result: a string as it is,
	 * {@code done} for a {@code void} method, anything else as JSON.
	 */
	static String render(JsonMapper mapper, @Nullable Object result, boolean isVoid) {
		if (isVoid) {
			return VOID_RESULT;
		}
		if (result instanceof CharSequence text) {
			return text.toString();
		}
		if (result instanceof Optional<?> optional) {
			return render(mapper, optional.orElse(null), false);
		}
		return mapper.writeValueAsString(result);
	}

	@Override
	public String toString() {
		return "ToolCallback[" + name() + " -> " + JsonSchemaGenerator.describe(this.method) + "]";
	}

	static Map<String, Object> objectSchema(Map<String, Object> schema, String what) {
		if (!"object".equals(schema.get("type"))) {
			throw new IllegalArgumentException(
					what + " must be an object type, such as a record; its schema is " + schema);
		}
		return schema;
	}

	private record Invocable(Class<?> on, Method method) {
	}

}
