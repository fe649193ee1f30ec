package dev.mistralboot.client.chat.tools;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.mistralboot.client.chat.FunctionDefinition;
import dev.mistralboot.client.chat.FunctionTool;
import dev.mistralboot.client.chat.Tool;
import dev.mistralboot.client.core.MistralJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * The tools a conversation offers the model, and how the conversation runs them: at most
 * {@link #maxRounds()} tool rounds, failures handled by {@link #failurePolicy()}.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * ToolRegistry tools = ToolRegistry.builder()
 *     .annotated(new Payments(repository))                  // its @MistralTool methods
 *     .tool("get_time", "The current time in a time zone", TimeQuery.class,
 *             (query) -> ZonedDateTime.now(ZoneId.of(query.zone())).toString())
 *     .build();
 * ToolConversation answer = chat.withTools(tools).complete(request);
 * }</pre>
 *
 * In a Spring Boot application the auto-configured registry holds every
 * {@link MistralTool} method of the application's beans and every {@link ToolCallback}
 * bean.
 */
public final class ToolRegistry {

	/** The default maximum number of tool rounds in one conversation. */
	public static final int DEFAULT_MAX_ROUNDS = 10;

	private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

	private final Map<String, ToolCallback> callbacks;

	private final List<Tool> tools;

	private final int maxRounds;

	private final ToolFailurePolicy failurePolicy;

	private ToolRegistry(Map<String, ToolCallback> callbacks, int maxRounds, ToolFailurePolicy failurePolicy) {
		this.callbacks = Collections.unmodifiableMap(callbacks);
		this.tools = callbacks.values()
			.stream()
			.<Tool>map((callback) -> new FunctionTool(callback.definition()))
			.toList();
		this.maxRounds = maxRounds;
		this.failurePolicy = failurePolicy;
	}

	/**
	 * Starts a registry.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A registry of the {@link MistralTool} methods of some objects, with the default
	 * settings.
	 * @param objects objects with {@code @MistralTool} methods
	 * @return the registry
	 * @throws IllegalArgumentException when an object has no such method or two tools
	 * share a name
	 */
	public static ToolRegistry of(Object... objects) {
		Builder builder = builder();
		for (Object object : objects) {
			builder.annotated(object);
		}
		return builder.build();
	}

	/**
	 * The tools to send in a request, one {@code function} tool per callback, in
	 * registration order.
	 * @return the tools
	 */
	public List<Tool> tools() {
		return this.tools;
	}

	/**
	 * The callbacks, in registration order.
	 * @return the callbacks
	 */
	public List<ToolCallback> callbacks() {
		return List.copyOf(this.callbacks.values());
	}

	/**
	 * The names of the tools, in registration order.
	 * @return the names
	 */
	public Set<String> names() {
		return this.callbacks.keySet();
	}

	/**
	 * The callback of a tool.
	 * @param name the tool's name
	 * @return the callback, or {@code null} when no tool has this name
	 */
	public @Nullable ToolCallback get(String name) {
		return this.callbacks.get(name);
	}

	/**
	 * Whether the registry holds no tool.
	 * @return {@code true} when empty
	 */
	public boolean isEmpty() {
		return this.callbacks.isEmpty();
	}

	/**
	 * The most tool rounds a conversation may run before it fails with
	 * {@link MistralToolRoundsExceededException}.
	 * @return the maximum
	 */
	public int maxRounds() {
		return this.maxRounds;
	}

	/**
	 * What a conversation does when a tool call fails.
	 * @return the policy
	 */
	public ToolFailurePolicy failurePolicy() {
		return this.failurePolicy;
	}

	@Override
	public String toString() {
		return "ToolRegistry" + names() + "[maxRounds=" + this.maxRounds + ", failurePolicy=" + this.failurePolicy
				+ "]";
	}

	static void checkName(String name, String where) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Tool name '" + name + "' of " + where
					+ " is not valid: use 1 to 64 letters, digits, '_' or '-' (set @MistralTool(name = ...))");
		}
	}

	static int checkMaxRounds(int maxRounds) {
		if (maxRounds < 1) {
			throw new IllegalArgumentException(
					"maxRounds must be at least 1, was " + maxRounds + " (set mistral.tools.max-rounds)");
		}
		return maxRounds;
	}

	/**
	 * Whether a class declares (or inherits) {@link MistralTool} methods; cheap enough to
	 * ask of every bean class.
	 * @param type the class
	 * @return {@code true} when it has at least one
	 */
	public static boolean hasToolMethods(Class<?> type) {
		if (!org.springframework.core.annotation.AnnotationUtils.isCandidateClass(type, MistralTool.class)) {
			return false;
		}
		return !Builder.annotatedMethods(type).isEmpty();
	}

	/**
	 * Builds a {@link ToolRegistry}. Callbacks are created by {@link #build()}, with the
	 * mapper set here.
	 */
	public static final class Builder {

		private final List<Function<Context, List<ToolCallback>>> sources = new ArrayList<>();

		private @Nullable JsonMapper jsonMapper;

		private int maxRounds = DEFAULT_MAX_ROUNDS;

		private ToolFailurePolicy failurePolicy = ToolFailurePolicy.REPORT_TO_MODEL;

		private Builder() {
		}

		/**
		 * Adds the {@link MistralTool} methods of an object (of its class, or of the
		 * class behind a CGLIB proxy).
		 * @param object the object
		 * @return this builder
		 * @throws IllegalArgumentException (at {@link #build()}) when the class has no
		 * such method
		 */
		public Builder annotated(Object object) {
			Objects.requireNonNull(object, "object");
			return annotated(ClassUtils.getUserClass(object), () -> object);
		}

		/**
		 * Adds the {@link MistralTool} methods of a class, invoked on an object obtained
		 * when a tool is called (how the auto-configuration adds beans, which may be
		 * proxies or created late).
		 * @param type the class declaring the methods
		 * @param object supplies the object to invoke them on
		 * @return this builder
		 */
		public Builder annotated(Class<?> type, Supplier<?> object) {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(object, "object");
			this.sources.add((context) -> {
				Map<Method, MistralTool> methods = annotatedMethods(type);
				if (methods.isEmpty()) {
					throw new IllegalArgumentException(type.getName() + " has no @MistralTool method");
				}
				List<ToolCallback> callbacks = new ArrayList<>();
				methods.forEach((method, annotation) -> callbacks
					.add(new MethodToolCallback(object, method, annotation, context.mapper(), context.schemas())));
				return callbacks;
			});
			return this;
		}

		/**
		 * Adds a callback.
		 * @param callback the callback
		 * @return this builder
		 */
		public Builder tool(ToolCallback callback) {
			Objects.requireNonNull(callback, "callback");
			this.sources.add((context) -> List.of(callback));
			return this;
		}

		/**
		 * Adds a tool written by hand, working on JSON text.
		 * @param name the name (1 to 64 letters, digits, {@code _} or {@code -})
		 * @param description what it does
		 * @param parameters the JSON schema of its arguments (an object schema)
		 * @param function maps the arguments (JSON text) to the result (text)
		 * @return this builder
		 */
		public Builder tool(String name, String description, Map<String, Object> parameters,
				Function<String, String> function) {
			return tool(ToolCallback.of(new FunctionDefinition(name, description, null, parameters), function));
		}

		/**
		 * Adds a tool written by hand whose arguments are read into a type (usually a
		 * record); its schema is generated from the type.
		 * @param <I> the arguments type
		 * @param name the name (1 to 64 letters, digits, {@code _} or {@code -})
		 * @param description what it does
		 * @param argumentsType the arguments type; its schema must be an object
		 * @param function maps the arguments to the result (a string is sent as it is,
		 * anything else as JSON)
		 * @return this builder
		 */
		public <I> Builder tool(String name, String description, Class<I> argumentsType,
				Function<? super I, ?> function) {
			checkName(name, "tool(\"" + name + "\", ...)");
			Objects.requireNonNull(argumentsType, "argumentsType");
			Objects.requireNonNull(function, "function");
			this.sources.add((context) -> {
				Map<String, Object> schema = MethodToolCallback.objectSchema(context.schemas().schemaOf(argumentsType),
						"The arguments type of tool '" + name + "'");
				FunctionDefinition definition = new FunctionDefinition(name, description, null, schema);
				JsonMapper mapper = context.mapper();
				return List.of(ToolCallback.of(definition, (arguments) -> {
					I input;
					try {
						input = mapper.treeToValue(MethodToolCallback.readArguments(mapper, name, arguments),
								argumentsType);
					}
					catch (JacksonException ex) {
						throw MistralToolException.invalidArguments(name, ex.getOriginalMessage(), ex);
					}
					return MethodToolCallback.render(mapper, function.apply(input), false);
				}));
			});
			return this;
		}

		/**
		 * Sets the mapper that reads arguments and writes results (by default the
		 * clients' default mapper; the auto-configuration uses the chat client's).
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
			return this;
		}

		/**
		 * Sets the most tool rounds a conversation may run (default
		 * {@value #DEFAULT_MAX_ROUNDS}).
		 * @param maxRounds the maximum, at least 1
		 * @return this builder
		 */
		public Builder maxRounds(int maxRounds) {
			this.maxRounds = checkMaxRounds(maxRounds);
			return this;
		}

		/**
		 * Sets what a conversation does when a tool call fails (default
		 * {@link ToolFailurePolicy#REPORT_TO_MODEL}).
		 * @param failurePolicy the policy
		 * @return this builder
		 */
		public Builder failurePolicy(ToolFailurePolicy failurePolicy) {
			this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy");
			return this;
		}

		/**
		 * Builds the registry: generates the schemas and checks the names.
		 * @return the registry
		 * @throws IllegalArgumentException when a name is invalid or used twice, or a
		 * schema cannot be made
		 */
		public ToolRegistry build() {
			JsonMapper mapper = (this.jsonMapper != null) ? this.jsonMapper : MistralJson.defaultMapper();
			Context context = new Context(mapper, new JsonSchemaGenerator(mapper));
			Map<String, ToolCallback> callbacks = new LinkedHashMap<>();
			for (Function<Context, List<ToolCallback>> source : this.sources) {
				for (ToolCallback callback : source.apply(context)) {
					ToolCallback previous = callbacks.putIfAbsent(callback.name(), callback);
					if (previous != null) {
						throw new IllegalArgumentException("Two tools are named '" + callback.name() + "': " + previous
								+ " and " + callback + ". Give one another name with @MistralTool(name = ...)");
					}
				}
			}
			return new ToolRegistry(callbacks, this.maxRounds, this.failurePolicy);
		}

		private static Map<Method, MistralTool> annotatedMethods(Class<?> type) {
			return MethodIntrospector.selectMethods(type,
					(MethodIntrospector.MetadataLookup<MistralTool>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, MistralTool.class));
		}

	}

	private record Context(JsonMapper mapper, JsonSchemaGenerator schemas) {
	}

}
