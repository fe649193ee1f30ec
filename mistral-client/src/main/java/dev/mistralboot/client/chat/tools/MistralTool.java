package dev.mistralboot.client.chat.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method the model may call. In a Spring Boot application every bean with such
 * methods is found and offered in the {@link ToolRegistry} bean; without Spring, add the
 * object with {@link ToolRegistry.Builder#annotated(Object)}.
 *
 * <pre>{@code
 * &#64;Component
 * class Payments {
 *
 *

&#64;MistralTool(name = "retrieve_payment_status", description = "Get payment status of a transaction")
 *     PaymentStatus status(@ToolParam(name = "transaction_id", description = "The transaction id.") String id) {
 *         return repository.status(id);
 *     }
 *
 * }
 * }</pre>
 *
 * Each method parameter becomes one property of the tool's parameter schema, named after
 * the parameter (compile with {@code -parameters}, as Spring Boot's build plugins do, or
 * set {@link ToolParam#name()}). Parameters may be of any type Jackson reads: records,
 * enums, lists, maps, nested objects, {@code Optional}. A parameter is required unless it
 * is an {@code Optional}, annotated {@code @Nullable} or
 * {@code @ToolParam(required = false)}.
 * <p>
 * The return value is sent back to the model: a {@code String} as it is, {@code void} as
 * {@code done}, anything else written as JSON. An exception thrown by the method is sent
 * back as an error the model can react to (see {@link ToolFailurePolicy}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MistralTool {

	/**
	 * The tool's name, as the model sees it: 1 to 64 letters, digits, {@code _} or
	 * {@code -}.
	 * @return the name; empty for the method's name
	 */
	String name() default "";

	/**
	 * What the tool does and when to use it; the model reads this to decide.
	 * @return the description; empty for none
	 */
	String description() default "";

}
