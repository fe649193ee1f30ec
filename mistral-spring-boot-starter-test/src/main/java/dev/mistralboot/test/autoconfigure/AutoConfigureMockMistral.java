package dev.mistralboot.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the application's Mistral clients at a {@link dev.mistralboot.test.MockMistral}
 * server, for {@code @SpringBootTest} classes.
 *
 * <p>
 * The server starts on a random loopback port with the application context, which
 * receives {@code mistral.base-url} (its address) and {@code mistral.api-key} (a dummy
 * key; a real key set in the environment is never sent) with the highest precedence, and
 * a {@code MockMistral} bean to script answers and inspect requests. After each test
 * method, the test fails when a request did not conform to the Mistral OpenAPI
 * description, and the server is {@linkplain dev.mistralboot.test.MockMistral#reset()
 * reset}. The server stops with the context (contexts are cached and shared between test
 * classes with the same configuration, like any Spring test context).
 *
 * <pre>{@code
 * &#64;SpringBootTest

 * &#64;AutoConfigureMockMistral
 * class AdvisorTests {
 *     &#64;Autowired Advisor advisor;
 *     &#64;Autowired MockMistral mistral;
 *
 *
&#64;Test
 *     void advises() {
 *         mistral.chat().reply("Take an umbrella.");
 *         assertThat(advisor.advise("Rain today?")).isEqualTo("Take an umbrella.");
 *         assertThat(mistral.lastChatRequest().messages()).hasSize(1);
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureMockMistral {

	/**
	 * Whether a request that does not conform to the OpenAPI description fails the test
	 * method during which it was sent. When {@code false}, such requests still receive a
	 * 422 and are listed by {@link dev.mistralboot.test.MockMistral#violations()}.
	 * @return {@code true} by default
	 */
	boolean failOnNonConformingRequests() default true;

}
