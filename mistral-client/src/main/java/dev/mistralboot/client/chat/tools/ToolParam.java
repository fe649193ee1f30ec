package dev.mistralboot.client.chat.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter of a {@link MistralTool} method, or a field or record component
 * of a type used in a tool's parameters or in structured output. The description goes
 * into the JSON schema the model reads.
 *
 * <pre>{@code
 * record Transfer(@ToolParam(description = "IBAN of the payee") String iban,
 *         &#64;ToolParam(description = "Amount in euros", required = false) BigDecimal amount) {
 * }
 * }</pre>
 */
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ToolParam {

	/**
	 * What the value is; the model reads this.
	 * @return the description; empty for none
	 */
	String description() default "";

	/**
	 * Whether the model must provide the value. {@code Optional} and {@code @Nullable}
	 * values are optional whatever this says.
	 * @return {@code false} to make the value optional
	 */
	boolean required() default true;

	/**
	 * The JSON name of a method parameter (ignored on fields and record components, which
	 * are named by Jackson: use {@code @JsonProperty} there).
	 * @return the name; empty for the parameter's own name
	 */
	String name() default "";

}
