package dev.mistralboot.autoconfigure.aot;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * Runtime hints for native images: reflection for every type the Mistral clients read or
 * write as JSON (found by {@link MistralBindingTypes} from the public client classes, so
 * new types are covered without a list to keep), their Jackson serializers and
 * deserializers, the client's version resource, and what the JSON schema generation of
 * tools and structured output introspects besides the application's own types. Registered
 * in {@code META-INF/spring/aot.factories}.
 * <p>
 * The application's own structured output types ({@code chat.complete(request,
 * Statement.class)}) are not known at build time: annotate a configuration class with
 * {@code @RegisterReflectionForBinding(Statement.class)}. The parameter and return types
 * of {@code @MistralTool} methods are registered by {@link MistralToolsAotProcessor}.
 */
public class MistralRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * Types that schema generation (victools, through classmate) introspects when they
	 * appear in a tool's parameters or a structured output type.
	 */
	static final Class<?>[] SCHEMA_TYPES = { Optional.class, OptionalInt.class, OptionalLong.class,
			OptionalDouble.class, BigDecimal.class, BigInteger.class, UUID.class, URI.class, URL.class, Duration.class,
			Instant.class, LocalDate.class, LocalDateTime.class, LocalTime.class, OffsetDateTime.class,
			ZonedDateTime.class };

	private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	/**
	 * Registers the hints.
	 * @param hints the hints to contribute to
	 * @param classLoader the class loader of the application
	 */
	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		MistralBindingTypes types = MistralBindingTypes.discover(classLoader);
		for (Class<?> type : types.bindingTypes()) {
			this.bindings.registerReflectionHints(hints.reflection(), type);
			// private record constructors, static factories (@JsonCreator) and nested
			// helper types are reached by Jackson too
			hints.reflection()
				.registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS,
						MemberCategory.ACCESS_DECLARED_FIELDS);
		}
		for (Class<?> codec : types.codecTypes()) {
			hints.reflection().registerType(codec, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
		}
		hints.resources().registerPattern("dev/mistralboot/client/core/mistral-client.properties");
		for (Class<?> type : SCHEMA_TYPES) {
			hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
		}
		// the Jackson module of the schema generator is created reflectively by nothing,
		// but reads these annotations on the application's types
		hints.reflection()
			.registerType(TypeReference.of("com.fasterxml.jackson.annotation.JsonPropertyDescription"))
			.registerType(TypeReference.of("com.fasterxml.jackson.annotation.JsonClassDescription"));
	}

}
